using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Engine;

namespace CmkLint.Cli;

/// <summary>The cmklint command: lints files and folders, prints findings, exits 0 (clean), 1 (errors) or 2 (usage).</summary>
internal static class Program
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    private static int Main(string[] args)
    {
        var inputs = new List<string>();
        foreach (var arg in args)
        {
            if (arg.StartsWith("-", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"cmklint: unknown option '{arg}'");
                return 2;
            }

            inputs.Add(arg);
        }

        if (inputs.Count == 0)
        {
            inputs.Add(".");
        }

        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                Collect(input, files);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                Console.Error.WriteLine($"cmklint: no such file or folder: {input}");
                return 2;
            }
        }

        var result = new LintEngine().Analyze(files);
        int errors = 0, warnings = 0, notes = 0;
        foreach (var finding in result.Findings)
        {
            var start = finding.Span.StartPosition;
            Console.WriteLine($"{finding.Path}({start.Line},{start.Column}): {finding.Level.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message}");
            if (finding.Span.File is not null)
            {
                Console.WriteLine("    " + finding.Span.File.GetLineText(start.Line));
                Console.WriteLine("    " + new string(' ', Math.Max(0, start.Column - 1)) + "^");
            }

            switch (finding.Level)
            {
                case Level.Error: errors++; break;
                case Level.Warning: warnings++; break;
                default: notes++; break;
            }
        }

        Console.WriteLine($"{errors} error(s), {warnings} warning(s), {notes} note(s) in {result.FilesAnalyzed} file(s)");
        return errors > 0 ? 1 : 0;
    }

    private static void Collect(string folder, List<string> files)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
            {
                files.Add(file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub)))
            {
                Collect(sub, files);
            }
        }
    }
}
