using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Configuration;

namespace CmkLint.Workspace;

/// <summary>
/// The folder a run may read: <c>--root</c>, else the repository root holding every analysed path, else
/// their common folder. Modules, <c>using</c>, <c>load*</c> and parameters files resolve inside it
/// (see <see cref="Loading.ConfinedFileSystem"/>); git is asked about the repository found from it.
/// </summary>
internal static class AnalysisRoot
{
    /// <summary>The root for these command-line inputs (and the folder of the <c>cmklint.json</c> found for them, if any), or null with a usage error.</summary>
    public static string? Of(IReadOnlyList<string> inputs, string cwd, string? explicitRoot, string? configurationFolder, out string? error)
    {
        error = null;
        var folders = new List<string>();
        foreach (var input in inputs.Count > 0 ? inputs : new[] { "." })
        {
            if (FolderOf(input, cwd) is string folder)
            {
                folders.Add(folder);
            }
        }

        if (explicitRoot is not null)
        {
            string root;
            try
            {
                root = Path.GetFullPath(Path.Combine(cwd, explicitRoot));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                error = $"--root: '{explicitRoot}' is not a valid path";
                return null;
            }

            if (!Directory.Exists(root))
            {
                error = $"--root: no such folder: {explicitRoot}";
                return null;
            }

            foreach (var folder in folders)
            {
                if (!IsUnder(folder, root))
                {
                    error = $"the path {Loading.TemplateLoader.DisplayPath(folder)} is outside the analysis root {explicitRoot} (--root)";
                    return null;
                }
            }

            return root;
        }

        if (folders.Count == 0)
        {
            return cwd;
        }

        string? repository = RepositoryRoot(folders[0]);
        if (repository is not null && folders.TrueForAll(f => IsUnder(f, repository)))
        {
            return repository;
        }

        if (configurationFolder is not null)
        {
            folders.Add(configurationFolder);
        }

        string common = folders[0];
        foreach (var folder in folders)
        {
            while (!IsUnder(folder, common))
            {
                common = Path.GetDirectoryName(common) ?? common;
                if (Path.GetPathRoot(common) == common)
                {
                    break;
                }
            }
        }

        return common;
    }

    /// <summary>The deepest folder holding every input (the working directory for none): where the search for <c>cmklint.json</c> starts.</summary>
    public static string CommonFolder(IReadOnlyList<string> inputs, string cwd)
    {
        string? common = null;
        foreach (var input in inputs)
        {
            if (FolderOf(input, cwd) is not string folder)
            {
                continue;
            }

            if (common is null)
            {
                common = folder;
                continue;
            }

            while (!IsUnder(folder, common) && Path.GetDirectoryName(common) is string parent)
            {
                common = parent;
            }
        }

        return common ?? cwd;
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> with a <c>.git</c> entry (git never commits one, so a pull request cannot plant it).</summary>
    public static string? RepositoryRoot(string folder)
    {
        var current = new DirectoryInfo(folder);
        while (current is not null)
        {
            string git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current.FullName;
            }

            current = current.Parent;
        }

        return null;
    }

    /// <summary>The folder an input names or lies in; for a glob, its literal prefix.</summary>
    private static string? FolderOf(string input, string cwd)
    {
        string literal = input;
        if (GlobPattern.IsGlob(input))
        {
            var segments = input.Replace('\\', '/').Split('/');
            int count = 0;
            while (count < segments.Length && !GlobPattern.IsGlob(segments[count]))
            {
                count++;
            }

            literal = count == 0 ? "." : string.Join("/", segments, 0, count);
            if (literal.Length == 0)
            {
                literal = "/";
            }
        }

        try
        {
            string full = Path.GetFullPath(Path.Combine(cwd, literal));
            return Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
        {
            return null;
        }
    }

    private static bool IsUnder(string path, string root)
    {
        if (string.Equals(path, root, StringComparison.Ordinal))
        {
            return true;
        }

        string prefix = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
