using System.Collections.Generic;
using System.IO;

namespace CmkLint.PreviousState;

/// <summary>What git's index says about a work tree: git ignores only untracked files, so neither does discovery.</summary>
public static class GitWorkTree
{
    /// <summary>
    /// The tracked files (full paths) of the repository holding <paramref name="folder"/>, read from the
    /// index with the hardened runner (<c>ls-files</c> never scans the working tree); null when the
    /// folder is not in a repository or git cannot be run.
    /// </summary>
    public static HashSet<string>? TrackedFiles(string folder)
    {
        var location = GitRepositoryLocation.Find(folder);
        if (location is null)
        {
            return null;
        }

        var output = GitCommand.Run(location, "ls-files", "-z", "--cached", "--full-name");
        if (!output.Succeeded)
        {
            return null;
        }

        var files = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var relative in GitCommand.SplitNul(output))
        {
            files.Add(Path.GetFullPath(Path.Combine(location.WorkTree, relative)));
        }

        return files;
    }
}
