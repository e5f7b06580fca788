using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.PreviousState;
using CmkLint.Reporting;
using CmkLint.Workspace;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CmkLint.MSBuild;

/// <summary>
/// The MSBuild task: runs the CmkLint engine over template items (ARM JSON, Bicep, parameters files)
/// and logs each finding in the canonical <c>file(line,col): error CMK001: message</c> form.
/// </summary>
public sealed class LintTemplates : Task
{
    /// <summary>Codes of problems with the task's own inputs (not template findings).</summary>
    internal const string InvalidSettingCode = "CMKMSB001";
    internal const string SarifCode = "CMKMSB002";
    internal const string ConfigurationCode = "CMKMSB003";
    internal const string PreviousStateCode = "CMKMSB004";

    /// <summary>Where the project lives (SARIF <c>informationUri</c>).</summary>
    private const string InformationUri = "https://github.com/cmklint/cmklint";

    /// <summary>Templates, Bicep files and parameters files; JSON files that are not templates are skipped by content.</summary>
    [Required]
    public ITaskItem[] Templates { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>error</c> (default), <c>warning</c>, <c>note</c> or <c>none</c>: findings at or above it fail the build.</summary>
    public string? FailLevel { get; set; }

    /// <summary>Warnings fail the build too.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>A <c>cmklint.json</c> to apply instead of the nearest one above the templates (empty: that one, as the CLI finds it).</summary>
    public string? ConfigFile { get; set; }

    /// <summary>A baseline written by <c>cmklint --write-baseline</c> whose findings are accepted (empty: none).</summary>
    public string? Baseline { get; set; }

    /// <summary>Where to write a SARIF 2.1.0 log of the run (empty: none).</summary>
    public string? SarifFile { get; set; }

    /// <summary>The folder SARIF URIs are relative to (empty: the repository root above the project, else the project folder).</summary>
    public string? SourceRoot { get; set; }

    /// <summary>Keep inconclusive checks (logged as messages; in SARIF as <c>kind: "open"</c>).</summary>
    public bool IncludeInconclusive { get; set; }

    /// <summary>Report suppressions that suppress nothing (CMK902) as errors, as the CLI's <c>--report-unused-suppressions</c> does.</summary>
    public bool ReportUnusedSuppressions { get; set; }

    /// <summary>A git revision (<c>origin/main</c>, <c>HEAD~1</c>) whose templates are the previous state for CMK007, CMK008 and CMK016 (empty: none).</summary>
    public string? Previous { get; set; }

    /// <summary>An exported deployed state (<c>az acr show</c>, <c>az resource list</c>, ARM export) to compare with (empty: none).</summary>
    public string? Deployed { get; set; }

    /// <summary>The folder relative settings (<see cref="Baseline"/>, <see cref="Deployed"/>) are resolved from (the targets pass the project folder).</summary>
    public string? RepositoryDirectory { get; set; }

    [Output]
    public int FilesAnalyzed { get; private set; }

    [Output]
    public int ErrorCount { get; private set; }

    [Output]
    public int WarningCount { get; private set; }

    /// <summary>Fixed in tests so date checks are stable.</summary>
    internal DateTimeOffset? Now { get; set; }

    public override bool Execute()
    {
        if (!FailPolicy.TryParseLevel(FailLevel, out var failLevel))
        {
            Log.LogError(null, InvalidSettingCode, null, null, 0, 0, 0, 0, $"CmkLintFailLevel '{FailLevel}' is not one of error, warning, note, none.");
            return false;
        }

        var clock = Stopwatch.StartNew();
        var policy = new FailPolicy(failLevel, TreatWarningsAsErrors);
        var workspace = LintWorkspace.Open(Request());
        foreach (var diagnostic in workspace.Diagnostics)
        {
            LogInputProblem(diagnostic);
        }

        if (workspace.HasErrors)
        {
            return false;
        }

        if (workspace.ConfigurationPath is string configuration)
        {
            Log.LogMessage(MessageImportance.Normal, $"CmkLint: using configuration {Path.GetFullPath(configuration)}");
        }

        LogEngineLocation();
        WorkspaceResult result;
        try
        {
            result = workspace.Analyze();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The engine reports bad input as findings; an exception is a bug, shown with its stack.
            Log.LogErrorFromException(e, showStackTrace: true);
            return false;
        }

        int notes = 0;
        foreach (var finding in result.Findings)
        {
            Report(finding, policy, ref notes);
        }

        FilesAnalyzed = result.Lint.FilesAnalyzed;
        Log.LogMessage(MessageImportance.Normal, $"CmkLint: {FilesAnalyzed} template(s) analysed: {ErrorCount} error(s), {WarningCount} warning(s), {notes} message(s); fail level {policy}.");
        WriteSarif(result, clock.Elapsed);
        return !Log.HasLoggedErrors;
    }

    /// <summary>Items and properties as a workspace request: the workspace finds the configuration, roots and previous states as for the CLI.</summary>
    private WorkspaceRequest Request()
    {
        var options = new LintOptions { IncludeInconclusive = IncludeInconclusive };
        if (Now is { } now)
        {
            options.Now = now;
        }

        var request = new WorkspaceRequest
        {
            Options = options,
            ConfigurationPath = Setting(ConfigFile),
            BaselinePath = Setting(Baseline),
            SourceRoot = Setting(SourceRoot),
            PreviousRevision = Setting(Previous),
            DeployedExport = Setting(Deployed),
        };
        if (ReportUnusedSuppressions)
        {
            request.Levels[InputDiagnostics.UnusedSuppression.Id] = Level.Error;
        }
        if (Setting(RepositoryDirectory) is string directory)
        {
            request.WorkingDirectory = directory;
        }

        foreach (var item in Templates)
        {
            string path = FullPath(item);

            // As in the CLI: include/exclude filter the files found by globbing, not the ones the project lists itself.
            (IsDiscovered(item) ? request.DiscoveredFiles : request.Files).Add(path);
            string parameters = item.GetMetadata("Parameters");
            if (!string.IsNullOrWhiteSpace(parameters))
            {
                request.ParameterFiles[path] = ResolveFromProject(item, parameters.Trim());
            }
        }

        return request;
    }

    private static string? Setting(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    /// <summary>Problems with the task's inputs, each under its code; configuration and baseline mistakes at their line and column.</summary>
    private void LogInputProblem(WorkspaceDiagnostic diagnostic)
    {
        if (!diagnostic.IsError)
        {
            Log.LogMessage(MessageImportance.Normal, "CmkLint: " + diagnostic.Message);
            return;
        }

        string code = diagnostic.Input switch
        {
            WorkspaceInput.Configuration or WorkspaceInput.Baseline => ConfigurationCode,
            WorkspaceInput.PreviousState => PreviousStateCode,
            _ => InvalidSettingCode,
        };
        string prefix = diagnostic.Input switch
        {
            WorkspaceInput.Configuration => "CmkLint configuration: ",
            WorkspaceInput.Baseline => "CmkLint baseline: ",
            WorkspaceInput.PreviousState => "CmkLint previous state: ",
            _ => "CmkLint: ",
        };
        string? file = diagnostic.Path is null ? null : Path.GetFullPath(diagnostic.Path);
        Log.LogError(null, code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, file is null ? prefix + diagnostic.Message : diagnostic.Message, Array.Empty<object>());
    }

    private static bool IsDiscovered(ITaskItem item) => string.Equals(item.GetMetadata("CmkLintDiscovered"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Relative metadata paths are relative to the project that defined the item, as MSBuild's own are.</summary>
    private static string ResolveFromProject(ITaskItem item, string path)
    {
        string projectDirectory = item.GetMetadata("DefiningProjectDirectory");
        return string.IsNullOrEmpty(projectDirectory) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(projectDirectory, path));
    }

    private static string FullPath(ITaskItem item)
    {
        string full = item.GetMetadata("FullPath");
        return string.IsNullOrEmpty(full) ? Path.GetFullPath(item.ItemSpec) : full;
    }

    private void Report(Finding finding, FailPolicy policy, ref int notes)
    {
        string file = finding.Path.Length == 0 ? string.Empty : Path.GetFullPath(finding.Path);
        var span = finding.Span;
        int line = 0, column = 0, endLine = 0, endColumn = 0;
        if (!span.IsNone)
        {
            var start = span.StartPosition;
            var end = span.EndPosition;
            line = start.Line;
            column = start.Column;
            endLine = end.Line;
            endColumn = end.Column;
        }

        if (finding.IsSuppressed)
        {
            string why = finding.Suppression!.Justification is { Length: > 0 } j ? ": " + j : string.Empty;
            Log.LogMessage(null, finding.RuleId, null, file, line, column, endLine, endColumn, MessageImportance.Low, $"{finding.Message} (suppressed{why})", Array.Empty<object>());
            return;
        }

        string message = finding.Kind == FindingKind.Inconclusive ? "Inconclusive: " + finding.Message : finding.Message;
        var severity = finding.Kind == FindingKind.Inconclusive ? BuildSeverity.Message : policy.SeverityOf(finding.Level);
        switch (severity)
        {
            case BuildSeverity.Error:
                ErrorCount++;
                Log.LogError(null, finding.RuleId, null, finding.Rule.HelpUri, file, line, column, endLine, endColumn, message, Array.Empty<object>());
                break;
            case BuildSeverity.Warning:
                WarningCount++;
                Log.LogWarning(null, finding.RuleId, null, finding.Rule.HelpUri, file, line, column, endLine, endColumn, message, Array.Empty<object>());
                break;
            default:
                notes++;
                Log.LogMessage(null, finding.RuleId, null, file, line, column, endLine, endColumn, MessageImportance.Normal, message, Array.Empty<object>());
                break;
        }

        // MSBuild has no related locations: they follow as messages so that -v:n shows the whole CMK chain.
        foreach (var related in finding.Related)
        {
            if (related.Span.IsNone || related.Span.File is null)
            {
                continue;
            }

            var start = related.Span.StartPosition;
            var end = related.Span.EndPosition;
            Log.LogMessage(null, finding.RuleId, null, Path.GetFullPath(related.Span.File.Path), start.Line, start.Column, end.Line, end.Column, MessageImportance.Normal, "  related: " + related.Message, Array.Empty<object>());
        }
    }

    private void WriteSarif(WorkspaceResult result, TimeSpan elapsed)
    {
        if (string.IsNullOrWhiteSpace(SarifFile))
        {
            return;
        }

        string path = Path.GetFullPath(SarifFile!.Trim());
        var run = new ReportRun(result.Findings, result.Lint.FilesAnalyzed, elapsed, new ToolInfo("cmklint", ToolVersion(), InformationUri), result.RepositoryRoot);
        try
        {
            string? folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            SarifReporter.Write(writer, run);
            Log.LogMessage(MessageImportance.Normal, $"CmkLint: SARIF written to {path}");
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Log.LogError(null, SarifCode, null, null, 0, 0, 0, 0, $"Cannot write the SARIF file '{path}': {e.Message}");
        }
    }

    private static string ToolVersion() =>
        typeof(LintTemplates).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(LintTemplates).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>At -v:diag the log shows which engine and which Newtonsoft.Json the task loaded (MSBuild ships its own copy).</summary>
    private void LogEngineLocation()
    {
        Log.LogMessage(MessageImportance.Low, $"CmkLint: engine {typeof(LintEngine).Assembly.Location}; Newtonsoft.Json {typeof(Newtonsoft.Json.JsonConvert).Assembly.GetName().Version} from {typeof(Newtonsoft.Json.JsonConvert).Assembly.Location}");
    }
}
