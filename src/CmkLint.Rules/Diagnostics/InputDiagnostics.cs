using CmkLint.Text;

namespace CmkLint.Diagnostics;

/// <summary>CMK900, CMK901 and CMK902: problems with the input itself, reported like findings, never thrown.</summary>
public static class InputDiagnostics
{
    public static readonly RuleDescriptor InvalidTemplate = new(
        "CMK900",
        "invalid-template",
        "A file cannot be read as an ARM template, parameters file or Bicep file.",
        "The file has a syntax error, a wrong encoding, or is not a template. The diagnostic points at the exact line and column; the other files are still analysed.",
        Level.Error,
        "0.0",
        "input");

    public static readonly RuleDescriptor UnsupportedConstruct = new(
        "CMK901",
        "unsupported-construct",
        "Something the engine does not evaluate yet.",
        "A construct CmkLint does not evaluate (named in the message); checks that depend on it are inconclusive.",
        Level.Note,
        "0.0",
        "input");

    public static readonly RuleDescriptor UnusedSuppression = new(
        "CMK902",
        "unused-suppression",
        "A suppression suppresses nothing: no finding matched it, or it names no CmkLint rule.",
        "A #disable-next-line or #disable-diagnostics pragma, a metadata.cmklint.suppress entry, a cmklint.json 'suppress' entry or a baseline entry that matched no finding of this run (the code was fixed or moved, or the suppression names the wrong rule), or that names a rule CmkLint does not have. --report-unused-suppressions makes it an error.",
        Level.Note,
        "0.0",
        "input");

    public static Finding Invalid(SourceSpan span, string message) =>
        new(InvalidTemplate, Level.Error, message, span, $"CMK900|{span.File?.Path}|{span.StartPosition.Line}");

    /// <summary>A file that could not be read at all (no text, so no span).</summary>
    public static Finding Unreadable(string path, string message) =>
        new(InvalidTemplate, Level.Error, message, SourceSpan.None, $"CMK900|{path}") { FallbackPath = path };

    public static Finding Unsupported(SourceSpan span, string construct) =>
        new(UnsupportedConstruct, Level.Note, $"{construct} is not evaluated by CmkLint; checks that depend on it are inconclusive", span, $"CMK901|{span.File?.Path}|{construct}");

    /// <summary>A value inside an otherwise valid file that cannot be read (e.g. an ARM expression that does not parse).</summary>
    public static Finding UnreadableValue(SourceSpan span, string problem) =>
        new(UnsupportedConstruct, Level.Note, $"{problem}; checks that depend on this value are inconclusive", span, $"CMK901|{span.File?.Path}|{span.Start}");

    /// <summary>A value or a piece of work over one of the analysis budgets (docs/security.md): the value is unknown.</summary>
    public static Finding OverBudget(SourceSpan span, string budget, long limit, string what) =>
        new(UnsupportedConstruct, Level.Note, $"{what}: over the analysis budget '{budget}' ({limit}; set 'budgets.{budget}' in cmklint.json); the value is unknown and checks that depend on it are inconclusive", span, $"CMK901|{span.File?.Path}|budget:{budget}|{span.StartPosition.Line}");

    /// <summary>A file whose analysis ran out of its wall-clock budget: its findings are left out, as they may rest on values not computed.</summary>
    public static Finding OutOfTime(string path, SourceSpan span, int seconds) =>
        new(UnsupportedConstruct, Level.Note, $"the analysis of this file stopped after its budget 'fileSeconds' ({seconds} s; set 'budgets.fileSeconds' in cmklint.json); its checks are inconclusive", span, $"CMK901|{path}|budget:fileSeconds") { FallbackPath = path };
}
