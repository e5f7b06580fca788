using System;
using System.Collections.Generic;
using System.Threading;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary>The settings an analysis runs with (initializationOptions, then workspace/didChangeConfiguration).</summary>
internal sealed record AnalysisSettings(bool IncludeInconclusive, Level FailLevel, int DebounceMilliseconds)
{
    public static AnalysisSettings Default { get; } = new(false, Level.Error, 200);
}

/// <summary>What the last analysis of one open document (an entry point) found, and every path it read or probed.</summary>
internal sealed class EntryAnalysis
{
    public EntryAnalysis(IReadOnlyList<Finding> findings, HashSet<string> dependencies, int version)
    {
        Findings = findings;
        Dependencies = dependencies;
        Version = version;
    }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Full paths the engine asked about: the document, its modules, parameters files, configuration files.</summary>
    public HashSet<string> Dependencies { get; }

    /// <summary>The document version analysed.</summary>
    public int Version { get; }
}

/// <summary>
/// Re-analyses what an edit can change, off the input loop: the edited document and the open documents that reached it
/// in their last analysis (callers of an edited module), nothing else. Work waits until edits pause (debounce); a
/// result made stale by a newer edit while it ran is dropped, and the entry runs again on the newer text.
/// Each open document is an entry point analysed with the editor's texts over the disk, and the server publishes,
/// for every file, the union of the findings that the entry points place in it.
/// </summary>
internal sealed class IncrementalAnalysis : IDisposable
{
    private readonly object gate = new();
    private readonly OpenDocuments documents;
    private readonly WorkspaceConfiguration workspace;
    private readonly Action<string, int?, JArray> publish;
    private readonly Dictionary<string, EntryAnalysis> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> published = new(StringComparer.Ordinal);

