using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.Rules;
using CmkLint.Text;

namespace CmkLint.Configuration;

/// <summary>
/// Reads <c>cmklint.json</c> strictly: an unknown key, rule or level, a wrong type or a missing
/// parameters file is an error with its line and column, never silently ignored (a typo in a CI
/// configuration would otherwise turn a check off without anyone noticing).
/// </summary>
public static partial class ConfigurationReader
{
    private static readonly string[] TopLevelKeys = { "$schema", "rules", "include", "exclude", "parameters", "suppress", "limits", "budgets" };

    /// <summary>The nearest <c>cmklint.json</c> in <paramref name="startFolder"/> or a parent folder, or null.</summary>
    public static string? Find(string startFolder)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(startFolder));
        while (folder is not null)
        {
            string candidate = Path.Combine(folder.FullName, LintConfiguration.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            folder = folder.Parent;
        }

        return null;
    }

    /// <summary>Reads the file at <paramref name="path"/>; on any error returns null and the errors.</summary>
    public static LintConfiguration? Read(string path, IFileSystem fileSystem, List<ConfigurationError> errors)
    {
        string full = Path.GetFullPath(path);
        var bytes = fileSystem.ReadAllBytes(full, out var readError);
        if (bytes is null)
        {
            errors.Add(new ConfigurationError(path, 1, 1, readError ?? "cannot read the configuration file"));
            return null;
        }

        var text = SourceDecoder.Decode(bytes, out var decodeError, out var at);
        if (text is null)
        {
            errors.Add(new ConfigurationError(path, at.Line, at.Column, decodeError ?? "the configuration file cannot be decoded"));
            return null;
        }

        return Parse(new SourceFile(path, text), full, fileSystem, errors);
    }

    /// <summary>Reads configuration text; <paramref name="fullPath"/> anchors its relative paths.</summary>
    public static LintConfiguration? Parse(SourceFile file, string fullPath, IFileSystem fileSystem, List<ConfigurationError> errors)
    {
        int before = errors.Count;
        var root = JsonParser.Parse(file, out var syntaxError);
        if (syntaxError is not null)
        {
            Add(errors, syntaxError.Span, syntaxError.Message);
            return null;
        }

        if (root is not JsonObject obj)
        {
            Add(errors, root!.Span, "the configuration must be a JSON object");
            return null;
        }

        var config = new LintConfiguration(fullPath);
        foreach (var property in obj.Properties)
        {
            switch (property.Name)
            {
                case "$schema":
                    break;
                case "rules":
                    ReadRules(property.Value, config, errors);
                    break;
                case "include":
                    ReadGlobs(property.Value, config.Include, "include", errors);
                    break;
                case "exclude":
                    ReadGlobs(property.Value, config.Exclude, "exclude", errors);
                    break;
                case "parameters":
                    ReadParameters(property.Value, config, fileSystem, errors);
                    break;
                case "suppress":
                    ReadSuppressions(property.Value, config, errors);
                    break;
                case "limits":
                    ReadLimits(property.Value, config, errors);
                    break;
                case "budgets":
                    ReadBudgets(property.Value, config, errors);
                    break;
                default:
                    Add(errors, property.NameSpan, $"unknown setting '{property.Name}'; expected one of: {string.Join(", ", TopLevelKeys)}");
                    break;
            }
        }

        return errors.Count == before ? config : null;
    }

    /// <summary>A level name as written in configuration (<c>off</c> and <c>none</c> turn a rule off), or null.</summary>
    public static Level? ParseLevel(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case "error": return Level.Error;
            case "warning": return Level.Warning;
            case "note": return Level.Note;
            case "off":
            case "none": return Level.None;
            default: return null;
        }
    }

    private static void ReadRules(JsonNode node, LintConfiguration config, List<ConfigurationError> errors)
    {
        if (node is not JsonObject rules)
        {
            Add(errors, node.Span, "'rules' must be an object mapping rule IDs or names to a level, e.g. { \"CMK010\": \"error\" }");
            return;
        }

        foreach (var rule in rules.Properties)
        {
            var descriptor = RuleCatalog.Find(rule.Name);
            if (descriptor is null)
            {
                Add(errors, rule.NameSpan, $"unknown rule '{rule.Name}'{NameSuggestions.DidYouMean(rule.Name, RuleCatalog.IdsAndNames)}; write a rule ID (CMK001) or name (cmk-requires-premium) from the rule catalogue");
                continue;
            }

            if (rule.Value is not JsonString levelText || ParseLevel(levelText.Value) is not Level level)
            {
                Add(errors, rule.Value.Span, $"invalid level for '{rule.Name}'; expected \"error\", \"warning\", \"note\" or \"off\"");
                continue;
            }

            config.Levels[descriptor.Id] = level;
        }
    }

    private static void ReadGlobs(JsonNode node, List<GlobPattern> into, string setting, List<ConfigurationError> errors)
    {
        var list = StringList(node, setting, errors);
        foreach (var item in list)
        {
            if (Glob(item, errors) is { } glob)
            {
                into.Add(glob);
            }
        }
    }

    /// <summary>A pattern from the file, or null after an error at the pattern's column (an invalid glob is never silently matching nothing).</summary>
    private static GlobPattern? Glob(JsonString text, List<ConfigurationError> errors) => Glob(text.Value, text.Span, 1, errors);

    private static GlobPattern? Glob(string pattern, SourceSpan span, int quote, List<ConfigurationError> errors)
    {
        var glob = new GlobPattern(pattern);
        if (glob.Error is null)
        {
            return glob;
        }

        var at = span.StartPosition;
        errors.Add(new ConfigurationError(span.File?.Path ?? string.Empty, at.Line, at.Column + quote + glob.Error.Offset, $"invalid path pattern '{pattern}': {glob.Error.Message}"));
        return null;
    }

    private static List<JsonString> StringList(JsonNode node, string setting, List<ConfigurationError> errors)
    {
        var list = new List<JsonString>();
        if (node is JsonString single)
        {
            list.Add(single);
            return list;
        }

        if (node is not JsonArray array)
        {
            Add(errors, node.Span, $"'{setting}' must be an array of path patterns, e.g. [\"infra/**/*.bicep\"]");
            return list;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonString s && s.Value.Length > 0)
            {
                list.Add(s);
            }
            else
            {
                Add(errors, item.Span, $"each entry of '{setting}' must be a non-empty path pattern string");
            }
        }

        return list;
    }

    private static void ReadParameters(JsonNode node, LintConfiguration config, IFileSystem fileSystem, List<ConfigurationError> errors)
    {
        if (node is not JsonObject map)
        {
            Add(errors, node.Span, "'parameters' must be an object mapping a template path or glob to its parameters file, e.g. { \"infra/main.json\": \"infra/main.prod.parameters.json\" }");
            return;
        }

        foreach (var entry in map.Properties)
        {
            if (entry.Value is not JsonString file || file.Value.Length == 0)
            {
                Add(errors, entry.Value.Span, $"the parameters file for '{entry.Name}' must be a path string");
                continue;
            }

            string full = Path.GetFullPath(Path.Combine(config.Directory, file.Value));
            if (!fileSystem.FileExists(full))
            {
                Add(errors, entry.Value.Span, $"parameters file '{file.Value}' does not exist (paths are relative to {LintConfiguration.FileName}'s folder)");
                continue;
            }

            if (Glob(entry.Name, entry.NameSpan, 1, errors) is { } templates)
            {
                config.ParameterFiles.Add(new KeyValuePair<GlobPattern, string>(templates, full));
            }
        }
    }

    /// <summary><c>"budgets": { "steps": 2000000 }</c>: each a positive whole number overriding a default of <see cref="Loading.AnalysisBudgets"/>.</summary>
    private static void ReadBudgets(JsonNode node, LintConfiguration config, List<ConfigurationError> errors)
    {
        string names = string.Join(", ", Loading.AnalysisBudgets.Names);
        if (node is not JsonObject budgets)
        {
            Add(errors, node.Span, $"'budgets' must be an object mapping a budget to a positive whole number, e.g. {{ \"steps\": 2000000 }}; budgets: {names}");
            return;
        }

        foreach (var budget in budgets.Properties)
        {
            if (Array.IndexOf(Loading.AnalysisBudgets.Names, budget.Name) < 0)
            {
                Add(errors, budget.NameSpan, $"unknown budget '{budget.Name}'; expected one of: {names}");
                continue;
            }

            bool wide = budget.Name is "steps" or "valueBytes";
            if (budget.Value is not JsonNumber { Value: long value } || value < 1 || (!wide && value > int.MaxValue))
            {
                Add(errors, budget.Value.Span, $"the budget '{budget.Name}' must be a whole number from 1 to {(wide ? long.MaxValue : int.MaxValue)}");
                continue;
            }

            config.Budgets.TrySet(budget.Name, value);
        }
    }

    private static void ReadSuppressions(JsonNode node, LintConfiguration config, List<ConfigurationError> errors)
    {
        if (node is not JsonArray array)
        {
            Add(errors, node.Span, "'suppress' must be an array of { \"rule\": \"CMK001\", \"paths\": [\"legacy/**\"], \"justification\": \"...\" }");
            return;
        }

        foreach (var item in array.Items)
        {
            if (item is not JsonObject entry)
            {
                Add(errors, item.Span, "each 'suppress' entry must be an object with 'rule', and optionally 'paths' and 'justification'");
                continue;
            }

            string? ruleId = null;
            var ruleSpan = entry.Span;
            string? justification = null;
            var paths = new List<GlobPattern>();
            bool ok = true;
            foreach (var p in entry.Properties)
            {
                switch (p.Name)
                {
                    case "rule" when p.Value is JsonString rule:
                        ruleId = rule.Value == "*" ? "*" : RuleCatalog.Find(rule.Value)?.Id;
                        ruleSpan = rule.Span;
                        if (ruleId is null)
                        {
                            Add(errors, p.Value.Span, $"unknown rule '{rule.Value}'{NameSuggestions.DidYouMean(rule.Value, RuleCatalog.IdsAndNames)}");
                            ok = false;
                        }

                        break;
                    case "paths":
                        int before = errors.Count;
                        foreach (var s in StringList(p.Value, "paths", errors))
                        {
                            if (Glob(s, errors) is { } glob)
                            {
                                paths.Add(glob);
                            }
                        }

                        ok &= errors.Count == before;
                        break;
                    case "justification" when p.Value is JsonString text:
                        justification = text.Value;
                        break;
                    default:
                        Add(errors, p.NameSpan, $"unexpected '{p.Name}' in a 'suppress' entry; expected 'rule' (string), 'paths' (array) and 'justification' (string)");
                        ok = false;
                        break;
                }
            }

            if (ruleId is null && ok)
            {
                Add(errors, entry.Span, "a 'suppress' entry needs a 'rule' (a rule ID, a name, or \"*\")");
                ok = false;
            }

            if (ok && ruleId is not null)
            {
                config.Suppressions.Add(new ConfiguredSuppression(ruleId, paths, justification) { At = ruleSpan });
            }
        }
    }

    private static void Add(List<ConfigurationError> errors, SourceSpan span, string message)
    {
        var at = span.StartPosition;
        errors.Add(new ConfigurationError(span.File?.Path ?? string.Empty, at.Line, at.Column, message));
    }
}
