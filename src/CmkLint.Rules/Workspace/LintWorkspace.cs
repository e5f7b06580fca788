using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.PreviousState;
using CmkLint.Text;

namespace CmkLint.Workspace;

/// <summary>
/// The one entry point every channel calls. <see cref="Open"/> turns a request into what a run needs, the same way for
/// all: the configuration (the nearest <c>cmklint.json</c> above the analysed files, not the current directory, unless
/// one is given), the analysis and repository roots, the files (discovered, include/exclude applied), levels,
/// parameters files, the baseline and the previous states (opened once). <see cref="Analyze"/> runs the engine and
/// applies in-source and configured suppressions and the baseline. Problems with these inputs are
/// <see cref="Diagnostics"/>, never exceptions.
/// </summary>
public sealed class LintWorkspace
{
    private readonly WorkspaceRequest request;
    private readonly List<WorkspaceDiagnostic> diagnostics = new();
    private readonly List<string> files = new();
    private readonly Dictionary<string, string> documents = new(StringComparer.Ordinal);
    private readonly LintOptions options;
    private Baseline? baseline;

    private LintWorkspace(WorkspaceRequest request)
    {
        this.request = request;
        options = request.Options.Copy();
    }

    /// <summary>Problems with the request's inputs, in the order found; after an error nothing further is prepared.</summary>
    public IReadOnlyList<WorkspaceDiagnostic> Diagnostics => diagnostics;

    /// <summary>Whether an input is unusable (the run must not go on).</summary>
    public bool HasErrors => diagnostics.Exists(d => d.IsError);

    /// <summary>The configuration applied, or null when there is none.</summary>
    public LintConfiguration? Configuration { get; private set; }

    /// <summary>The configuration file, as given or found (full path when found), or null.</summary>
    public string? ConfigurationPath { get; private set; }

    /// <summary>The folder the engine may read (besides the read-only roots).</summary>
    public string AnalysisRoot { get; private set; } = string.Empty;

    /// <summary>The folder result paths, baselines and SARIF URIs are relative to: the repository root above the analysed files.</summary>
    public string RepositoryRoot { get; private set; } = string.Empty;

    /// <summary>The files to analyse (full paths), in the order found.</summary>
    public IReadOnlyList<string> Files => files;

    /// <summary>The engine options the run uses (completed from the request and the configuration).</summary>
    public LintOptions Options => options;

    /// <summary>With <see cref="WorkspaceRequest.ChangedSince"/>: what changed and which entry points reach it (<see cref="Files"/> is already narrowed to them).</summary>
    public ChangedEntryPoints? Changed { get; private set; }

    /// <summary>The files found before <see cref="WorkspaceRequest.ChangedSince"/> narrowed them.</summary>
    public int FilesFound { get; private set; }

    /// <summary>Prepares a run; check <see cref="HasErrors"/> before <see cref="Analyze"/>.</summary>
    public static LintWorkspace Open(WorkspaceRequest request)
    {
        var workspace = new LintWorkspace(request);
        workspace.Prepare();
        return workspace;
    }

    /// <summary>Runs the engine over <see cref="Files"/> and applies suppressions and the baseline. Can run again (after fixes).</summary>
    public WorkspaceResult Analyze()
    {
        if (HasErrors)
        {
            throw new InvalidOperationException("the workspace has input errors (see Diagnostics); nothing can be analysed");
        }

        var result = new LintEngine(options).Analyze(files, documents);
        if (request.IgnoreInlineSuppressions)
        {
            InlineSuppressions.Ignore(result.Findings);
        }

        Configuration?.ApplySuppressions(result.Findings);
        int stale = baseline?.Apply(result.Findings, RepositoryRoot) ?? 0;

        // CMK902 for configured suppressions and baseline entries that matched nothing (the engine reports the
        // suppressions written in templates itself); a suppression of an undecided check is in use.
        var audit = new SuppressionAudit(options.Levels, options.Previous.Count > 0);
        var notes = audit.UnusedConfigured(Configuration, request.ReportStaleBaselineEntries ? baseline : null, result.Findings, files, RepositoryRoot);
        if (notes.Count > 0)
        {
            var findings = new List<Finding>(result.Findings);
            findings.AddRange(notes);
            findings.Sort(LintEngine.CompareFindings);
            result = new LintResult(findings, result.FilesAnalyzed, result.ComparisonErrors) { EvaluationSteps = result.EvaluationSteps };
        }

        return new WorkspaceResult(result, RepositoryRoot, stale);
    }

