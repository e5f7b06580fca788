using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.Reporting;
using CmkLint.Workspace;

namespace CmkLint.Cli;

/// <summary>One invocation of cmklint: arguments to a workspace request, the report, the exit code (the workspace does the rest, as for every channel).</summary>
internal static class LintRun
{
    /// <summary>Where the project lives (SARIF <c>informationUri</c>).</summary>
    public const string InformationUri = "https://github.com/cmklint/cmklint";

    public static int Execute(LintSettings settings, CliConsole console)
    {
        var clock = Stopwatch.StartNew();
        var selection = Commands.RuleSelection.Parse(settings.Select, settings.Ignore);
        var request = new WorkspaceRequest
        {
            ConfigurationPath = settings.Config,
            BaselinePath = settings.Baseline,
            AnalysisRoot = settings.Root,
            ParametersFile = settings.Parameters,
            PreviousRevision = settings.Previous,
            DeployedExport = settings.Deployed,
            ChangedSince = settings.ChangedSince,
            IgnoreInlineSuppressions = settings.NoInlineSuppressions,
            ReportStaleBaselineEntries = settings.WriteBaseline is null,
            ConfigurationOnly = settings.ShowConfig || selection.Error is not null,

            // Inconclusive checks are always kept by the engine and counted here (UndecidedChecks).
            Options = new LintOptions { IncludeInconclusive = true },
        };
        request.Paths.AddRange(settings.Paths);
        request.ReadOnlyRoots.AddRange(settings.BicepCaches);
        selection.Apply(request.Levels);
        if (settings.ReportUnusedSuppressions)
        {
            request.Levels[InputDiagnostics.UnusedSuppression.Id] = Level.Error;
        }

        var workspace = LintWorkspace.Open(request);
        if (workspace.HasErrors)
        {
            return InputErrors(console, workspace.Diagnostics);
        }

        if (settings.Verbose && workspace.ConfigurationPath is not null)
        {
            console.Error.WriteLine($"cmklint: using configuration {workspace.ConfigurationPath}");
        }

        if (selection.Error is not null)
        {
            return Usage(console, selection.Error);
        }

        if (settings.ShowConfig)
        {
            Commands.ShowConfig.Write(console.Out, settings, workspace.Configuration, selection);
            return CmkLintCommand.ExitClean;
        }

        if (!settings.Quiet)
        {
            foreach (var notice in workspace.Diagnostics)
            {
                console.Error.WriteLine("cmklint: " + notice.Message);
            }
        }

        if (settings.Verbose && workspace.Changed is { } changed)
        {
            console.Error.WriteLine($"cmklint: --changed-since {settings.ChangedSince}: {changed.ChangedFiles} changed file(s); {workspace.Files.Count} of {workspace.FilesFound} entry points reach them");
        }

        // Analysis (the engine reads, parses and analyses on all cores).
        WorkspaceResult analysed;
        using (new ProgressIndicator(console.RawError, console.ErrorIsTerminal && !settings.Quiet, workspace.Files.Count))
        {
            analysed = workspace.Analyze();
        }

        var (result, undecided) = Commands.UndecidedChecks.Split(analysed.Lint, settings.IncludeInconclusive);
        string root = workspace.RepositoryRoot;
        if (analysed.StaleBaselineEntries is int stale && stale > 0 && settings.Verbose)
        {
            console.Error.WriteLine($"cmklint: {stale} baseline entr{(stale == 1 ? "y matches" : "ies match")} no finding any more (fixed?); rewrite the baseline with --write-baseline to drop them");
        }

        if (settings.Fix)
        {
            int? fixedCount = Commands.FixStep.Run(result.Findings, settings.Diff, settings.Quiet, console, (ConfinedFileSystem)workspace.Options.FileSystem);
            if (fixedCount is null || settings.Diff)
            {
                return fixedCount is null ? CmkLintCommand.ExitUsageOrInternal : fixedCount > 0 ? CmkLintCommand.ExitFindings : CmkLintCommand.ExitClean;
            }

            if (fixedCount > 0)
            {
                // The re-lint: what is left after the fixes is what the report shows.
                (result, undecided) = Commands.UndecidedChecks.Split(workspace.Analyze().Lint, settings.IncludeInconclusive);
            }
        }

        if (settings.WriteBaseline is not null)
        {
            var written = Baseline.FromFindings(result.Findings, root);
            if (!TryWrite(console, settings.WriteBaseline, written.ToJson()))
            {
                return CmkLintCommand.ExitUsageOrInternal;
            }

            written.Apply(result.Findings, root);
            if (!settings.Quiet)
            {
                console.Error.WriteLine($"cmklint: wrote {written.Entries.Count} finding{(written.Entries.Count == 1 ? string.Empty : "s")} to {settings.WriteBaseline}");
            }
        }

        var run = new ReportRun(result.Findings, result.FilesAnalyzed, clock.Elapsed, new ToolInfo("cmklint", CmkLintCommand.Version, InformationUri), root, workspace.Configuration?.FindingLimits);
        run.Summary.Undecided = undecided;
        if (!Report(settings, console, run))
        {
            return CmkLintCommand.ExitUsageOrInternal;
        }

        if (settings.Statistics)
        {
            Commands.Statistics.Write(settings.Format == "text" && settings.Output is null ? console.Out : console.Error, run.Findings);
        }

        if (result.FilesAnalyzed == 0 && !settings.Quiet)
        {
            console.Error.WriteLine("cmklint: no templates found (ARM JSON templates, Bicep files and parameters files are linted)");
        }

        return run.Summary.FailsAt(settings.FailLevel) ? CmkLintCommand.ExitFindings : CmkLintCommand.ExitClean;
    }

