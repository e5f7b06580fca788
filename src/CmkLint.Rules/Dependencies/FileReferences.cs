using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Dependencies;

/// <summary>
/// Which file of a run refers to which (Bicep modules, imports, <c>using</c>, <c>load*</c> paths, and
/// the parameters files that belong to a template), found by <see cref="BicepReferenceScanner"/>
/// without parsing. It tells which entry points reach a changed file (<c>--changed-since</c>) and
/// how many analyses still need a file before its model can be released.
/// </summary>
internal sealed class FileReferences
{
    private readonly Dictionary<string, List<string>> outgoing = new(StringComparer.Ordinal);

    private FileReferences()
    {
    }

    /// <summary>Files scanned (the run's Bicep files and the Bicep files they refer to).</summary>
    public int FilesScanned { get; private set; }

    /// <summary>What each file refers to directly (full paths); empty for files that refer to nothing.</summary>
    public IReadOnlyList<string> From(string fullPath) => outgoing.TryGetValue(fullPath, out var list) ? list : Array.Empty<string>();

    /// <summary>
    /// Scans <paramref name="files"/> (full paths) and, transitively, the Bicep files they refer to,
    /// reading through <paramref name="fileSystem"/> only (the analysis root's confinement holds).
    /// </summary>
    public static FileReferences Scan(IReadOnlyList<string> files, IFileSystem fileSystem, ReferenceScanOptions options, bool parallel = true)
    {
        var references = new FileReferences();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var round = new List<string>();
        foreach (var file in files)
        {
            string full = TemplateLoader.Normalize(file);
            if (seen.Add(full))
            {
                round.Add(full);
            }
        }

        while (round.Count > 0)
        {
            var found = new List<string>[round.Count];
            var scanned = new bool[round.Count];
            var current = round;
            void ScanOne(int i)
            {
                string path = current[i];
                var list = new List<string>();
                if (BicepReferenceScanner.Scans(path))
                {
                    var bytes = fileSystem.ReadAllBytes(path, out _);
                    if (bytes is not null && bytes.LongLength <= options.MaxFileBytes)
                    {
                        list = BicepReferenceScanner.References(path, bytes);
                        scanned[i] = true;
                    }
                }

                // Here, not after the loop: looking for each file's parameters files lists its folder, work for every core.
                AddParameterFiles(path, list, fileSystem, options);
                found[i] = list;
            }

            if (parallel)
            {
                Parallel.For(0, current.Count, ScanOne);
            }
            else
            {
                for (int i = 0; i < current.Count; i++)
                {
                    ScanOne(i);
                }
            }

            round = new List<string>();
            for (int i = 0; i < current.Count; i++)
            {
                var list = found[i];
                references.FilesScanned += scanned[i] ? 1 : 0;
                if (list.Count > 0)
                {
                    references.outgoing[current[i]] = list;
                }

                foreach (var target in list)
                {
                    if (BicepReferenceScanner.Scans(target) && seen.Add(target))
                    {
                        round.Add(target);
                    }
                }
            }
        }

        return references;
    }

    /// <summary>
    /// The files among <paramref name="candidates"/> that are, or reach through references, one of
    /// <paramref name="changed"/> (full paths; deleted files count: their callers change meaning).
    /// </summary>
    public HashSet<string> Reaching(IEnumerable<string> changed, IEnumerable<string> candidates)
    {
        var incoming = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in outgoing)
        {
            foreach (var target in pair.Value)
            {
                if (!incoming.TryGetValue(target, out var list))
                {
                    incoming[target] = list = new List<string>();
                }

                list.Add(pair.Key);
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var file in changed)
        {
            if (reached.Add(file))
            {
                pending.Push(file);
            }
        }

        while (pending.Count > 0)
        {
            if (incoming.TryGetValue(pending.Pop(), out var callers))
            {
                foreach (var caller in callers)
                {
                    if (reached.Add(caller))
                    {
                        pending.Push(caller);
                    }
                }
            }
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (reached.Contains(candidate))
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    /// <summary>A template's parameters files (explicit, else by convention, as the engine picks them) count as its references.</summary>
    private static void AddParameterFiles(string template, List<string> list, IFileSystem fileSystem, ReferenceScanOptions options)
    {
        if (options.ParameterFiles.TryGetValue(template, out var explicitFile))
        {
            list.Add(TemplateLoader.Normalize(explicitFile));
            return;
        }

        if (!options.DiscoverParameterFiles)
        {
            return;
        }

        string? folder = Path.GetDirectoryName(template);
        if (folder is null)
        {
            return;
        }

        string name = Path.GetFileNameWithoutExtension(template);
        bool json = template.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        bool bicep = template.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase);
        if (json || bicep)
        {
            string candidate = Path.Combine(folder, name + ".parameters.json");
            if (fileSystem.FileExists(candidate))
            {
                list.Add(candidate);
            }
        }

        if (bicep)
        {
            string candidate = Path.Combine(folder, name + ".bicepparam");
            if (fileSystem.FileExists(candidate))
            {
                list.Add(candidate);
            }
        }
    }
}
