using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;

namespace CmkLint.Cli.Commands;

/// <summary><c>--statistics</c>: how many findings each rule has (suppressed and inconclusive counted apart), most first.</summary>
internal static class Statistics
{
    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings)
    {
        var rows = findings
            .GroupBy(f => f.Rule)
            .Select(g => (Rule: g.Key, Reported: g.Count(f => !f.IsSuppressed && f.Kind == FindingKind.Violation), Inconclusive: g.Count(f => !f.IsSuppressed && f.Kind == FindingKind.Inconclusive), Suppressed: g.Count(f => f.IsSuppressed)))
            .OrderByDescending(r => r.Reported)
            .ThenBy(r => r.Rule.Id, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            writer.WriteLine("no findings");
            return;
        }

        int nameWidth = rows.Max(r => r.Rule.Name.Length);
        writer.WriteLine($"{"COUNT",5}  {"ID",-6}  {"NAME".PadRight(nameWidth)}  OTHER");
        foreach (var row in rows)
        {
            var other = new List<string>();
            if (row.Inconclusive > 0)
            {
                other.Add($"{row.Inconclusive} inconclusive");
            }

            if (row.Suppressed > 0)
            {
                other.Add($"{row.Suppressed} suppressed");
            }

            writer.WriteLine($"{row.Reported,5}  {row.Rule.Id,-6}  {row.Rule.Name.PadRight(nameWidth)}  {string.Join(", ", other)}".TrimEnd());
        }
    }
}
