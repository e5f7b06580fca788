using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Fixes;

namespace CmkLint.Cli.Commands;

/// <summary>
/// <c>--fix</c>: applies the certain fixes of the reported findings to the Bicep and JSON files (each
/// fix listed on standard error), or with <c>--diff</c> prints them as a unified diff and writes nothing.
/// A file changed on disk since it was linted is left alone.
/// </summary>
internal static class FixStep
{
    /// <summary>The outcome: how many fixes were applied (or would be, with <c>--diff</c>); null when a file could not be written.</summary>
    public static int? Run(IReadOnlyList<Finding> findings, bool diffOnly, bool quiet, CliConsole console)
    {
        var fixes = FixPlanner.Plan(findings);
        var files = FixedFile.Apply(fixes);
        int applied = 0;
        bool failed = false;
        foreach (var file in files)
        {
            string? problem = diffOnly ? null : Write(file);
            if (problem is not null)
            {
                console.Error.WriteLine($"cmklint: not fixed {file.Path}: {problem}");
                failed = true;
                continue;
            }

            if (diffOnly)
            {
                UnifiedDiff.Write(console.Out, file);
            }

            foreach (var fix in file.Fixes)
            {
                // A fix with edits in two files is listed once, with its finding's file.
                if (string.Equals(fix.Edits[0].Path, file.Path, StringComparison.Ordinal))
                {
                    applied++;
                    if (!quiet)
                    {
                        var at = fix.Finding.Span.StartPosition;
                        console.Error.WriteLine($"cmklint: {(diffOnly ? "would fix" : "fixed")} {fix.Finding.RuleId} {fix.Finding.Path}({at.Line},{at.Column}): {fix.Title}");
                    }
                }
            }
        }

        if (!quiet)
        {
            int reported = 0;
            foreach (var finding in findings)
            {
                if (finding.Kind == FindingKind.Violation && !finding.IsSuppressed && finding.Level != Level.None)
                {
                    reported++;
                }
            }

            console.Error.WriteLine($"cmklint: {(diffOnly ? "would apply" : "applied")} {applied} fix{(applied == 1 ? string.Empty : "es")} in {files.Count} file{(files.Count == 1 ? string.Empty : "s")}; {reported - applied} finding{(reported - applied == 1 ? " has" : "s have")} no certain fix");
        }

        return failed ? null : applied;
    }

    /// <summary>Writes the fixed text with the file's own encoding (UTF-8, with its BOM if it had one); a reason when it did not.</summary>
    private static string? Write(FixedFile file)
    {
        try
        {
            string path = Path.GetFullPath(file.Path);
            byte[] bytes = File.ReadAllBytes(path);
            bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var utf8 = new UTF8Encoding(bom);
            string current = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            if (!string.Equals(current, file.Original.Text, StringComparison.Ordinal))
            {
                return "the file changed since it was linted, or is not UTF-8";
            }

            File.WriteAllText(path, file.NewText, utf8);
            return null;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            return e.Message;
        }
    }
}
