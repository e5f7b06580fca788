using System;
using System.Collections.Generic;
using System.Globalization;
using CmkLint.Diagnostics;

namespace CmkLint.Reporting;

/// <summary>The tool that produced a report, as SARIF's <c>tool.driver</c> names it.</summary>
public sealed class ToolInfo
{
    public ToolInfo(string name, string version, string informationUri)
    {
        Name = name;
        Version = version;
        InformationUri = informationUri;
    }

    public string Name { get; }

    /// <summary>The full version (may carry build metadata after <c>+</c>).</summary>
    public string Version { get; }

    /// <summary>The version without build metadata, as semantic versioning compares it.</summary>
    public string SemanticVersion
    {
        get
        {
            int plus = Version.IndexOf('+');
            return plus < 0 ? Version : Version.Substring(0, plus);
        }
    }

    public string InformationUri { get; }
}

/// <summary>One lint run as the reporters see it: findings (sorted, suppressions applied), file count, time, tool and source root.</summary>
public sealed class ReportRun
{
    /// <summary>A run; <c>limits</c> says how many findings are shown (null: the defaults), while the summary counts them all.</summary>
    public ReportRun(IReadOnlyList<Finding> findings, int filesAnalyzed, TimeSpan elapsed, ToolInfo tool, string sourceRoot, FindingLimits? limits = null)
    {
        Limits = limits ?? new FindingLimits();
        Findings = Limits.Apply(findings, out var distinct, out int omitted);
        Omitted = omitted;
        FilesAnalyzed = filesAnalyzed;
        Elapsed = elapsed;
        Tool = tool;
        SourceRoot = sourceRoot;
        Summary = RunSummary.Of(distinct, filesAnalyzed, elapsed);
    }

    /// <summary>The findings shown: identical ones once, within <see cref="Limits"/>.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public FindingLimits Limits { get; }

    /// <summary>Findings left out by the limits (counted in <see cref="Summary"/>, not listed).</summary>
    public int Omitted { get; }

    /// <summary>The line that says what was left out, or null when nothing was.</summary>
    public string? OmittedLine => Omitted == 0 ? null : string.Format(
        CultureInfo.InvariantCulture,
        "{0} more finding{1} not shown (at most {2} per file and {3} per run; raise \"limits\" in cmklint.json to see them)",
        Omitted,
        Omitted == 1 ? string.Empty : "s",
        Limits.MaxFindingsPerFile,
        Limits.MaxFindingsPerRun);

    public int FilesAnalyzed { get; }

    public TimeSpan Elapsed { get; }

    public ToolInfo Tool { get; }

    /// <summary>The folder that SARIF URIs, baselines and portable fingerprints are relative to (the repository root).</summary>
    public string SourceRoot { get; }

    public RunSummary Summary { get; }
}

/// <summary>Counts of a run: suppressed findings and inconclusive checks are counted apart and never fail a run.</summary>
public sealed class RunSummary
{
    private RunSummary()
    {
    }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Notes { get; private set; }

    public int Inconclusive { get; private set; }

    public int Suppressed { get; private set; }

    /// <summary>Files with at least one finding that is not suppressed.</summary>
    public int FilesWithFindings { get; private set; }

    public int FilesAnalyzed { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Checks that could not be decided and are not listed (the run did not ask for <c>--include-inconclusive</c>).</summary>
    public int Undecided { get; set; }

    /// <summary>The highest level among findings that count (violations, not suppressed), or <see cref="Level.None"/>.</summary>
    public Level HighestLevel { get; private set; }

    public static RunSummary Of(IEnumerable<Finding> findings, int filesAnalyzed, TimeSpan elapsed)
    {
        var summary = new RunSummary { FilesAnalyzed = filesAnalyzed, Elapsed = elapsed };
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f.IsSuppressed)
            {
                summary.Suppressed++;
                continue;
            }

            files.Add(f.Path);
            if (f.Kind == FindingKind.Inconclusive)
            {
                summary.Inconclusive++;
                continue;
            }

            switch (f.Level)
            {
                case Level.Error: summary.Errors++; break;
                case Level.Warning: summary.Warnings++; break;
                case Level.Note: summary.Notes++; break;
            }

            if (f.Level > summary.HighestLevel)
            {
                summary.HighestLevel = f.Level;
            }
        }

        summary.FilesWithFindings = files.Count;
        return summary;
    }

    /// <summary>Whether the run fails at this level: a violation at or above it that is not suppressed (<see cref="Level.None"/> never fails).</summary>
    public bool FailsAt(Level failLevel) => failLevel != Level.None && HighestLevel >= failLevel;

    /// <summary>e.g. <c>3 errors, 1 warning; 57 files analysed, 2 with findings; 4 checks undecided (--include-inconclusive to list them) (0.41 s)</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { Count(Errors, "error"), Count(Warnings, "warning") };
        if (Notes > 0)
        {
            parts.Add(Count(Notes, "note"));
        }

        if (Inconclusive > 0)
        {
            parts.Add(Inconclusive.ToString(CultureInfo.InvariantCulture) + " inconclusive");
        }

        if (Suppressed > 0)
        {
            parts.Add(Suppressed.ToString(CultureInfo.InvariantCulture) + " suppressed");
        }

        string files = FilesAnalyzed == 1 ? "file" : "files";
        string seconds = Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        string undecided = Undecided > 0 ? $"; {Undecided} check{(Undecided == 1 ? string.Empty : "s")} undecided (--include-inconclusive to list them)" : string.Empty;
        return $"{string.Join(", ", parts)}; {FilesAnalyzed} {files} analysed, {FilesWithFindings} with findings{undecided} ({seconds} s)";
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