    private void Prepare()
    {
        string cwd = Path.GetFullPath(request.WorkingDirectory);
        var inputs = new List<string>(request.Paths);
        inputs.AddRange(request.Files);
        inputs.AddRange(request.DiscoveredFiles);
        inputs.AddRange(request.Documents.Keys);
        bool walk = request.Paths.Count > 0 || inputs.Count == 0;
        var walked = request.Paths.Count > 0 ? request.Paths : new List<string> { "." };

        if (!ReadConfiguration(cwd, inputs.Count > 0 ? inputs : walked))
        {
            return;
        }

        // A cmklint.json found beside the paths belongs to them (its parameters files too); one given explicitly does not.
        string? foundFolder = request.ConfigurationPath is null && ConfigurationPath is not null ? Path.GetDirectoryName(ConfigurationPath) : null;
        string? root = Workspace.AnalysisRoot.Of(inputs, cwd, request.AnalysisRoot, foundFolder, out var rootError);
        if (root is null)
        {
            Error(WorkspaceInput.Root, rootError ?? "cannot determine the analysis root; set one with --root");
            return;
        }

        AnalysisRoot = root;
        RepositoryRoot = request.SourceRoot is { Length: > 0 } sourceRoot
            ? Path.GetFullPath(Path.Combine(cwd, sourceRoot))
            : Workspace.AnalysisRoot.RepositoryRoot(root) ?? foundFolder ?? cwd;
        if (request.ConfigurationOnly || !ReadBaseline(cwd))
        {
            return;
        }

        var loader = new TemplateLoader(options.Loading(options.FrontEnds));
        var discovery = new FileDiscovery(loader.CanRead, Configuration, walk ? GitWorkTree.TrackedFiles(root) : null, cwd);
        if (walk)
        {
            foreach (var input in walked)
            {
                discovery.Add(input);
            }
        }

        foreach (var notice in discovery.Notices)
        {
            diagnostics.Add(new WorkspaceDiagnostic(WorkspaceInput.Paths, isError: false, notice));
        }

        foreach (var error in discovery.Errors)
        {
            Error(WorkspaceInput.Paths, error);
        }

        if (HasErrors)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in discovery.Files)
        {
            Add(file, seen);
        }

        foreach (var file in request.Files)
        {
            Add(Full(cwd, file), seen);
        }

        foreach (var file in request.DiscoveredFiles)
        {
            string full = Full(cwd, file);
            if (Configuration is null || !IsExcluded(Configuration, full))
            {
                Add(full, seen);
            }
        }

        foreach (var document in request.Documents)
        {
            string full = Full(cwd, document.Key);
            documents[full] = document.Value;
            Add(full, seen);
        }

        ApplyConfiguration(root);
        if (!MapParameters(cwd, discovery))
        {
            return;
        }

        FilesFound = files.Count;
        if (request.ChangedSince is string revision && !SelectChanged(revision, root))
        {
            return;
        }

