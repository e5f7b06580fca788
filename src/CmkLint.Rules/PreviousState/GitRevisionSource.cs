using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CmkLint.Cmk;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.PreviousState;

/// <summary>
/// The templates at a git revision: each current file is matched with the file at the same path in
/// that revision (or the one git says it was renamed from), read from the object store, and evaluated
/// with the same parameter values as the current file. The repository is found once, from the
/// analysis root; git is run hardened (<see cref="GitCommand"/>) with plumbing only: <c>rev-parse
/// --verify</c>, <c>ls-tree</c>, <c>diff-tree</c> and one <c>cat-file --batch</c> for all analysed files,
/// read before the parallel analysis so no analysis thread waits for a git process.
/// </summary>
public sealed class GitRevisionSource : PreviousStateSource
{
    private Repository? repository;

    public GitRevisionSource(string revision, string? repositoryDirectory = null)
    {
        Revision = revision ?? string.Empty;
        RepositoryDirectory = repositoryDirectory;
    }

    /// <summary>The revision as the user wrote it (<c>origin/main</c>).</summary>
    public string Revision { get; }

    /// <summary>The folder the repository is found from: the analysis root (the current directory when null).</summary>
    public string? RepositoryDirectory { get; }

    public override string Comparison => "git:" + Revision;

    protected override string? OpenCore()
    {
        repository = Resolve(RepositoryDirectory ?? Directory.GetCurrentDirectory(), out var error);
        return repository is null ? error : null;
    }

    internal override void Prepare(IReadOnlyList<string> templateFullPaths)
    {
        if (Open() is null)
        {
            repository?.Prefetch(templateFullPaths);
        }
    }

    internal override PreviousComparison? CompareWith(string templateFullPath, IReadOnlyDictionary<string, Expr>? parameterValues, string? parametersSource, EvaluationOptions evaluation, LoadSettings loading)
    {
        if (Open() is not null || repository is null)
        {
            return null;
        }

        var template = repository.TemplateAt(templateFullPath, loading);
        if (template is null)
        {
            return null;
        }

        var graph = GraphBuilder.Build(template, parameterValues, parametersSource, evaluation);
        string label = template.File.Path;
        return new PreviousComparison(Comparison, label, PreviousRegistries.FromGraph(graph, label), graph, matchByTypeAndName: false);
    }

    private Repository? Resolve(string folder, out string? error)
    {
        error = null;
        if (Revision.Length == 0 || Revision.StartsWith("-", StringComparison.Ordinal))
        {
            // A leading dash would be read by git as an option (refs are also passed after --end-of-options).
            error = $"'{Revision}' is not a git revision";
            return null;
        }

        if (!Directory.Exists(folder))
        {
            error = $"cannot compare with git revision '{Revision}': folder '{folder}' does not exist";
            return null;
        }

        var location = GitRepositoryLocation.Find(folder);
        if (location is null)
        {
            error = $"cannot compare with git revision '{Revision}': '{folder}' is not in a git repository";
            return null;
        }

        var commit = GitCommand.Run(location, "rev-parse", "--verify", "--quiet", "--end-of-options", Revision + "^{commit}");
        if (!commit.Succeeded)
        {
            error = commit.ExitCode == -1
                ? $"cannot compare with git revision '{Revision}': {commit.Error}"
                : $"git revision '{Revision}' was not found in the repository at '{location.WorkTree}' (fetch it first, e.g. 'git fetch origin'; in CI check out with fetch-depth: 0)";
            return null;
        }

        string id = commit.Text.Trim();
        var files = GitCommand.Run(location, "ls-tree", "-r", "-z", "-l", "--full-tree", "--end-of-options", id);
        if (!files.Succeeded)
        {
            error = $"cannot compare with git revision '{Revision}': {files.Error}";
            return null;
        }

        // Renames between the revision and HEAD (committed history: the working tree is never scanned).
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var head = GitCommand.Run(location, "rev-parse", "--verify", "--quiet", "--end-of-options", "HEAD^{commit}");
        if (head.Succeeded && head.Text.Trim() != id)
        {
            var diff = GitCommand.Run(location, "diff-tree", "-r", "-M", "--name-status", "-z", "--no-ext-diff", "--no-textconv", "--end-of-options", id, head.Text.Trim());
            if (!diff.Succeeded)
            {
                error = $"cannot compare with git revision '{Revision}': {diff.Error}";
                return null;
            }

            renames = ParseRenames(GitCommand.SplitNul(diff));
        }

        return new Repository(this, location, ParseTree(GitCommand.SplitNul(files)), renames);
    }

