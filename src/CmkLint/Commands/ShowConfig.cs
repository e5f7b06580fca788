using System.Collections.Generic;
using System.IO;
using CmkLint.Configuration;
using CmkLint.Rules;

namespace CmkLint.Cli.Commands;

/// <summary><c>--show-config</c>: the effective settings of a run and where each value came from (default, cmklint.json, the command line); nothing is linted.</summary>
internal static class ShowConfig
{
    public static void Write(TextWriter writer, LintSettings settings, LintConfiguration? configuration, RuleSelection selection)
    {
        string file = configuration is null ? "none" : EffectiveConfiguration.Shown(configuration);
        string From(string option) => settings.Given.Contains(option) ? "(" + option + ")" : "(default)";
        writer.WriteLine($"configuration: {(configuration is null ? "none (no cmklint.json in this folder or a parent)" : file + (settings.Given.Contains("--config") ? " (--config)" : " (found)"))}");
        writer.WriteLine($"paths: {(settings.Paths.Count == 0 ? ". (default)" : string.Join(" ", settings.Paths) + " (command line)")}");
        writer.WriteLine($"format: {settings.Format} {From("--format")}");
        writer.WriteLine($"output: {settings.Output ?? "standard output"} {From("--output")}");
        writer.WriteLine($"fail-level: {RulesCommand.Name(settings.FailLevel)} {From("--fail-level")}");
        writer.WriteLine($"include-inconclusive: {(settings.IncludeInconclusive ? "true" : "false")} {From("--include-inconclusive")}");
        writer.WriteLine($"baseline: {settings.Baseline ?? "none"} {From("--baseline")}");
        writer.WriteLine($"previous: {settings.Previous ?? "none"} {From("--previous")}");
        writer.WriteLine($"deployed: {settings.Deployed ?? "none"} {From("--deployed")}");
        writer.WriteLine($"parameters: {settings.Parameters ?? "by convention beside each template"} {From("--parameters")}");
        writer.WriteLine("rules:");
        foreach (var rule in RuleCatalog.Descriptors)
        {
            string level = RulesCommand.Name(rule.DefaultLevel);
            string source = "(default)";
            if (selection.Off.Contains(rule.Id))
            {
                level = "none";
                source = settings.Given.Contains("--select") && !(settings.Ignore?.Count > 0 && IsIgnored(rule.Id, settings.Ignore)) ? "(--select)" : "(--ignore)";
            }
            else if (configuration is not null && configuration.Levels.TryGetValue(rule.Id, out var configured))
            {
                level = RulesCommand.Name(configured);
                source = "(" + file + ")";
            }

            writer.WriteLine($"  {rule.Id} {rule.Name,-36} {level,-7} {source}");
        }

        if (configuration is null)
        {
            return;
        }

        Globs(writer, "include", configuration.Include, file);
        Globs(writer, "exclude", configuration.Exclude, file);
        foreach (var pair in configuration.ParameterFiles)
        {
            writer.WriteLine($"parameters: {pair.Key} -> {pair.Value} ({file})");
        }

        foreach (var suppression in configuration.Suppressions)
        {
            writer.WriteLine($"suppress: {suppression.RuleId} in {string.Join(", ", suppression.Paths)}{(suppression.Justification is null ? string.Empty : " — " + suppression.Justification)} ({file})");
        }
    }

    private static bool IsIgnored(string id, IReadOnlyList<string> ignore) =>
        RuleSelection.Parse(null, ignore).Off.Contains(id);

    private static void Globs(TextWriter writer, string key, List<GlobPattern> globs, string file)
    {
        if (globs.Count > 0)
        {
            writer.WriteLine($"{key}: {string.Join(", ", globs)} ({file})");
        }
    }
}
