using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Linq;
using System.Reflection;
using CmkLint.Diagnostics;

namespace CmkLint.Cli;

/// <summary>The <c>cmklint</c> command line: its options, help, and the exit codes 0 (clean), 1 (findings at or above the fail level), 2 (usage or internal error).</summary>
internal static class CmkLintCommand
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUsageOrInternal = 2;

    private const string Examples = @"Examples:
  cmklint                                   lint the current folder (recursively)
  cmklint infra/main.json                   lint one template
  cmklint infra/main.json --parameters infra/main.prod.parameters.json
  cmklint 'infra/**/*.bicep' templates/     globs (quote them) and folders
  cmklint --format sarif --output cmklint.sarif
                                            SARIF for GitHub code scanning
  cmklint --fail-level warning              also fail on warnings
  cmklint --write-baseline cmklint.baseline.json
                                            accept today's findings; then lint with
  cmklint --baseline cmklint.baseline.json  to fail only on new ones

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage or internal error.
Configuration: cmklint.json in the current folder or a parent (see docs/cli.md).";

    /// <summary>Runs the command with these arguments; never throws.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var options = new CommandOptions();
        var root = options.Build();
        Commands.Subcommands.AddTo(root, console);
        root.SetAction(result => LintRun.Execute(options.Read(result), console));
        if (Commands.OptionChecks.UnknownOption(root, args) is string unknown)
        {
            console.Error.WriteLine("cmklint: " + unknown + " (run 'cmklint --help' for the options)");
            return ExitUsageOrInternal;
        }

        ParseResult parse;
        try
        {
            // No response files: an argument '@x.json' (a file name a pull request can choose) is a path, never more options.
            parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        }
        catch (Exception e)
        {
            console.Error.WriteLine("cmklint: " + e.Message);
            return ExitUsageOrInternal;
        }

        if (parse.Errors.Count > 0 && parse.Action is not HelpAction && parse.Action is not ExamplesHelpAction)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine("cmklint: " + error.Message);
            }

            console.Error.WriteLine("Run 'cmklint --help' for usage.");
            return ExitUsageOrInternal;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // A bug: one line, the trace only when asked for.
            bool verbose = args.Contains("--verbose") || args.Contains("-v");
            console.Error.WriteLine($"cmklint: internal error: {e.GetType().Name}: {e.Message}{(verbose ? string.Empty : " (run with --verbose for details)")}");
            if (verbose)
            {
                console.Error.WriteLine(e.ToString());
            }

            return ExitUsageOrInternal;
        }
    }

    /// <summary>The usage errors of these arguments, without running anything (the docs test checks every command line shown).</summary>
    internal static IReadOnlyList<string> UsageErrors(string[] args)
    {
        var root = new CommandOptions().Build();
        Commands.Subcommands.AddTo(root, new CliConsole(System.IO.TextWriter.Null, System.IO.TextWriter.Null));
        root.SetAction(_ => ExitClean);
        if (Commands.OptionChecks.UnknownOption(root, args) is string unknown)
        {
            return new[] { unknown };
        }

        return root.Parse(args).Errors.Select(e => e.Message).ToList();
    }

    /// <summary>The tool's version, without build metadata.</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(CmkLintCommand).Assembly;
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version.Substring(0, plus);
        }
    }

    private sealed class CommandOptions
    {
        private readonly Argument<string[]> paths = new("paths")
        {
            HelpName = "PATH|GLOB",
            Description = "Files, folders (recursive; .gitignore, bin/, obj/, node_modules/ and .git/ are skipped) or quoted glob patterns. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        private readonly Option<string> format = new("--format", "-f")
        {
            Description = "Output format: text (default), json (docs/json-output.md), sarif (SARIF 2.1.0 for GitHub code scanning) or github (workflow-command annotations).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|sarif|github",
        };

        private readonly Option<string?> output = new("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };

        private readonly Option<string?> parameters = new("--parameters", "-p") { Description = "A parameters file (.json or .bicepparam) for the single template given.", HelpName = "FILE" };

        private readonly Option<string?> config = new("--config", "-c") { Description = "Configuration file (default: the nearest cmklint.json above the paths, else above the current folder).", HelpName = "FILE" };

        private readonly Option<string> failLevel = new("--fail-level")
        {
            Description = "Exit with 1 when a finding is at or above this level (none: never).",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|note|none",
        };

        private readonly Option<bool> includeInconclusive = new("--include-inconclusive") { Description = "Also report checks that could not be decided (a value known only at deployment); they never fail the run." };

        private readonly Option<string?> baseline = new("--baseline") { Description = "Accept the findings listed in this baseline file (they are reported as suppressed).", HelpName = "FILE" };

        private readonly Option<string?> writeBaseline = new("--write-baseline") { Description = "Write every current finding to this baseline file (and accept them for this run).", HelpName = "FILE" };

        private readonly Option<string?> previous = new("--previous") { Description = "Compare with the same templates at this git revision (origin/main, a tag, HEAD~1): CMK007, CMK008, CMK016.", HelpName = "REF" };

        private readonly Option<string?> changedSince = new("--changed-since") { Description = "Analyse only the files changed since this git revision's merge base with HEAD (origin/main) and the entry points that reach them through modules, imports, parameters files and load*() paths.", HelpName = "REF" };

        private readonly Option<string?> deployed = new("--deployed") { Description = "Compare with the deployed resources exported to FILE (az acr show, az resource show/list, az group export): CMK007, CMK008, CMK016.", HelpName = "FILE" };

        private readonly Option<bool> fix = new("--fix") { Description = "Apply the certain fixes (CMK001, CMK003, CMK005, CMK006, CMK013, CMK014) to Bicep and ARM JSON files, list them, then lint again." };

        private readonly Option<bool> diff = new("--diff") { Description = "With --fix: print the fixes as a unified diff and write nothing (exit 1 when there is something to fix)." };

        private readonly Option<string[]> select = new("--select") { Description = "Run only these rules (IDs or names, comma-separated or repeated).", HelpName = "RULES" };

        private readonly Option<string[]> ignore = new("--ignore") { Description = "Do not run these rules (IDs or names, comma-separated or repeated).", HelpName = "RULES" };

        private readonly Option<bool> statistics = new("--statistics") { Description = "After the report, count the findings of each rule." };

        private readonly Option<bool> showConfig = new("--show-config") { Description = "Print the effective configuration and where each value came from, then exit." };

        private readonly Option<bool> noColor = new("--no-color") { Description = "No colours (colour is only used on a terminal anyway; NO_COLOR is honoured)." };

        private readonly Option<bool> quiet = new("--quiet", "-q") { Description = "Print findings only: no summary, no progress, no notices." };

        private readonly Option<bool> verbose = new("--verbose", "-v") { Description = "Also show suppressed findings, the configuration used, and stack traces of internal errors." };

        // Untrusted pull requests (docs/security.md): what the run may read, and whether the templates may suppress their own findings.
        private readonly Option<string?> analysisRoot = new("--root") { Description = "Read nothing outside this folder (default: the repository root of the paths, else their common folder); modules, using, load*() and parameters files outside it are refused.", HelpName = "FOLDER" };

        private readonly Option<string[]> bicepCache = new("--bicep-cache") { Description = "A Bicep module cache folder outside the analysis root that may be read (the cacheRootDirectory CI's `bicep restore` wrote; ~/.bicep is always allowed).", HelpName = "FOLDER" };

        private readonly Option<bool> noInlineSuppressions = new("--no-inline-suppressions") { Description = "Ignore suppressions written in the templates (#disable-next-line, metadata); only --config and --baseline can accept findings." };

        private readonly Option<bool> reportUnusedSuppressions = new("--report-unused-suppressions") { Description = "Report suppressions that suppress nothing (unused, or naming no CmkLint rule) as errors instead of notes (CMK902), for CI." };

        public RootCommand Build()
        {
            Commands.OptionChecks.Restrict(format, "text", "json", "sarif", "github");
            Commands.OptionChecks.Restrict(failLevel, "error", "warning", "note", "none");
            var root = new RootCommand("cmklint: finds customer-managed-key (CMK) mistakes in Azure Container Registry deployments (ARM JSON, Bicep) before they are deployed.");
            root.Arguments.Add(paths);
            root.Subcommands.Add(LanguageServer.LanguageServerCommand.Create());
            foreach (var option in new Option[] { format, output, parameters, config, failLevel, includeInconclusive, baseline, writeBaseline, previous, changedSince, deployed, fix, diff, select, ignore, statistics, showConfig, noColor, quiet, verbose, analysisRoot, bicepCache, noInlineSuppressions, reportUnusedSuppressions })
            {
                root.Options.Add(option);
            }

            foreach (var option in root.Options)
            {
                if (option is HelpOption help && help.Action is HelpAction standard)
                {
                    help.Action = new ExamplesHelpAction(standard);
                }
                else if (option is VersionOption version)
                {
                    version.Aliases.Add("-V");
                    version.Action = new PrintVersionAction();
                }
            }

            return root;
        }

        public LintSettings Read(ParseResult result) => new()
        {
            Paths = result.GetValue(paths) ?? Array.Empty<string>(),
            Format = result.GetValue(format) ?? "text",
            Output = result.GetValue(output),
            Parameters = result.GetValue(parameters),
            Config = result.GetValue(config),
            FailLevel = ParseFailLevel(result.GetValue(failLevel)),
            IncludeInconclusive = result.GetValue(includeInconclusive),
            Baseline = result.GetValue(baseline),
            WriteBaseline = result.GetValue(writeBaseline),
            Previous = result.GetValue(previous),
            ChangedSince = result.GetValue(changedSince),
            Deployed = result.GetValue(deployed),
            Select = result.GetValue(select),
            Ignore = result.GetValue(ignore),
            Statistics = result.GetValue(statistics),
            ShowConfig = result.GetValue(showConfig),
            Given = new HashSet<string>(result.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>().Where(o => !o.Implicit).Select(o => o.Option.Name)),
            Fix = result.GetValue(fix) || result.GetValue(diff),
            Diff = result.GetValue(diff),
            NoColor = result.GetValue(noColor),
            Quiet = result.GetValue(quiet),
            Verbose = result.GetValue(verbose),
            Root = result.GetValue(analysisRoot),
            NoInlineSuppressions = result.GetValue(noInlineSuppressions),
            ReportUnusedSuppressions = result.GetValue(reportUnusedSuppressions),
            BicepCaches = result.GetValue(bicepCache) ?? System.Array.Empty<string>(),
        };

        private static Level ParseFailLevel(string? text) => text switch
        {
            "warning" => Level.Warning,
            "note" => Level.Note,
            "none" => Level.None,
            _ => Level.Error,
        };
    }

    /// <summary>The standard help, followed by examples and the exit codes.</summary>
    private sealed class ExamplesHelpAction : SynchronousCommandLineAction
    {
        private readonly HelpAction standard;

        public ExamplesHelpAction(HelpAction standard) => this.standard = standard;

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            standard.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(Examples);
            return ExitClean;
        }
    }

    /// <summary><c>--version</c>: the tool's version (the entry assembly may be a test host, so it is not asked).</summary>
    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitClean;
        }
    }
}