    /// <summary><c>ls-tree -r -l -z</c>: <c>mode type object size TAB path</c>; blobs only.</summary>
    private static Dictionary<string, TreeEntry> ParseTree(List<string> entries)
    {
        var tree = new Dictionary<string, TreeEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            int tab = entry.IndexOf('\t');
            if (tab < 0)
            {
                continue;
            }

            var fields = entry.Substring(0, tab).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 4 && fields[1] == "blob" && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out long size))
            {
                tree[entry.Substring(tab + 1)] = new TreeEntry(fields[2], size);
            }
        }

        return tree;
    }

    /// <summary><c>git diff-tree --name-status -M -z</c>: <c>R100 old new</c> entries map the current path to the previous one.</summary>
    private static Dictionary<string, string> ParseRenames(List<string> entries)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 0;
        while (i < entries.Count)
        {
            string status = entries[i];
            bool twoPaths = status.StartsWith("R", StringComparison.Ordinal) || status.StartsWith("C", StringComparison.Ordinal);
            if (twoPaths && i + 2 < entries.Count && status.StartsWith("R", StringComparison.Ordinal))
            {
                renames[entries[i + 2]] = entries[i + 1];
            }

            i += twoPaths ? 3 : 2;
        }

        return renames;
    }

    /// <summary>A blob of the revision's tree: its object name and size (checked against the size limit before reading).</summary>
    private readonly struct TreeEntry
    {
        public TreeEntry(string objectName, long size)
        {
            ObjectName = objectName;
            Size = size;
        }

        public string ObjectName { get; }

        public long Size { get; }
    }

    /// <summary>One repository at the resolved commit: which paths existed, what was renamed, the blobs read and the templates made of them.</summary>
    private sealed class Repository
    {
        private readonly GitRevisionSource source;
        private readonly GitRepositoryLocation location;
        private readonly Dictionary<string, TreeEntry> tree;
        private readonly Dictionary<string, string> renames;
        private readonly Dictionary<string, byte[]> blobs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Template?> templates = new(StringComparer.Ordinal);

        public Repository(GitRevisionSource source, GitRepositoryLocation location, Dictionary<string, TreeEntry> tree, Dictionary<string, string> renames)
        {
            this.source = source;
            this.location = location;
            this.tree = tree;
            this.renames = renames;
        }

        /// <summary>Reads the previous blobs of these files with one <c>cat-file --batch</c> (on the caller's thread, before the analysis runs in parallel).</summary>
        public void Prefetch(IReadOnlyList<string> fullPaths)
        {
            var wanted = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            lock (templates)
            {
                foreach (var path in fullPaths)
                {
                    if (PreviousPath(path) is string previous && tree.TryGetValue(previous, out var entry) && entry.Size <= PhysicalFileSystem.DefaultMaxFileBytes
                        && !blobs.ContainsKey(entry.ObjectName) && seen.Add(entry.ObjectName))
                    {
                        wanted.Add(entry.ObjectName);
                    }
                }
            }

            if (wanted.Count == 0)
            {
                return;
            }

            var input = Encoding.ASCII.GetBytes(string.Join("\n", wanted) + "\n");
            var output = GitCommand.RunAsync(location, input, "cat-file", "--batch").GetAwaiter().GetResult();
            if (!output.Succeeded)
            {
                return;
            }

            lock (templates)
            {
                foreach (var blob in BatchBlobs(output.Output))
                {
                    blobs[blob.Key] = blob.Value;
                }
            }
        }

        /// <summary>The template of the file at the revision (following a rename), or null when the file did not exist there.</summary>
        public Template? TemplateAt(string fullPath, LoadSettings loading)
        {
            lock (templates)
            {
                string? previous = PreviousPath(fullPath);
                if (previous is null || !tree.TryGetValue(previous, out var entry))
                {
                    return null;
                }

                if (templates.TryGetValue(previous, out var cached))
                {
                    return cached;
                }

                var template = entry.Size <= loading.MaxFileBytes ? Read(previous, entry, fullPath, loading) : null;
                templates[previous] = template;
                return template;
            }
        }

        /// <summary>The path from the work tree, as git writes it, following a rename since the revision; null outside the repository.</summary>
        private string? PreviousPath(string fullPath)
        {
            string full = TemplateLoader.Normalize(fullPath);
            string top = location.WorkTree.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? location.WorkTree : location.WorkTree + Path.DirectorySeparatorChar;
            if (!full.StartsWith(top, StringComparison.Ordinal))
            {
                return null;
            }

            string relative = full.Substring(top.Length).Replace('\\', '/');
            return renames.TryGetValue(relative, out var from) ? from : relative;
        }

        private Template? Read(string previousPath, TreeEntry entry, string currentFullPath, LoadSettings loading)
        {
            if (!blobs.TryGetValue(entry.ObjectName, out var bytes))
            {
                // Not prefetched (a parameters file's template): one more hardened call.
                var blob = GitCommand.Run(location, "cat-file", "blob", entry.ObjectName);
                if (!blob.Succeeded)
                {
                    return null;
                }

                bytes = blob.Output;
            }

            string? text = SourceDecoder.Decode(bytes, out _, out _);
            if (text is null)
            {
                return null;
            }

            // Named like 'origin/main:infra/main.json' so related locations say where the previous value was.
            var file = new SourceFile(source.Revision + ":" + previousPath, text);
            var loader = new TemplateLoader(loading);
            foreach (var frontEnd in loading.FrontEnds)
            {
                if (frontEnd.Handles(currentFullPath))
                {
                    return frontEnd.Read(file, loader).Template;
                }
            }

            return null;
        }

        /// <summary><c>cat-file --batch</c> output: <c>object blob size LF content LF</c> per object (or <c>object missing LF</c>).</summary>
        private static Dictionary<string, byte[]> BatchBlobs(byte[] output)
        {
            var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            int at = 0;
            while (at < output.Length)
            {
                int newline = Array.IndexOf(output, (byte)'\n', at);
                if (newline < 0)
                {
                    break;
                }

                var header = Encoding.ASCII.GetString(output, at, newline - at).Split(' ');
                at = newline + 1;
                if (header.Length != 3 || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size > output.Length - at)
                {
                    continue;
                }

                var content = new byte[size];
                Buffer.BlockCopy(output, at, content, 0, size);
                at += size + 1;
                if (header[1] == "blob")
                {
                    result[header[0]] = content;
                }
            }

            return result;
        }
    }
}

/// <summary>The registries of a previous resource graph.</summary>
internal static class PreviousRegistries
{
    public static List<PreviousRegistry> FromGraph(ResourceGraph graph, string source)
    {
        var list = new List<PreviousRegistry>();
        foreach (var registry in CmkRegistry.All(graph))
        {
            var r = registry.Resource;
            list.Add(new PreviousRegistry(source, r.Id, r.Body, r.Span, r));
        }

        return list;
    }
}
