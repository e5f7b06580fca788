using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Configuration;
using CmkLint.Text;

namespace CmkLint.Workspace;

/// <summary>
/// Turns the command line's paths into the files to lint: a file as given, a folder recursively, a glob
/// by walking from its literal prefix. Walks skip <c>bin/</c>, <c>obj/</c>, <c>node_modules/</c>,
/// <c>.git/</c> and what <c>.gitignore</c> files ignore, and apply the configuration's include/exclude.
/// </summary>
internal sealed class FileDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    private readonly Func<string, bool> readsPath;
    private readonly LintConfiguration? configuration;
    private readonly Dictionary<string, GitIgnore?> gitIgnores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> chains = new(StringComparer.Ordinal);
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>Folders already listed by the walk: whether each holds a <c>.git</c> entry.</summary>
    private readonly Dictionary<string, bool> listedRoots = new(StringComparer.Ordinal);

    private readonly string workingDirectory;
    private readonly HashSet<string>? tracked;
    private readonly HashSet<string> trackedFolders = new(StringComparer.Ordinal);

    /// <param name="readsPath">Whether a front end reads files with this path (by extension).</param>
    /// <param name="configuration">Its include/exclude filter the files found by walking (not those named).</param>
    /// <param name="trackedFiles">The files git tracks (full paths), or null outside a git work tree: a tracked file is never ignored.</param>
    /// <param name="workingDirectory">The folder relative inputs are resolved from (the caller's current folder).</param>
    public FileDiscovery(Func<string, bool> readsPath, LintConfiguration? configuration, HashSet<string>? trackedFiles, string workingDirectory)
    {
        this.readsPath = readsPath;
        this.workingDirectory = workingDirectory;
        this.configuration = configuration;
        tracked = trackedFiles;
        foreach (var file in trackedFiles ?? new HashSet<string>())
        {
            string? folder = Path.GetDirectoryName(file);
            while (folder is not null && trackedFolders.Add(folder))
            {
                folder = Path.GetDirectoryName(folder);
            }
        }
    }

    /// <summary>The files found, full paths, in the order found (the engine sorts its findings).</summary>
    public List<string> Files { get; } = new();

    /// <summary>Files named on the command line (not found by walking).</summary>
    public List<string> ExplicitFiles { get; } = new();

    /// <summary>Paths that name nothing: a usage error.</summary>
    public List<string> Errors { get; } = new();

    /// <summary>Things the user may want to know (a folder that cannot be read, a file type that is not linted).</summary>
    public List<string> Notices { get; } = new();

    public void Add(string input)
    {
        string resolved = Resolve(input);
        if (File.Exists(resolved))
        {
            string full = Path.GetFullPath(resolved);
            if (!readsPath(full))
            {
                Notices.Add($"{input}: not a file type cmklint reads (ARM JSON .json, Bicep .bicep, .bicepparam); skipped");
                return;
            }

            ExplicitFiles.Add(full);
            AddFile(full);
        }
        else if (Directory.Exists(resolved))
        {
            Walk(Path.GetFullPath(resolved), null, null);
        }
        else if (GlobPattern.IsGlob(input))
        {
            AddGlob(input);
        }
        else if (IsDanglingLink(resolved))
        {
            // A file entry that cannot be opened: let the engine report it (CMK900) like any unreadable file.
            ExplicitFiles.Add(Path.GetFullPath(resolved));
            AddFile(Path.GetFullPath(resolved));
        }
        else if (input.StartsWith("-", StringComparison.Ordinal))
        {
            Errors.Add($"unknown option '{input}' (run 'cmklint --help' for the options)");
        }
        else
        {
            Errors.Add($"no such file or folder: {input}");
        }
    }

    private void AddGlob(string pattern)
    {
        string normalized = pattern.Replace('\\', '/');
        string[] segments = normalized.Split('/');
        int literal = 0;
        while (literal < segments.Length - 1 && !GlobPattern.IsGlob(segments[literal]))
        {
            literal++;
        }

        string prefix = string.Join("/", segments, 0, literal);
        string rest = string.Join("/", segments, literal, segments.Length - literal);
        string baseFolder = prefix.Length > 0 ? prefix : normalized.StartsWith("/", StringComparison.Ordinal) ? "/" : ".";

        var glob = new GlobPattern(rest);
        if (glob.Error is not null)
        {
            // A usage error pointing into the argument (column counted in the argument as typed).
            Errors.Add($"command line: argument '{pattern}', column {prefix.Length + (prefix.Length > 0 ? 1 : 0) + glob.Error.Offset + 1}: invalid glob: {glob.Error.Message}");
            return;
        }

        int before = Files.Count;
        baseFolder = Resolve(baseFolder);
        if (Directory.Exists(baseFolder))
        {
            string fullBase = Path.GetFullPath(baseFolder);
            Walk(fullBase, fullBase, glob);
        }

        if (Files.Count == before)
        {
            Errors.Add($"no files match '{pattern}'");
        }
    }

    /// <summary>Walks a folder; with a glob, keeps the files whose path from <paramref name="globBase"/> matches it.</summary>
    private void Walk(string folder, string? globBase, GlobPattern? glob)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(current);
                folders = Directory.GetDirectories(current);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Notices.Add($"{DisplayPath(current)}: cannot list the folder ({e.Message}); skipped");
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            Listed(current, files, folders);
            foreach (var file in files)
            {
                if (!readsPath(file) || IsIgnored(file, isFolder: false))
                {
                    continue;
                }

                if (glob is not null && !glob.IsMatch(SourceRootPath.Relative(globBase!, file)))
                {
                    continue;
                }

                if (configuration is not null && (configuration.Include.Count > 0 && !configuration.Matches(configuration.Include, file) || configuration.Matches(configuration.Exclude, file)))
                {
                    continue;
                }

                AddFile(file);
            }

            for (int i = folders.Length - 1; i >= 0; i--)
            {
                string sub = folders[i];
                if (SkippedFolders.Contains(Path.GetFileName(sub)) || IsLink(sub) || IsIgnored(sub, isFolder: true))
                {
                    continue;
                }

                pending.Push(sub);
            }
        }
    }

    /// <summary>
    /// What the folder's listing already says, so no folder is asked again: whether it holds a
    /// <c>.gitignore</c> (read now, else none) and whether it is a repository root (a <c>.git</c> entry).
    /// </summary>
    private void Listed(string folder, string[] files, string[] folders)
    {
        bool hasGitIgnore = false;
        bool hasGit = false;
        foreach (var file in files)
        {
            string name = Path.GetFileName(file);
            hasGitIgnore |= name == ".gitignore";
            hasGit |= name == ".git";
        }

        foreach (var sub in folders)
        {
            hasGit |= Path.GetFileName(sub) == ".git";
        }

        listedRoots[folder] = hasGit;
        if (!gitIgnores.ContainsKey(folder))
        {
            gitIgnores[folder] = hasGitIgnore ? GitIgnore.Load(folder) : null;
        }
    }

    private void AddFile(string full)
    {
        if (seen.Add(full))
        {
            Files.Add(full);
        }
    }

    /// <summary>Git's rule: the deepest <c>.gitignore</c> that speaks about a path decides, up to the repository root.</summary>
    private bool IsIgnored(string fullPath, bool isFolder)
    {
        // As in git: .gitignore hides untracked files only; a folder holding a tracked file is walked.
        if (tracked is not null && (isFolder ? trackedFolders.Contains(fullPath) : tracked.Contains(fullPath)))
        {
            return false;
        }

        bool? ignored = null;
        var chain = FoldersUpToRepositoryRoot(Path.GetDirectoryName(fullPath));

        for (int i = chain.Count - 1; i >= 0; i--)
        {
            if (!gitIgnores.TryGetValue(chain[i], out var gitIgnore))
            {
                gitIgnores[chain[i]] = gitIgnore = GitIgnore.Load(chain[i]);
            }

            if (gitIgnore?.Match(fullPath, isFolder) is bool decision)
            {
                ignored = decision;
            }
        }

        return ignored == true;
    }

    /// <summary>The folder and its parents up to the repository root (or the file system root), cached per folder.</summary>
    private List<string> FoldersUpToRepositoryRoot(string? folder)
    {
        if (folder is null)
        {
            return new List<string>();
        }

        if (chains.TryGetValue(folder, out var cached))
        {
            return cached;
        }

        var chain = new List<string> { folder };
        bool isRoot = listedRoots.TryGetValue(folder, out bool listed) ? listed : Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"));
        if (!isRoot)
        {
            chain.AddRange(FoldersUpToRepositoryRoot(Path.GetDirectoryName(folder)));
        }

        chains[folder] = chain;
        return chain;
    }

    private static bool IsLink(string folder)
    {
        try
        {
            return (File.GetAttributes(folder) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static bool IsDanglingLink(string path)
    {
        try
        {
            // The entry exists (lstat) though its target does not: a link that points nowhere.
            return !File.Exists(path) && !Directory.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            return false;
        }
    }

    private static string DisplayPath(string full) => Loading.TemplateLoader.DisplayPath(full);

    private string Resolve(string input)
    {
        try
        {
            return Path.Combine(workingDirectory, input);
        }
        catch (ArgumentException)
        {
            return input;
        }
    }
}
