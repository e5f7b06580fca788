using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Fixes;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Cli.Commands;

/// <summary>
/// <c>--fix</c>: applies the certain fixes of the reported findings to the Bicep and JSON files (each
/// fix listed on standard error), or with <c>--diff</c> prints them as a unified diff and writes nothing.
/// A file changed on disk since it was linted is left alone.
/// </summary>
internal static class FixStep
{
    /// <summary>The outcome: how many fixes were applied (or would be, with <c>--diff</c>); null when a file could not be written.</summary>
    /// <remarks>Files are read and written through <paramref name="fileSystem"/>, the run's confined file system: nothing outside the analysis root is touched.</remarks>
    public static int? Run(IReadOnlyList<Finding> findings, bool diffOnly, bool quiet, CliConsole console, ConfinedFileSystem fileSystem)
    {
        var fixes = FixPlanner.Plan(findings);
        var files = FixedFile.Apply(fixes);
        int applied = 0;
        bool failed = false;
        foreach (var file in files)
        {
            string? problem = diffOnly ? null : Write(file, fileSystem);
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
    private static string? Write(FixedFile file, ConfinedFileSystem fileSystem)
    {
        string path = Path.GetFullPath(file.Path);
        byte[]? bytes = fileSystem.ReadAllBytes(path, out var readError);
        if (bytes is null)
        {
            return readError ?? "cannot read the file";
        }

        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        string current = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        if (!string.Equals(current, file.Original.Text, StringComparison.Ordinal))
        {
            return "the file changed since it was linted, or is not UTF-8";
        }

        var text = new UTF8Encoding(false).GetBytes(file.NewText);
        byte[] written = bom ? new byte[text.Length + 3] : text;
        if (bom)
        {
            written[0] = 0xEF;
            written[1] = 0xBB;
            written[2] = 0xBF;
            Array.Copy(text, 0, written, 3, text.Length);
        }

        return fileSystem.WriteAllBytes(path, written);
    }
}