    private static bool Report(LintSettings settings, CliConsole console, ReportRun run)
    {
        bool toFile = settings.Output is not null;
        using var file = toFile ? ReportFile.Open(console, settings.Output!) : null;
        if (toFile && file is null)
        {
            return false;
        }

        var writer = file ?? console.Out;
        try
        {
            WriteReport(settings, console, run, writer, toFile);
            file?.Flush();
        }
        catch (Exception e) when (toFile && ReportFile.IsWriteFailure(e))
        {
            console.Error.WriteLine($"cmklint: cannot write {settings.Output}: {e.Message}");
            return false;
        }

        // The report went to a file or a machine format: people and CI logs still get the summary.
        if ((toFile || settings.Format != "text") && !settings.Quiet)
        {
            console.Error.WriteLine(run.Summary.ToString() + (toFile ? $"; report written to {settings.Output}" : string.Empty));
        }

        return true;
    }

    private static void WriteReport(LintSettings settings, CliConsole console, ReportRun run, TextWriter writer, bool toFile)
    {
        switch (settings.Format)
        {
            case "json":
                JsonReporter.Write(writer, run);
                break;
            case "sarif":
                SarifReporter.Write(writer, run);
                break;
            case "github":
                GitHubReporter.Write(writer, run);
                break;
            default:
                TextReporter.Write(writer, run, new TextReportOptions
                {
                    Color = !toFile && !settings.NoColor && console.OutputIsTerminal && !console.NoColorEnvironment,
                    ShowSuppressed = settings.Verbose,
                    Summary = !settings.Quiet,
                });
                break;
        }
    }

    private static bool TryWrite(CliConsole console, string path, string text)
    {
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // Without throwing on a lone surrogate (the reporters already replace them; this is the last guard).
            File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
            return true;
        }
        catch (Exception e) when (ReportFile.IsWriteFailure(e))
        {
            console.Error.WriteLine($"cmklint: cannot write {path}: {e.Message}");
            return false;
        }
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine("cmklint: " + message);
        return CmkLintCommand.ExitUsageOrInternal;
    }

    /// <summary>Errors in the inputs: the configuration's and the baseline's at their line and column with a count, the others one line each.</summary>
    private static int InputErrors(CliConsole console, IReadOnlyList<WorkspaceDiagnostic> diagnostics)
    {
        int located = 0;
        WorkspaceInput? file = null;
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.IsError)
            {
                continue;
            }

            if (diagnostic.Path is null)
            {
                console.Error.WriteLine("cmklint: " + diagnostic.Message);
                continue;
            }

            console.Error.WriteLine(diagnostic.ToString());
            located++;
            file = diagnostic.Input;
        }

        if (located > 0)
        {
            string what = file == WorkspaceInput.Baseline ? "invalid baseline" : "invalid configuration";
            console.Error.WriteLine($"cmklint: {what} ({located} error{(located == 1 ? string.Empty : "s")}); nothing was linted");
        }

        return CmkLintCommand.ExitUsageOrInternal;
    }
}
