using System;
using System.IO;

namespace CmkLint.Rules.Tests.Bicep;

/// <summary>Finds the shared corpus that sits beside the repository (<c>../shared</c>).</summary>
internal static class SharedCorpus
{
    private static readonly Lazy<string> Root = new Lazy<string>(FindSharedRoot);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts)
    {
        var all = new string[parts.Length + 1];
        all[0] = Path;
        Array.Copy(parts, 0, all, 1, parts.Length);
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(all));
    }

    private static string FindSharedRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CmkLint.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"No folder containing CmkLint.sln above {AppContext.BaseDirectory}.");
        }

        // The corpus is "../shared" beside the repository; a git worktree sits one level deeper than the main
        // checkout, so look further up when the sibling is not there.
        for (var ancestor = directory.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            var candidate = System.IO.Path.Combine(ancestor.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "corpus")))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared"));
    }
}
