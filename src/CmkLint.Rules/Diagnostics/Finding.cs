using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Diagnostics;

/// <summary>Whether a finding proves a problem or records a check that could not be decided.</summary>
public enum FindingKind
{
    /// <summary>The analysed values prove the violation.</summary>
    Violation,

    /// <summary>A value the check needs could not be resolved (SARIF <c>kind: "open"</c>).</summary>
    Inconclusive,
}

/// <summary>Another place of the CMK chain that explains a finding (the identity, the vault, the grant...).</summary>
public sealed class RelatedLocation
{
    public RelatedLocation(SourceSpan span, string message)
    {
        Span = span;
        Message = message;
    }

    public SourceSpan Span { get; }

    public string Message { get; }
}

/// <summary>One result of a rule (or a CMK900/CMK901 input diagnostic).</summary>
public sealed class Finding
{
    public Finding(RuleDescriptor rule, Level level, string message, SourceSpan span, string fingerprint, FindingKind kind = FindingKind.Violation)
    {
        Rule = rule;
        Level = level;
        Message = message;
        Span = span;
        Fingerprint = fingerprint;
        Kind = kind;
    }

    public RuleDescriptor Rule { get; }

    public string RuleId => Rule.Id;

    public Level Level { get; set; }

    public string Message { get; internal set; }

    /// <summary>The primary location: the wrong value (where its caller or parameters file decides it, when it came from there), else the resource declaration.</summary>
    public SourceSpan Span { get; internal set; }

    /// <summary>
    /// Where the rule saw the value, when the primary location moved to the caller's argument that decides
    /// it: a suppression written there still applies, and a module cache relocates by it.
    /// </summary>
    internal SourceSpan? MovedFrom { get; set; }

    /// <summary>The path of the primary location's file, or the path given for a file that could not be read.</summary>
    public string Path => Span.File?.Path ?? FallbackPath ?? string.Empty;

    /// <summary>Used when a finding has no source span (for example a file that could not be read at all).</summary>
    public string? FallbackPath { get; set; }

    public List<RelatedLocation> Related { get; } = new();

    /// <summary>The entry points (template with its defaults, with a parameters file, from a caller) where the finding holds.</summary>
    public List<string> Contexts { get; } = new();

    /// <summary>Every entry point analysed that could have found it (to tell where it does not hold).</summary>
    internal List<string> ContextsTried { get; } = new();

    /// <summary>Rule ID + file + resource + property path: stable when code moves (RULES.md).</summary>
    public string Fingerprint { get; }

    public FindingKind Kind { get; }

    /// <summary>Set when a pragma, metadata, configuration or baseline suppresses the finding.</summary>
    public SuppressionInfo? Suppression { get; set; }

    /// <summary>For previous-state rules: which comparison produced the finding (e.g. <c>git:origin/main</c>).</summary>
    public string? Comparison { get; set; }

    public bool IsSuppressed => Suppression is not null;

    /// <summary>The change that corrects the finding, when the rule can prove it (<c>--fix</c>, editor code actions).</summary>
    public SuggestedFix? Fix { get; set; }

    public override string ToString()
    {
        var p = Span.StartPosition;
        return $"{Path}({p.Line},{p.Column}): {Level.ToString().ToLowerInvariant()} {RuleId}: {Message}";
    }
}

/// <summary>Why a finding is suppressed.</summary>
public sealed class SuppressionInfo
{
    public SuppressionInfo(string kind, string? justification)
    {
        Kind = kind;
        Justification = justification;
    }

    /// <summary><c>inSource</c> (pragma or metadata) or <c>external</c> (baseline, configuration), as SARIF names them.</summary>
    public string Kind { get; }

    public string? Justification { get; }
}