    /// <summary>Entries to analyse, with the time of the last edit that queued each (most recent first when a batch runs).</summary>
    private readonly Dictionary<string, long> pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0);
    private readonly Thread worker;
    private readonly TemplateLoader probe = new(new LintOptions().Loading(LintEngine.DefaultFrontEnds()));
    private long lastEdit;
    private bool stopped;
    private AnalysisSettings settings = AnalysisSettings.Default;

    public IncrementalAnalysis(OpenDocuments documents, WorkspaceConfiguration workspace, Action<string, int?, JArray> publish)
    {
        this.documents = documents;
        this.workspace = workspace;
        this.publish = publish;
        worker = new Thread(Work) { IsBackground = true, Name = "cmklint analysis" };
        worker.Start();
    }

    /// <summary>Taken by the input loop around every change to the open documents, so a batch snapshots them consistently (re-entrant).</summary>
    public object Gate => gate;

    public AnalysisSettings Settings
    {
        get
        {
            lock (gate)
            {
                return settings;
            }
        }

        set
        {
            lock (gate)
            {
                settings = value;
            }
        }
    }

    /// <summary>Whether the server analyses a path as an entry point (a Bicep, parameters or JSON file).</summary>
    public bool CanAnalyse(string path) => probe.CanRead(path);

    /// <summary>A document's text changed (opened, edited, saved with new text): it and the entries that reach it run again.</summary>
    public void Changed(string path)
    {
        lock (gate)
        {
            if (WorkspaceConfiguration.IsConfigurationFile(path))
            {
                workspace.Invalidate();
                QueueAll();
                return;
            }

            if (documents.Find(path) is not null && CanAnalyse(path))
            {
                Queue(path);
            }

            foreach (var pair in entries)
            {
                if (pair.Value.Dependencies.Contains(path))
                {
                    Queue(pair.Key);
                }
            }
        }

        wake.Release();
    }

    /// <summary>A document was closed: its own findings go, and the entries that read its unsaved text read the disk again.</summary>
    public void Closed(string path)
    {
        lock (gate)
        {
            pending.Remove(path);
            if (entries.TryGetValue(path, out var old))
            {
                entries.Remove(path);
                var files = FilesOf(old.Findings);
                files.Add(path);
                PublishFiles(files, null);
            }

            Changed(path);
        }
    }

    /// <summary>A file changed on disk (watched): entries that read or probed it run again; an open document's own text still wins.</summary>
    public void ChangedOnDisk(string path)
    {
        lock (gate)
        {
            if (documents.Find(path) is not null && !WorkspaceConfiguration.IsConfigurationFile(path))
            {
                return;
            }

            Changed(path);
        }
    }

    /// <summary>Settings or configuration changed: every open document runs again.</summary>
    public void ChangedEverything()
    {
        lock (gate)
        {
            workspace.Invalidate();
            QueueAll();
        }
    }

    /// <summary>The findings currently shown for a file (for code actions), from every entry that placed some there.</summary>
    public List<Finding> FindingsIn(string path)
    {
        lock (gate)
        {
            return Merge(path);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            stopped = true;
        }

        wake.Release();
        worker.Join(TimeSpan.FromSeconds(5));
        wake.Dispose();
    }

    private void QueueAll()
    {
        foreach (var document in documents.All)
        {
            if (CanAnalyse(document.Path) || WorkspaceConfiguration.IsConfigurationFile(document.Path))
            {
                Queue(document.Path);
            }
        }

        wake.Release();
    }

    private void Queue(string path)
    {
        lastEdit = Environment.TickCount64;
        pending[path] = lastEdit;
    }

    private void Work()
    {
        while (true)
        {
            wake.Wait();
            List<string> batch;
            IReadOnlyDictionary<string, string> snapshot;
            AnalysisSettings current;
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                if (pending.Count == 0)
                {
                    continue;
                }
            }

            // Debounce: start once edits have paused for the configured time.
            while (true)
            {
                long wait;
                lock (gate)
                {
                    wait = settings.DebounceMilliseconds - (Environment.TickCount64 - lastEdit);
                }

                if (wait <= 0)
                {
                    break;
                }

                Thread.Sleep((int)Math.Min(wait, 1000));
            }

            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                batch = new List<string>(pending.Keys);
                batch.Sort((a, b) => pending[b].CompareTo(pending[a]));
                pending.Clear();
                snapshot = documents.Snapshot();
                current = settings;
            }

            foreach (var path in batch)
            {
                int version;
                lock (gate)
                {
                    if (stopped)
                    {
                        return;
                    }

                    // Queued again by a newer edit: this batch's snapshot is stale for it; the next batch runs it.
                    if (pending.ContainsKey(path) || documents.Find(path) is not { } document)
                    {
                        continue;
                    }

                    version = document.Version;
                }

                var result = Analyse(path, snapshot, current);
                lock (gate)
                {
                    if (pending.ContainsKey(path) || documents.Find(path) is null)
                    {
                        continue;
                    }

                    var files = new HashSet<string>(StringComparer.Ordinal) { path };
                    if (entries.TryGetValue(path, out var old))
                    {
                        files.UnionWith(FilesOf(old.Findings));
                    }

                    files.UnionWith(FilesOf(result.Findings));
                    entries[path] = new EntryAnalysis(result.Findings, result.Dependencies, version);
                    PublishFiles(files, path);
                }
            }
        }
    }

    /// <summary>One entry point through the engine, with its configuration; never throws.</summary>
    private EntryAnalysis Analyse(string path, IReadOnlyDictionary<string, string> snapshot, AnalysisSettings current)
    {
        var fileSystem = new EditorFileSystem(snapshot, PhysicalFileSystem.Instance);
        var findings = new List<Finding>();
        try
        {
            var state = workspace.For(path, fileSystem);
            if (WorkspaceConfiguration.IsConfigurationFile(path))
            {
                // A configuration file is not linted; its own errors are shown in it.
                return new EntryAnalysis(findings, fileSystem.Touched, 0);
            }

            var configuration = state?.Configuration;
            if (configuration is not null && configuration.Matches(configuration.Exclude, path))
            {
                return new EntryAnalysis(findings, fileSystem.Touched, 0);
            }

            var options = new LintOptions { FileSystem = fileSystem, IncludeInconclusive = current.IncludeInconclusive, Parallel = false };
            if (configuration is not null)
            {
                foreach (var pair in configuration.Levels)
                {
                    options.Levels[pair.Key] = pair.Value;
                }

                if (configuration.ParameterFileFor(path) is string parameters)
                {
                    options.ParameterFiles[path] = parameters;
                }
            }

            var result = new LintEngine(options).Analyze(new[] { path });
            configuration?.ApplySuppressions(result.Findings);
            foreach (var finding in result.Findings)
            {
                if (!finding.IsSuppressed)
                {
                    findings.Add(finding);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The engine does not throw on input; if it ever does, the document shows it rather than the server dying.
            findings.Add(InputDiagnostics.Unreadable(TemplateLoader.DisplayPath(path), "internal error while analysing the file (please report it): " + e.GetType().Name + ": " + e.Message));
        }

        return new EntryAnalysis(findings, fileSystem.Touched, 0);
    }

    private static HashSet<string> FilesOf(IReadOnlyList<Finding> findings)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.Path.Length > 0)
            {
                files.Add(LspDiagnostics.FullPath(finding.Path));
            }
        }

        return files;
    }

    /// <summary>Publishes the merged diagnostics of these files when they changed (the analysed entry always, with its version).</summary>
    private void PublishFiles(IEnumerable<string> files, string? analysed)
    {
        var failLevel = settings.FailLevel;
        foreach (var file in files)
        {
            var diagnostics = new JArray();
            foreach (var finding in Merge(file))
            {
                diagnostics.Add(LspDiagnostics.ToDiagnostic(finding, failLevel));
            }

            if (WorkspaceConfiguration.IsConfigurationFile(file) && workspace.For(file, new EditorFileSystem(documents.Snapshot(), PhysicalFileSystem.Instance)) is { } state && state.Path == file)
            {
                foreach (var error in state.Errors)
                {
                    diagnostics.Add(ConfigurationDiagnostic(error));
                }
            }

            string text = diagnostics.ToString(Newtonsoft.Json.Formatting.None);
            bool isEntry = string.Equals(file, analysed, StringComparison.Ordinal);
            if (!isEntry && published.TryGetValue(file, out var last) && last == text)
            {
                continue;
            }

            if (diagnostics.Count == 0 && !isEntry && documents.Find(file) is null && !published.ContainsKey(file))
            {
                continue;
            }

            published[file] = text;
            var open = documents.Find(file);
            int? version = isEntry && entries.TryGetValue(file, out var entry) ? entry.Version : null;
            publish(open?.Uri ?? DocumentUri.FromPath(file), version, diagnostics);
        }
    }

    /// <summary>The findings that every entry places in a file, one per fingerprint (the highest level wins).</summary>
    private List<Finding> Merge(string file)
    {
        var byFingerprint = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var order = new List<Finding>();
        foreach (var entry in entries.Values)
        {
            foreach (var finding in entry.Findings)
            {
                if (finding.Path.Length == 0 || !string.Equals(LspDiagnostics.FullPath(finding.Path), file, StringComparison.Ordinal))
                {
                    continue;
                }

                if (byFingerprint.TryGetValue(finding.Fingerprint, out var existing))
                {
                    if (finding.Level > existing.Level)
                    {
                        order[order.IndexOf(existing)] = finding;
                        byFingerprint[finding.Fingerprint] = finding;
                    }

                    continue;
                }

                byFingerprint[finding.Fingerprint] = finding;
                order.Add(finding);
            }
        }

        order.Sort(LintEngine.CompareFindings);
        return order;
    }

    private static JObject ConfigurationDiagnostic(CmkLint.Configuration.ConfigurationError error)
    {
        var position = new JObject { ["line"] = Math.Max(0, error.Line - 1), ["character"] = Math.Max(0, error.Column - 1) };
        return new JObject
        {
            ["range"] = new JObject { ["start"] = position, ["end"] = position.DeepClone() },
            ["severity"] = 1,
            ["source"] = LspDiagnostics.Source,
            ["message"] = error.Message + " (the file is ignored until this is fixed)",
        };
    }
}