/// <summary>The command line's values, as <see cref="LintRun"/> uses them.</summary>
internal sealed class LintSettings
{
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

    public string Format { get; init; } = "text";

    public string? Output { get; init; }

    public string? Parameters { get; init; }

    public string? Config { get; init; }

    public Level FailLevel { get; init; } = Level.Error;

    public bool IncludeInconclusive { get; init; }

    public string? Baseline { get; init; }

    public string? WriteBaseline { get; init; }

    /// <summary><c>--previous REF</c>: a git revision to compare with.</summary>
    public string? Previous { get; init; }

    /// <summary><c>--changed-since REF</c>: analyse only the entry points a change since this revision reaches.</summary>
    public string? ChangedSince { get; init; }

    /// <summary><c>--deployed FILE</c>: an export of the deployed resources to compare with.</summary>
    public string? Deployed { get; init; }

    /// <summary><c>--select</c>: only these rules (IDs or names, comma-separated).</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary><c>--ignore</c>: not these rules.</summary>
    public IReadOnlyList<string>? Ignore { get; init; }

    /// <summary><c>--statistics</c>: counts per rule after the report.</summary>
    public bool Statistics { get; init; }

    /// <summary><c>--show-config</c>: print the effective configuration and exit.</summary>
    public bool ShowConfig { get; init; }

    /// <summary>The options given on the command line (not defaulted), by name: where <c>--show-config</c> says a value came from.</summary>
    public IReadOnlySet<string> Given { get; init; } = new HashSet<string>();

    /// <summary><c>--fix</c>: apply the certain fixes and lint again.</summary>
    public bool Fix { get; init; }

    /// <summary><c>--diff</c>: show the fixes as a unified diff instead of writing them.</summary>
    public bool Diff { get; init; }

    public bool NoColor { get; init; }

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    /// <summary><c>--root FOLDER</c>: the analysis root (null: found from the paths).</summary>
    public string? Root { get; init; }

    /// <summary><c>--no-inline-suppressions</c>: suppressions in the templates do not count.</summary>
    public bool NoInlineSuppressions { get; init; }

    /// <summary><c>--report-unused-suppressions</c>: CMK902 (a suppression that suppresses nothing) is an error.</summary>
    public bool ReportUnusedSuppressions { get; init; }

    /// <summary>Bicep module cache folders outside the analysis root that the engine may read (<c>--bicep-cache</c>).</summary>
    public IReadOnlyList<string> BicepCaches { get; init; } = System.Array.Empty<string>();
}
