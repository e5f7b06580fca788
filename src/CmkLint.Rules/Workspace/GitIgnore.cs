using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CmkLint.Configuration;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Workspace;

/// <summary>
/// The patterns of one <c>.gitignore</c> file, matched as git does: the last matching pattern wins,
/// <c>!</c> re-includes, a trailing <c>/</c> matches only folders, a pattern with a slash is anchored
/// to the file's folder, one without matches a name at any depth.
/// </summary>
internal sealed class GitIgnore
{
    private readonly List<(GlobPattern Pattern, bool Negated, bool FoldersOnly)> patterns = new();

    private GitIgnore(string folder)
    {
        Folder = folder;
    }

    /// <summary>The folder whose <c>.gitignore</c> this is; patterns are relative to it.</summary>
    public string Folder { get; }

    /// <summary>The folder's <c>.gitignore</c>, or null when it has none (or it cannot be read).</summary>
    public static GitIgnore? Load(string folder)
    {
        string file = Path.Combine(folder, ".gitignore");
        if (!File.Exists(file))
        {
            return null;
        }

        // Through the bounded reader: a .gitignore that is a FIFO or a device is not opened.
        var bytes = PhysicalFileSystem.Instance.ReadAllBytes(file, out _);
        if (bytes is null)
        {
            return null;
        }

        return Parse(folder, Encoding.UTF8.GetString(bytes).Split('\n'));
    }

    public static GitIgnore Parse(string folder, IEnumerable<string> lines)
    {
        var ignore = new GitIgnore(folder);
        foreach (var raw in lines)
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // Trailing spaces are ignored unless escaped.
            while (line.EndsWith(" ", StringComparison.Ordinal) && !line.EndsWith("\\ ", StringComparison.Ordinal))
            {
                line = line.Substring(0, line.Length - 1);
            }

            bool negated = false;
            if (line.StartsWith("!", StringComparison.Ordinal))
            {
                negated = true;
                line = line.Substring(1);
            }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line.Substring(1);
            }

            bool foldersOnly = line.EndsWith("/", StringComparison.Ordinal);
            line = line.TrimEnd('/');
            if (line.Length == 0)
            {
                continue;
            }

            bool anchored = line.IndexOf('/') >= 0;
            line = line.TrimStart('/');
            string glob = anchored ? line : "**/" + line;
            // Git's wildmatch: an invalid pattern (an unclosed bracket, a reversed range) matches nothing, never an error.
            ignore.patterns.Add((new GlobPattern(glob, GlobSyntax.Git), negated, foldersOnly));
        }

        return ignore;
    }

    /// <summary>True (ignored), false (re-included with <c>!</c>) or null (no pattern speaks about the path).</summary>
    public bool? Match(string fullPath, bool isFolder)
    {
        string relative = SourceRootPath.Relative(Folder, fullPath);
        bool? result = null;
        foreach (var (pattern, negated, foldersOnly) in patterns)
        {
            if ((!foldersOnly || isFolder) && pattern.IsMatch(relative))
            {
                result = !negated;
            }
        }

        return result;
    }
}
