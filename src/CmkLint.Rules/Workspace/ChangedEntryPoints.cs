using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Dependencies;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.PreviousState;

namespace CmkLint.Workspace;

/// <summary>
/// <c>--changed-since REF</c>: of a run's files, those changed since the revision and every entry point
/// that reaches a changed file through modules, imports, parameters files and <c>load*</c> paths. A
/// changed <c>cmklint.json</c> or <c>bicepconfig.json</c> changes how every file is read, so all are kept.
/// </summary>
public sealed class ChangedEntryPoints
{
    /// <summary>Configuration files whose change affects every file below them.</summary>
    private static readonly string[] ConfigurationNames = { "cmklint.json", "bicepconfig.json" };

    private ChangedEntryPoints(IReadOnlyList<string> files, int changed, int scanned)
    {
        Files = files;
        ChangedFiles = changed;
        FilesScanned = scanned;
    }

    /// <summary>The run's files to analyse, in the run's order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Files git reports changed (any kind of file).</summary>
    public int ChangedFiles { get; }

    /// <summary>Bicep files scanned for references.</summary>
    public int FilesScanned { get; }

    /// <summary>Selects the entry points of <paramref name="files"/> (full paths) affected since <paramref name="revision"/>; null with an error when git cannot say.</summary>
    public static ChangedEntryPoints? Select(string revision, string repositoryFolder, IReadOnlyList<string> files, LintOptions options, out string? error)
    {
        var changed = GitChanges.Since(revision, repositoryFolder, out error);
        if (changed is null)
        {
            return null;
        }

        return Select(changed, files, options);
    }

    /// <summary>Selects the entry points of <paramref name="files"/> affected by the <paramref name="changed"/> files (full paths).</summary>
    public static ChangedEntryPoints Select(IReadOnlyList<string> changed, IReadOnlyList<string> files, LintOptions options)
    {
        foreach (var path in changed)
        {
            string name = Path.GetFileName(path);
            foreach (var configuration in ConfigurationNames)
            {
                if (string.Equals(name, configuration, StringComparison.OrdinalIgnoreCase))
                {
                    return new ChangedEntryPoints(files, changed.Count, 0);
                }
            }
        }

        if (changed.Count == 0)
        {
            return new ChangedEntryPoints(Array.Empty<string>(), 0, 0);
        }

        var references = FileReferences.Scan(files, options.FileSystem, options.ReferenceScan());
        var normalized = new List<string>();
        foreach (var file in files)
        {
            normalized.Add(TemplateLoader.Normalize(file));
        }

        var reaching = references.Reaching(changed, normalized);
        var selected = new List<string>();
        foreach (var file in files)
        {
            if (reaching.Contains(TemplateLoader.Normalize(file)))
            {
                selected.Add(file);
            }
        }

        return new ChangedEntryPoints(selected, changed.Count, references.FilesScanned);
    }
}
