using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using CmkLint.Cli.Discovery;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.PreviousState;
using CmkLint.Reporting;
using CmkLint.Text;

namespace CmkLint.Cli;

/// <summary>One invocation of cmklint: configuration, discovery, the engine, suppressions, the report and the exit code.</summary>
internal static class LintRun
{
    /// <summary>Where the project lives (SARIF <c>informationUri</c>).</summary>
    public const string InformationUri = "https://github.com/cmklint/cmklint";

    public static int Execute(LintSettings settings, CliConsole console)
    {
        var clock = Stopwatch.StartNew();
        string cwd = Directory.GetCurrentDirectory();

        // Configuration: --config, else the nearest cmklint.json.
        LintConfiguration? configuration = null;
        string? configPath = settings.Config;
        if (configPath is not null && !File.Exists(configPath))
        {
            return Usage(console, $"configuration file not found: {configPath}");
        }

        configPath ??= ConfigurationReader.Find(cwd);
        if (configPath is not null)
        {
            var errors = new List<ConfigurationError>();
            configuration = ConfigurationReader.Read(TemplateLoader.DisplayPath(Path.GetFullPath(configPath)), PhysicalFileSystem.Instance, errors);
            if (configuration is null)
            {
                return ConfigurationErrors(console, "invalid configuration", errors);
            }

            if (settings.Verbose)
            {
                console.Error.WriteLine($"cmklint: using configuration {configPath}");
            }
        }

        // The analysis root: a cmklint.json found beside the paths belongs to them (its parameters files too); one given with --config does not.
        string? foundConfiguration = settings.Config is null && configPath is not null ? Path.GetDirectoryName(Path.GetFullPath(configPath)) : null;
        string? analysisRoot = AnalysisRoot.Of(settings.Paths, cwd, settings.Root, foundConfiguration, out var rootError);
        if (analysisRoot is null)
        {
            return Usage(console, rootError ?? "cannot determine the analysis root; set one with --root");
        }

        var selection = Commands.RuleSelection.Parse(settings.Select, settings.Ignore);
        if (selection.Error is not null)
        {
            return Usage(console, selection.Error);
        }

        if (settings.ShowConfig)
        {
            Commands.ShowConfig.Write(console.Out, settings, configuration, selection);
            return CmkLintCommand.ExitClean;
        }

        Baseline? baseline = null;
        if (settings.Baseline is not null)
        {
            if (!File.Exists(settings.Baseline))
            {
                return Usage(console, $"baseline file not found: {settings.Baseline} (create one with --write-baseline)");
            }

            var errors = new List<ConfigurationError>();
            baseline = Baseline.Read(settings.Baseline, PhysicalFileSystem.Instance, errors);
            if (baseline is null)
            {
                return ConfigurationErrors(console, "invalid baseline", errors);
            }
        }

        // Files.
        var loader = new TemplateLoader(new LintOptions(), LintEngine.FrontEnds);
        var discovery = new FileDiscovery(loader.CanRead, configuration, GitWorkTree.TrackedFiles(analysisRoot));
        var inputs = settings.Paths.Count > 0 ? settings.Paths : new[] { "." };
        foreach (var input in inputs)
        {
            discovery.Add(input);
        }

        if (!settings.Quiet)
        {
            foreach (var notice in discovery.Notices)
            {
                console.Error.WriteLine("cmklint: " + notice);
            }
        }

        if (discovery.Errors.Count > 0)
        {
            foreach (var error in discovery.Errors)
            {
                console.Error.WriteLine("cmklint: " + error);
            }

            return CmkLintCommand.ExitUsageOrInternal;
        }

        // Inconclusive checks are always kept by the engine and counted here (UndecidedChecks).
        var options = new LintOptions { IncludeInconclusive = true };
        // The Bicep module cache (~/.bicep) is outside the repository but written by `bicep restore`, not by the pull
        // request: it is the one extra folder the engine may read, with those the command line names (--bicep-cache).
        // A cacheRootDirectory that bicepconfig.json (pull-request content) points elsewhere is refused like any path.
        var cacheRoots = new List<string>();
        if (options.BicepHomeDirectory is string home)
        {
            cacheRoots.Add(Path.Combine(home, ".bicep"));
        }

        foreach (string cache in settings.BicepCaches)
        {
            cacheRoots.Add(Path.GetFullPath(Path.Combine(cwd, cache)));
        }

        options.FileSystem = new ConfinedFileSystem(analysisRoot, cacheRoots.ToArray()) { MaxFileBytes = options.MaxFileBytes };
        if (configuration is not null)
        {
            foreach (var pair in configuration.Levels)
            {
                options.Levels[pair.Key] = pair.Value;
            }

            options.Budgets = configuration.Budgets;

            foreach (var file in discovery.Files)
            {
                if (configuration.ParameterFileFor(file) is string parameters)
                {
                    options.ParameterFiles[file] = parameters;
                }
            }
        }

        selection.Apply(options.Levels);
        if (settings.Parameters is not null)
        {
            if (discovery.ExplicitFiles.Count != 1 || settings.Paths.Count != 1)
            {
                return Usage(console, "--parameters applies to exactly one template file given on the command line (for several, map them under 'parameters' in cmklint.json)");
            }

            if (!File.Exists(settings.Parameters))
            {
                return Usage(console, $"parameters file not found: {settings.Parameters}");
            }

            options.ParameterFiles[discovery.ExplicitFiles[0]] = Path.GetFullPath(settings.Parameters);
        }

        // Previous states: a revision or export that cannot be read is a usage error, not a silent pass.
        if (settings.Previous is not null)
        {
            options.Previous.Add(PreviousStateSource.GitRevision(settings.Previous, analysisRoot));
        }

        if (settings.Deployed is not null)
        {
            options.Previous.Add(PreviousStateSource.DeployedExport(settings.Deployed));
        }

        foreach (var source in options.Previous)
        {
            if (source.Open() is string comparisonError)
            {
                return Usage(console, comparisonError);
            }
        }

        IReadOnlyList<string> files = discovery.Files;
        if (settings.ChangedSince is not null)
        {
            var changed = Dependencies.ChangedEntryPoints.Select(settings.ChangedSince, analysisRoot, discovery.Files, options, out var changedError);
            if (changed is null)
            {
                return Usage(console, changedError ?? "--changed-since: git cannot say what changed");
            }

            files = changed.Files;
            if (settings.Verbose)
            {
                console.Error.WriteLine($"cmklint: --changed-since {settings.ChangedSince}: {changed.ChangedFiles} changed file(s); {files.Count} of {discovery.Files.Count} entry points reach them");
            }
        }

        // Analysis (the engine reads, parses and analyses on all cores).
        LintResult result;
        using (new ProgressIndicator(console.RawError, console.ErrorIsTerminal && !settings.Quiet, files.Count))
        {
            result = new LintEngine(options).Analyze(files);
        }

        int undecided;
        (result, undecided) = Commands.UndecidedChecks.Split(result, settings.IncludeInconclusive);
        string root = SourceRoot(cwd);
        if (settings.NoInlineSuppressions)
        {
            InlineSuppressions.Ignore(result.Findings);
        }

        configuration?.ApplySuppressions(result.Findings);
        if (baseline is not null)
        {
            int stale = baseline.Apply(result.Findings, root);
            if (stale > 0 && settings.Verbose)
            {
                console.Error.WriteLine($"cmklint: {stale} baseline entr{(stale == 1 ? "y matches" : "ies match")} no finding any more (fixed?); rewrite the baseline with --write-baseline to drop them");
            }
        }

        if (settings.Fix)
        {
            int? fixedCount = Commands.FixStep.Run(result.Findings, settings.Diff, settings.Quiet, console);
            if (fixedCount is null || settings.Diff)
            {
                return fixedCount is null ? CmkLintCommand.ExitUsageOrInternal : fixedCount > 0 ? CmkLintCommand.ExitFindings : CmkLintCommand.ExitClean;
            }

            if (fixedCount > 0)
            {
                // The re-lint: what is left after the fixes is what the report shows.
                (result, undecided) = Commands.UndecidedChecks.Split(new LintEngine(options).Analyze(files), settings.IncludeInconclusive);
                configuration?.ApplySuppressions(result.Findings);
                baseline?.Apply(result.Findings, root);
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

        var run = new ReportRun(result.Findings, result.FilesAnalyzed, clock.Elapsed, new ToolInfo("cmklint", CmkLintCommand.Version, InformationUri), root, configuration?.FindingLimits);
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

    /// <summary>The repository root (the nearest folder with <c>.git</c>), else the current folder: SARIF URIs and fingerprints are relative to it.</summary>
    public static string SourceRoot(string cwd)
    {
        var folder = new DirectoryInfo(cwd);
        while (folder is not null)
        {
            string git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder.FullName;
            }

            folder = folder.Parent;
        }

        return cwd;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine("cmklint: " + message);
        return CmkLintCommand.ExitUsageOrInternal;
    }

    private static int ConfigurationErrors(CliConsole console, string what, List<ConfigurationError> errors)
    {
        foreach (var error in errors)
        {
            console.Error.WriteLine(error.ToString());
        }

        console.Error.WriteLine($"cmklint: {what} ({errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}); nothing was linted");
        return CmkLintCommand.ExitUsageOrInternal;
    }
}