        OpenPreviousStates(cwd, root);
    }

    /// <summary>Narrows <see cref="Files"/> to the entry points that reach a file changed since <paramref name="revision"/> (git run hardened, as for previous states).</summary>
    private bool SelectChanged(string revision, string root)
    {
        var changed = ChangedEntryPoints.Select(revision, root, files, options, out var error);
        if (changed is null)
        {
            Error(WorkspaceInput.PreviousState, error ?? "--changed-since: git cannot say what changed");
            return false;
        }

        Changed = changed;
        files.Clear();
        files.AddRange(changed.Files);
        return true;
    }

    private bool ReadConfiguration(string cwd, IReadOnlyList<string> inputs)
    {
        string? path = request.ConfigurationPath;
        if (path is not null && !File.Exists(Path.Combine(cwd, path)))
        {
            Error(WorkspaceInput.Configuration, $"configuration file not found: {path}");
            return false;
        }

        path = path is null ? ConfigurationReader.Find(Workspace.AnalysisRoot.CommonFolder(inputs, cwd)) : Path.GetFullPath(Path.Combine(cwd, path));
        if (path is null)
        {
            return true;
        }

        ConfigurationPath = request.ConfigurationPath ?? path;
        var errors = new List<ConfigurationError>();
        Configuration = ConfigurationReader.Read(TemplateLoader.DisplayPath(path), PhysicalFileSystem.Instance, errors);
        foreach (var error in errors)
        {
            diagnostics.Add(new WorkspaceDiagnostic(WorkspaceInput.Configuration, isError: true, error.Message, error.Path, error.Line, error.Column));
        }

        if (Configuration is null && errors.Count == 0)
        {
            Error(WorkspaceInput.Configuration, $"invalid configuration: {path}");
        }

        return Configuration is not null;
    }

    private bool ReadBaseline(string cwd)
    {
        if (request.BaselinePath is not string path)
        {
            return true;
        }

        string full = Path.GetFullPath(Path.Combine(cwd, path));
        if (!File.Exists(full))
        {
            Error(WorkspaceInput.Baseline, $"baseline file not found: {path} (create one with --write-baseline)");
            return false;
        }

        var errors = new List<ConfigurationError>();
        baseline = Baseline.Read(AsGiven(cwd, path), PhysicalFileSystem.Instance, errors);
        foreach (var error in errors)
        {
            diagnostics.Add(new WorkspaceDiagnostic(WorkspaceInput.Baseline, isError: true, error.Message, error.Path, error.Line, error.Column));
        }

        if (baseline is null && errors.Count == 0)
        {
            Error(WorkspaceInput.Baseline, $"invalid baseline: {path}");
        }

        return baseline is not null;
    }

    /// <summary>Levels (the configuration's, then the request's), budgets, and the one file system every read goes through.</summary>
    private void ApplyConfiguration(string root)
    {
        if (Configuration is not null)
        {
            foreach (var pair in Configuration.Levels)
            {
                options.Levels[pair.Key] = pair.Value;
            }

            options.Budgets = Configuration.Budgets;
        }

        foreach (var pair in request.Levels)
        {
            options.Levels[pair.Key] = pair.Value;
        }

        // The Bicep module cache (~/.bicep) is outside the repository but written by `bicep restore`, not by the pull
        // request: it is the one extra folder the engine may read, with those the caller names. A cacheRootDirectory
        // that bicepconfig.json (pull-request content) points elsewhere is refused like any path.
        var readOnly = new List<string>();
        if (options.BicepHomeDirectory is string home)
        {
            readOnly.Add(Path.Combine(home, ".bicep"));
        }

        foreach (var folder in request.ReadOnlyRoots)
        {
            readOnly.Add(Path.GetFullPath(Path.Combine(request.WorkingDirectory, folder)));
        }

        options.FileSystem = new ConfinedFileSystem(root, readOnly.ToArray()) { MaxFileBytes = options.MaxFileBytes };
    }

    /// <summary>Parameters files: <c>cmklint.json</c>'s mapping, then the caller's per template, then <c>--parameters</c>.</summary>
    private bool MapParameters(string cwd, FileDiscovery discovery)
    {
        if (Configuration is not null)
        {
            foreach (var file in files)
            {
                if (Configuration.ParameterFileFor(file) is string parameters)
                {
                    options.ParameterFiles[file] = parameters;
                }
            }
        }

        foreach (var pair in request.ParameterFiles)
        {
            options.ParameterFiles[Full(cwd, pair.Key)] = Full(cwd, pair.Value);
        }

        if (request.ParametersFile is not string given)
        {
            return true;
        }

        if (discovery.ExplicitFiles.Count != 1 || request.Paths.Count != 1)
        {
            Error(WorkspaceInput.Parameters, "--parameters applies to exactly one template file given on the command line (for several, map them under 'parameters' in cmklint.json)");
            return false;
        }

        if (!File.Exists(Path.Combine(cwd, given)))
        {
            Error(WorkspaceInput.Parameters, $"parameters file not found: {given}");
            return false;
        }

        options.ParameterFiles[discovery.ExplicitFiles[0]] = Full(cwd, given);
        return true;
    }

    /// <summary>Previous states are opened here, once: one that cannot be read is an error, never a silent pass.</summary>
    private void OpenPreviousStates(string cwd, string root)
    {
        if (request.PreviousRevision is { Length: > 0 } revision)
        {
            options.Previous.Add(PreviousStateSource.GitRevision(revision, root));
        }

        if (request.DeployedExport is { Length: > 0 } deployed)
        {
            options.Previous.Add(PreviousStateSource.DeployedExport(AsGiven(cwd, deployed)));
        }

        foreach (var source in options.Previous)
        {
            if (source.Open() is string error)
            {
                Error(WorkspaceInput.PreviousState, error);
                return;
            }
        }
    }

    private void Add(string full, HashSet<string> seen)
    {
        if (seen.Add(full))
        {
            files.Add(full);
        }
    }

    private static bool IsExcluded(LintConfiguration configuration, string full) =>
        (configuration.Include.Count > 0 && !configuration.Matches(configuration.Include, full)) || configuration.Matches(configuration.Exclude, full);

    private void Error(WorkspaceInput input, string message) => diagnostics.Add(new WorkspaceDiagnostic(input, isError: true, message));

    private static string Full(string cwd, string path) => TemplateLoader.Normalize(Path.Combine(cwd, path));

    /// <summary>A path as the user gave it when it means the same from the process's current folder (messages quote it), else resolved.</summary>
    private static string AsGiven(string cwd, string path) =>
        Path.IsPathRooted(path) || string.Equals(cwd, Path.GetFullPath("."), StringComparison.Ordinal) ? path : Path.Combine(cwd, path);
}
