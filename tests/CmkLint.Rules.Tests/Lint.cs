using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;

namespace CmkLint.Rules.Tests;

/// <summary>Runs the engine over in-memory templates the way the CLI runs it over files.</summary>
internal static class Lint
{
    public const string MainPath = "/virtual/main.json";

    public static LintResult Json(string json, bool includeInconclusive = false) =>
        Files(new Dictionary<string, string> { [MainPath] = json }, includeInconclusive);

    public static LintResult Files(Dictionary<string, string> files, bool includeInconclusive = false, Action<LintOptions>? configure = null)
    {
        var options = new LintOptions { Parallel = false, IncludeInconclusive = includeInconclusive };
        configure?.Invoke(options);
        return new LintEngine(options).AnalyzeTexts(files);
    }

    /// <summary>The findings of one rule.</summary>
    public static List<Finding> Of(this LintResult result, string ruleId) =>
        result.Findings.Where(f => f.RuleId == ruleId).ToList();

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="needle"/>: the expected position, found by plain text search.</summary>
    public static (int Line, int Column) Locate(string text, string needle, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new ArgumentException($"'{needle}' occurs fewer than {occurrence + 1} times");
            }
        }

        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, at - lineStart + 1);
    }

    public static (int Line, int Column) Position(this Finding finding) => (finding.Span.StartPosition.Line, finding.Span.StartPosition.Column);

    /// <summary>The repository root: the folder with CmkLint.sln above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CmkLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CmkLint.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The shared folder beside the repository (corpus, tools): <c>../shared</c> as CI lays it out; a git
    /// worktree kept in a subfolder finds it beside a further ancestor.
    /// </summary>
    public static string SharedRoot()
    {
        string beside = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));
        for (var dir = new DirectoryInfo(RepositoryRoot()).Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        return beside;
    }

    public static string Describe(LintResult result) => string.Join(Environment.NewLine, result.Findings.Select(f => f.ToString()));
}
