using System;
using System.IO;

namespace CmkLint.Rules.Tests.Oracle;

/// <summary>Finds the shared corpus: beside the folder that holds CmkLint.sln (CI clones the repo with <c>shared/</c> next to it).</summary>
internal static class SharedCorpus
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary><c>../shared</c> beside the repository (CI); in a worktree nested deeper, the nearest <c>shared</c> folder above it.</summary>
    public static string Shared { get; } = FindShared();

    public static string Samples => Path.Combine(Shared, "corpus", "bicep-baselines", "samples");

    public static string Quickstarts => Path.Combine(Shared, "corpus", "quickstarts");

    private static string FindShared()
    {
        var dir = new DirectoryInfo(RepositoryRoot).Parent;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CmkLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CmkLint.sln not found above " + AppContext.BaseDirectory);
    }
}
