using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CmkLint.Benchmarks;

/// <summary>The quickstarts corpus beside the repository (../shared/corpus/quickstarts), loaded once.</summary>
internal static class Corpus
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Quickstarts => Path.Combine(RootPath.Value, "..", "shared", "corpus", "quickstarts");

    public static IReadOnlyList<(string Path, string Text)> BicepFiles => Load("*.bicep", _ => true);

    /// <summary>ARM templates only: JSON files whose $schema names a deployment template.</summary>
    public static IReadOnlyList<(string Path, string Text)> ArmTemplates => Load("*.json", text => text.Contains("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase));

    public static long Bytes(IReadOnlyList<(string Path, string Text)> files) => files.Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text));

    private static IReadOnlyList<(string Path, string Text)> Load(string pattern, Func<string, bool> keep) =>
        Directory.EnumerateFiles(Quickstarts, pattern, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .Where(f => keep(f.Item2))
            .ToList();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CmkLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
