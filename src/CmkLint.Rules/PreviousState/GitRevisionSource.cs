using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Engine;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Rules;
using CmkLint.Text;

namespace CmkLint.PreviousState;

/// <summary>
/// The templates at a git revision: each current file is matched with the file at the same path in
/// that revision (or the one git says it was renamed from), read with <c>git show REV:path</c>, and
/// evaluated with the same parameter values as the current file.
/// </summary>
public sealed class GitRevisionSource : PreviousStateSource
{
    private readonly object gate = new();
    private readonly Dictionary<string, (Repository? Repository, string? Error)> repositoriesByFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Repository> repositoriesByTop = new(StringComparer.Ordinal);

    public GitRevisionSource(string revision, string? repositoryDirectory = null)
    {
        Revision = revision ?? string.Empty;
        RepositoryDirectory = repositoryDirectory;
    }

    /// <summary>The revision as the user wrote it (<c>origin/main</c>).</summary>
    public string Revision { get; }

    /// <summary>The folder checked up front (the current directory when null).</summary>
    public string? RepositoryDirectory { get; }

    public override string Comparison => "git:" + Revision;

    protected override string? OpenCore()
    {
        string folder = RepositoryDirectory ?? Directory.GetCurrentDirectory();
        return RepositoryOf(folder, out var error) is null ? error : null;
    }

    internal override PreviousComparison? CompareWith(string templateFullPath, IReadOnlyDictionary<string, Expr>? parameterValues, string? parametersSource, EvaluationOptions evaluation, LintOptions options)
    {
        string? folder = Path.GetDirectoryName(templateFullPath);
        if (folder is null || Open() is not null)
        {
            return null;
        }

        var repository = RepositoryOf(folder, out _);
        var template = repository?.TemplateAt(templateFullPath, folder, options);
        if (repository is null || template is null)
        {
            return null;
        }

        var graph = GraphBuilder.Build(template, parameterValues, parametersSource, evaluation);
        string label = template.File.Path;
        return new PreviousComparison(Comparison, label, PreviousRegistries.FromGraph(graph, label), graph, matchByTypeAndName: false);
    }

    /// <summary>The repository holding <paramref name="folder"/>, with the revision resolved; null (and why) when there is none.</summary>
    private Repository? RepositoryOf(string folder, out string? error)
    {
        lock (gate)
        {
            error = null;
            if (repositoriesByFolder.TryGetValue(folder, out var known))
            {
                error = known.Error;
                return known.Repository;
            }

            var repository = Resolve(folder, out error);
            repositoriesByFolder[folder] = (repository, error);
            return repository;
        }
    }

    private Repository? Resolve(string folder, out string? error)
    {
        error = null;
        if (Revision.Length == 0 || Revision.StartsWith("-", StringComparison.Ordinal))
        {
            // A leading dash would be read by git as an option.
            error = $"'{Revision}' is not a git revision";
            return null;
        }

        if (!Directory.Exists(folder))
        {
            error = $"cannot compare with git revision '{Revision}': folder '{folder}' does not exist";
            return null;
        }

        var top = GitCommand.Run(folder, "rev-parse", "--show-toplevel");
        if (!top.Succeeded)
        {
            error = top.ExitCode == -1
                ? $"cannot compare with git revision '{Revision}': {top.Error}"
                : $"cannot compare with git revision '{Revision}': '{folder}' is not in a git repository";
            return null;
        }

        string topFolder = top.Text.Trim();
        if (repositoriesByTop.TryGetValue(topFolder, out var existing))
        {
            return existing;
        }

        var commit = GitCommand.Run(topFolder, "rev-parse", "--verify", "--quiet", Revision + "^{commit}");
        if (!commit.Succeeded)
        {
            error = $"git revision '{Revision}' was not found in the repository at '{topFolder}' (fetch it first, e.g. 'git fetch origin'; in CI check out with fetch-depth: 0)";
            return null;
        }

        var files = GitCommand.Run(topFolder, "ls-tree", "-r", "-z", "--name-only", commit.Text.Trim());
        var renames = GitCommand.Run(topFolder, "diff", "--name-status", "-M", "-z", commit.Text.Trim());
        if (!files.Succeeded || !renames.Succeeded)
        {
            error = $"cannot compare with git revision '{Revision}': {(files.Succeeded ? renames.Error : files.Error)}";
            return null;
        }

        var repository = new Repository(this, topFolder, commit.Text.Trim(), GitCommand.SplitNul(files), ParseRenames(GitCommand.SplitNul(renames)));
        repositoriesByTop[topFolder] = repository;
        return repository;
    }

    /// <summary><c>git diff --name-status -M -z</c>: <c>R100 old new</c> entries map the current path to the previous one.</summary>
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

    /// <summary>One repository at the resolved commit: which paths existed, what was renamed, and the templates read so far.</summary>
    private sealed class Repository
    {
        private readonly GitRevisionSource source;
        private readonly HashSet<string> files;
        private readonly Dictionary<string, string> renames;
        private readonly Dictionary<string, Template?> templates = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> prefixes = new(StringComparer.Ordinal);

        public Repository(GitRevisionSource source, string top, string commit, List<string> files, Dictionary<string, string> renames)
        {
            this.source = source;
            Top = top;
            Commit = commit;
            this.files = new HashSet<string>(files, StringComparer.Ordinal);
            this.renames = renames;
        }

        public string Top { get; }

        public string Commit { get; }

        /// <summary>The template of the file at the revision (following a rename), or null when the file did not exist there.</summary>
        public Template? TemplateAt(string fullPath, string folder, LintOptions options)
        {
            lock (templates)
            {
                string? relative = RelativePath(fullPath, folder);
                if (relative is null)
                {
                    return null;
                }

                string previous = renames.TryGetValue(relative, out var from) ? from : relative;
                if (templates.TryGetValue(previous, out var cached))
                {
                    return cached;
                }

                var template = files.Contains(previous) ? Read(previous, fullPath, options) : null;
                templates[previous] = template;
                return template;
            }
        }

        /// <summary>The path from the repository's top, as git writes it; asked from git so symbolic links in the folder do not matter.</summary>
        private string? RelativePath(string fullPath, string folder)
        {
            if (!prefixes.TryGetValue(folder, out var prefix))
            {
                var output = GitCommand.Run(folder, "rev-parse", "--show-prefix");
                prefix = output.Succeeded ? output.Text.Trim() : null;
                prefixes[folder] = prefix;
            }

            return prefix is null ? null : prefix + Path.GetFileName(fullPath);
        }

        private Template? Read(string previousPath, string currentFullPath, LintOptions options)
        {
            var blob = GitCommand.Run(Top, "show", Commit + ":" + previousPath);
            if (!blob.Succeeded)
            {
                return null;
            }

            string? text = SourceDecoder.Decode(blob.Output, out _, out _);
            if (text is null)
            {
                return null;
            }

            // Named like 'origin/main:infra/main.json' so related locations say where the previous value was.
            var file = new SourceFile(source.Revision + ":" + previousPath, text);
            var loader = new TemplateLoader(options, LintEngine.FrontEnds, options.FileSystem);
            foreach (var frontEnd in LintEngine.FrontEnds)
            {
                if (frontEnd.Handles(currentFullPath))
                {
                    return frontEnd.Read(file, loader).Template;
                }
            }

            return null;
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
