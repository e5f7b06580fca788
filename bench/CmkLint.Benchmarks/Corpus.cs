using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CmkLint.Benchmarks;

/// <summary>The quickstarts corpus beside the repository (../shared/corpus/quickstarts), loaded once.</summary>
internal static class Corpus
{
    private static readonly Lazy<string> SharedPath = new(FindShared);

    public static string Quickstarts => Path.Combine(SharedPath.Value, "corpus", "quickstarts");

    /// <summary>The folder the phases profile reads: quickstarts, or CMKLINT_PHASE_CORPUS (for example corpus/avm).</summary>
    public static string Folder => Environment.GetEnvironmentVariable("CMKLINT_PHASE_CORPUS") is { Length: > 0 } other ? other : Quickstarts;

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> Bicep = new(() => Load("*.bicep", _ => true));
    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> Arm = new(() => Load("*.json", text => text.Contains("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase)));
    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> All = new(() => Load("*", _ => true).Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal) || f.Path.EndsWith(".bicep", StringComparison.Ordinal) || f.Path.EndsWith(".bicepparam", StringComparison.Ordinal)).ToList());

    public static IReadOnlyList<(string Path, string Text)> BicepFiles => Bicep.Value;

    /// <summary>Every file the CLI would consider in the corpus: ARM JSON (templates, parameters, other JSON) and Bicep.</summary>
    public static IReadOnlyList<(string Path, string Text)> AllFiles => All.Value;

    /// <summary>ARM templates only: JSON files whose $schema names a deployment template.</summary>
    public static IReadOnlyList<(string Path, string Text)> ArmTemplates => Arm.Value;

    public static long Bytes(IReadOnlyList<(string Path, string Text)> files) => files.Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text));

    private static IReadOnlyList<(string Path, string Text)> Load(string pattern, Func<string, bool> keep) =>
        Directory.EnumerateFiles(Folder, pattern, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .Where(f => keep(f.Item2))
            .ToList();

    /// <summary>"shared" beside the repository; a git worktree sits deeper than the main checkout, so look further up.</summary>
    private static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CmkLint.sln")))
        {
            dir = dir.Parent;
        }

        for (var ancestor = dir?.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            string candidate = Path.Combine(ancestor.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared");
    }
}
