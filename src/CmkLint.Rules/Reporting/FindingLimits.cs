using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;

namespace CmkLint.Reporting;

/// <summary>
/// How many findings a report shows: one file (a generated or hostile template) cannot bury the others
/// or blow up a log or a SARIF upload. Identical diagnostics (same rule, place, level and message)
/// are shown once. Counts in the summary still include every finding, so the exit code does not change.
/// </summary>
public sealed class FindingLimits
{
    /// <summary>Default for <c>limits.maxFindingsPerFile</c> in <c>cmklint.json</c>.</summary>
    public const int DefaultMaxFindingsPerFile = 200;

    /// <summary>Default for <c>limits.maxFindingsPerRun</c> in <c>cmklint.json</c>.</summary>
    public const int DefaultMaxFindingsPerRun = 5000;

    public int MaxFindingsPerFile { get; set; } = DefaultMaxFindingsPerFile;

    public int MaxFindingsPerRun { get; set; } = DefaultMaxFindingsPerRun;

    /// <summary>
    /// The findings to show, in their order: duplicates dropped, then per file and per run the most
    /// severe kept first (errors before warnings before notes, suppressed last); <paramref name="omitted"/>
    /// counts the findings left out by the limits; <paramref name="distinct"/> is every finding once.
    /// </summary>
    public List<Finding> Apply(IReadOnlyList<Finding> findings, out List<Finding> distinct, out int omitted)
    {
        distinct = new List<Finding>(findings.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (seen.Add(Identity(f)))
            {
                distinct.Add(f);
            }
        }

        // Rank by severity, then by report order, and keep while both limits allow.
        var ranked = new List<int>(distinct.Count);
        for (int i = 0; i < distinct.Count; i++)
        {
            ranked.Add(i);
        }

        var all = distinct;
        ranked.Sort((a, b) =>
        {
            int c = Rank(all[b]).CompareTo(Rank(all[a]));
            return c != 0 ? c : a.CompareTo(b);
        });

        var keep = new bool[distinct.Count];
        var perFile = new Dictionary<string, int>(StringComparer.Ordinal);
        int kept = 0;
        omitted = 0;
        foreach (int i in ranked)
        {
            string path = distinct[i].Path;
            perFile.TryGetValue(path, out int inFile);
            if (inFile >= MaxFindingsPerFile || kept >= MaxFindingsPerRun)
            {
                omitted++;
                continue;
            }

            perFile[path] = inFile + 1;
            kept++;
            keep[i] = true;
        }

        var result = new List<Finding>(kept);
        for (int i = 0; i < distinct.Count; i++)
        {
            if (keep[i])
            {
                result.Add(distinct[i]);
            }
        }

        return result;
    }

    private static int Rank(Finding f) => f.IsSuppressed ? 0 : f.Kind == FindingKind.Inconclusive ? 1 : 2 + (int)f.Level;

    private static string Identity(Finding f) =>
        string.Join("\u0001", f.RuleId, f.Path, f.Span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Span.End.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Level.ToString(), f.Kind.ToString(), f.Message, f.Comparison ?? string.Empty, f.IsSuppressed ? "s" : string.Empty);
}
