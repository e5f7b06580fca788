using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Fixes;
using CmkLint.Loading;
using CmkLint.Rules;
using Newtonsoft.Json;

namespace CmkLint.Cli.Commands;

/// <summary><c>cmklint rules</c>: every rule, one line each, with its default level and the level the configuration gives it.</summary>
internal static class RulesCommand
{
    public static Command Build(CliConsole console)
    {
        var format = new Option<string>("--format", "-f") { Description = "text (default) or json.", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        OptionChecks.Restrict(format, "text", "json");
        var config = new Option<string?>("--config", "-c") { Description = "Configuration file (default: the nearest cmklint.json above the paths, else above the current folder).", HelpName = "FILE" };
        var paths = new Argument<string[]>("paths") { Description = "Files or folders: the configuration is the nearest cmklint.json above them, as when they are linted (default: the current folder).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("rules", "List the rules: ID, name, default and configured level, whether --fix fixes it, and what it checks.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(config);
        command.SetAction(result => Run(result.GetValue(format) ?? "text", result.GetValue(config), result.GetValue(paths) ?? Array.Empty<string>(), console));
        return command;
    }

    private static int Run(string format, string? configPath, string[] paths, CliConsole console)
    {
        var (configuration, error) = EffectiveConfiguration.Load(configPath, paths);
        if (error is not null)
        {
            console.Error.WriteLine("cmklint: " + error);
            return CmkLintCommand.ExitUsageOrInternal;
        }

        var rows = RuleCatalog.Descriptors.Select(d =>
        {
            bool configured = configuration?.Levels.ContainsKey(d.Id) ?? false;
            var level = configured ? configuration!.Levels[d.Id] : d.DefaultLevel;
            return (Rule: d, Level: level, Source: configured ? EffectiveConfiguration.Shown(configuration!) : "default", Fixable: FixPlanner.FixableRules.Contains(d.Id));
        }).ToList();

        if (format == "json")
        {
            using var json = new JsonTextWriter(console.Out) { Formatting = Formatting.Indented, CloseOutput = false };
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WritePropertyName("id");
                json.WriteValue(row.Rule.Id);
                json.WritePropertyName("name");
                json.WriteValue(row.Rule.Name);
                json.WritePropertyName("defaultLevel");
                json.WriteValue(Name(row.Rule.DefaultLevel));
                json.WritePropertyName("level");
                json.WriteValue(Name(row.Level));
                json.WritePropertyName("levelSource");
                json.WriteValue(row.Source);
                json.WritePropertyName("fixable");
                json.WriteValue(row.Fixable);
                json.WritePropertyName("title");
                json.WriteValue(row.Rule.Title);
                json.WritePropertyName("helpUri");
                json.WriteValue(row.Rule.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.Flush();
            console.Out.WriteLine();
            return CmkLintCommand.ExitClean;
        }

        int nameWidth = rows.Max(r => r.Rule.Name.Length);
        console.Out.WriteLine($"{"ID",-7} {"NAME".PadRight(nameWidth)} {"DEFAULT",-8} {"LEVEL",-8} {"FIX",-3} TITLE");
        foreach (var row in rows)
        {
            string level = Name(row.Level) + (row.Source == "default" ? string.Empty : "*");
            console.Out.WriteLine($"{row.Rule.Id,-7} {row.Rule.Name.PadRight(nameWidth)} {Name(row.Rule.DefaultLevel),-8} {level,-8} {(row.Fixable ? "yes" : "-"),-3} {row.Rule.Title}");
        }

        if (configuration is not null && rows.Any(r => r.Source != "default"))
        {
            console.Out.WriteLine($"* set in {EffectiveConfiguration.Shown(configuration)}");
        }

        return CmkLintCommand.ExitClean;
    }

    /// <summary>The level as users write it in cmklint.json.</summary>
    public static string Name(Level level) => level == Level.None ? "none" : level.ToString().ToLowerInvariant();
}

/// <summary>The configuration file a run uses: <c>--config</c>, else the nearest <c>cmklint.json</c> above the paths.</summary>
internal static class EffectiveConfiguration
{
    /// <summary>The configuration file's path as the user would type it (relative below the current folder).</summary>
    public static string Shown(LintConfiguration configuration) => TemplateLoader.DisplayPath(Path.GetFullPath(configuration.Path));

    /// <summary>The configuration (null when there is none) or a one-line error.</summary>
    public static (LintConfiguration? Configuration, string? Error) Load(string? configPath, System.Collections.Generic.IReadOnlyList<string> paths)
    {
        if (configPath is not null && !File.Exists(configPath))
        {
            return (null, $"configuration file not found: {configPath}");
        }

        configPath ??= Find(paths, Directory.GetCurrentDirectory());
        if (configPath is null)
        {
            return (null, null);
        }

        var errors = new System.Collections.Generic.List<ConfigurationError>();
        var configuration = ConfigurationReader.Read(TemplateLoader.DisplayPath(Path.GetFullPath(configPath)), PhysicalFileSystem.Instance, errors);
        return configuration is null ? (null, string.Join(Environment.NewLine, errors.Select(e => e.ToString())) + Environment.NewLine + "cmklint: invalid configuration") : (configuration, null);
    }

    /// <summary>
    /// The nearest <c>cmklint.json</c> above the folder the paths share (a file counts as its folder; no
    /// paths: the current folder), so <c>cmklint infra/</c> and <c>cmklint rules infra/</c> read
    /// <c>infra/cmklint.json</c> from anywhere.
    /// </summary>
    public static string? Find(System.Collections.Generic.IReadOnlyList<string> paths, string cwd)
    {
        string? common = null;
        foreach (var path in paths)
        {
            string full = Path.GetFullPath(Path.Combine(cwd, path));
            string folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
            common = common is null ? folder : Common(common, folder);
        }

        return ConfigurationReader.Find(common ?? cwd);
    }

    private static string Common(string a, string b)
    {
        while (!IsUnder(b, a))
        {
            string? parent = Path.GetDirectoryName(a);
            if (parent is null)
            {
                return a;
            }

            a = parent;
        }

        return a;
    }

    private static bool IsUnder(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal) || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
