using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.PreviousState;
using CmkLint.Reporting;
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

    /// <summary>A <c>cmklint.json</c> to apply (empty: none); the targets pass the nearest one above the project.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Where to write a SARIF 2.1.0 log of the run (empty: none).</summary>
    public string? SarifFile { get; set; }

    /// <summary>The folder SARIF URIs are relative to (empty: the repository root above the project, else the project folder).</summary>
    public string? SourceRoot { get; set; }

    /// <summary>Keep inconclusive checks (logged as messages; in SARIF as <c>kind: "open"</c>).</summary>
    public bool IncludeInconclusive { get; set; }

    /// <summary>A git revision (<c>origin/main</c>, <c>HEAD~1</c>) whose templates are the previous state for CMK007, CMK008 and CMK016 (empty: none).</summary>
    public string? Previous { get; set; }

    /// <summary>An exported deployed state (<c>az acr show</c>, <c>az resource list</c>, ARM export) to compare with (empty: none).</summary>
    public string? Deployed { get; set; }

    /// <summary>The folder git runs in for <see cref="Previous"/> (the targets pass the project folder).</summary>
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
        var options = new LintOptions { IncludeInconclusive = IncludeInconclusive };
        if (Now is { } now)
        {
            options.Now = now;
        }

        if (!TryReadConfiguration(out var configuration))
        {
            return false;
        }

        if (!TryAddPreviousStates(options))
        {
            return false;
        }

        var paths = CollectPaths(options, configuration);
        LogEngineLocation();

        LintResult result;
        try
        {
            result = new LintEngine(options).Analyze(paths);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The engine reports bad input as findings; an exception is a bug, shown with its stack.
            Log.LogErrorFromException(e, showStackTrace: true);
            return false;
        }

        configuration?.ApplySuppressions(result.Findings);
        int notes = 0;
        foreach (var finding in result.Findings)
        {
            Report(finding, policy, ref notes);
        }

        FilesAnalyzed = result.FilesAnalyzed;
        Log.LogMessage(MessageImportance.Normal, $"CmkLint: {result.FilesAnalyzed} template(s) analysed: {ErrorCount} error(s), {WarningCount} warning(s), {notes} message(s); fail level {policy}.");
        WriteSarif(result, clock.Elapsed);
        return !Log.HasLoggedErrors;
    }

    /// <summary>A previous state that cannot be read fails the check with its reason, never silently passes.</summary>
    private bool TryAddPreviousStates(LintOptions options)
    {
        if (!string.IsNullOrWhiteSpace(Previous))
        {
            options.Previous.Add(PreviousStateSource.GitRevision(Previous!, string.IsNullOrWhiteSpace(RepositoryDirectory) ? null : RepositoryDirectory));
        }

        if (!string.IsNullOrWhiteSpace(Deployed))
        {
            options.Previous.Add(PreviousStateSource.DeployedExport(Deployed!));
        }

        foreach (var source in options.Previous)
        {
            if (source.Open() is string error)
            {
                Log.LogError(null, PreviousStateCode, null, null, 0, 0, 0, 0, "CmkLint previous state: " + error);
                return false;
            }
        }

        return true;
    }

    private List<string> CollectPaths(LintOptions options, LintConfiguration? configuration)
    {
        if (configuration is not null)
        {
            foreach (var pair in configuration.Levels)
            {
                options.Levels[pair.Key] = pair.Value;
            }

            options.Budgets = configuration.Budgets;
        }

        var paths = new List<string>(Templates.Length);
        int unread = 0;
        foreach (var item in Templates)
        {
            string path = FullPath(item);
            if (!IsReadByEngine(path))
            {
                unread++;
                continue;
            }

            // As in the CLI: include/exclude filter the files found by globbing, not the ones the project lists itself.
            if (configuration is not null && IsDiscovered(item)
                && ((configuration.Include.Count > 0 && !configuration.Matches(configuration.Include, path)) || configuration.Matches(configuration.Exclude, path)))
            {
                continue;
            }

            paths.Add(path);
            string parameters = item.GetMetadata("Parameters");
            if (!string.IsNullOrWhiteSpace(parameters))
            {
                options.ParameterFiles[TemplateLoader.Normalize(path)] = ResolveFromProject(item, parameters.Trim());
            }
            else if (configuration?.ParameterFileFor(path) is string configured)
            {
                options.ParameterFiles[TemplateLoader.Normalize(path)] = configured;
            }
        }

        if (unread > 0)
        {
            // Until a front end for them is registered (LintEngine.FrontEnds), say so rather than pass silently.
            Log.LogMessage(MessageImportance.Normal, $"CmkLint: {unread} item(s) not analysed: no front end reads them in this version.");
        }

        return paths;
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

    private static bool IsReadByEngine(string path)
    {
        foreach (var frontEnd in LintEngine.FrontEnds)
        {
            if (frontEnd.Handles(path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads <see cref="ConfigFile"/> strictly, as the CLI does: a mistake in it is an error at its line and column.</summary>
    private bool TryReadConfiguration(out LintConfiguration? configuration)
    {
        configuration = null;
        if (string.IsNullOrWhiteSpace(ConfigFile))
        {
            return true;
        }

        string path = Path.GetFullPath(ConfigFile!.Trim());
        if (!File.Exists(path))
        {
            Log.LogError(null, ConfigurationCode, null, null, 0, 0, 0, 0, $"CmkLintConfig names '{path}', which does not exist.");
            return false;
        }

        var errors = new List<ConfigurationError>();
        configuration = ConfigurationReader.Read(path, PhysicalFileSystem.Instance, errors);
        foreach (var error in errors)
        {
            Log.LogError(null, ConfigurationCode, null, Path.GetFullPath(error.Path), error.Line, error.Column, 0, 0, error.Message, Array.Empty<object>());
        }

        if (configuration is null)
        {
            return false;
        }

        Log.LogMessage(MessageImportance.Normal, $"CmkLint: using configuration {path}");
        return true;
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

    private void WriteSarif(LintResult result, TimeSpan elapsed)
    {
        if (string.IsNullOrWhiteSpace(SarifFile))
        {
            return;
        }

        string path = Path.GetFullPath(SarifFile!.Trim());
        string root = string.IsNullOrWhiteSpace(SourceRoot) ? RepositoryRoot(Directory.GetCurrentDirectory()) : Path.GetFullPath(SourceRoot!.Trim());
        var run = new ReportRun(result.Findings, result.FilesAnalyzed, elapsed, new ToolInfo("cmklint", ToolVersion(), InformationUri), root);
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

    /// <summary>The nearest folder with <c>.git</c> (SARIF URIs are repository-relative, as the CLI writes them), else the start folder.</summary>
    private static string RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder.FullName;
            }
        }

        return start;
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
