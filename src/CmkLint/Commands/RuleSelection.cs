using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Rules;

namespace CmkLint.Cli.Commands;

/// <summary><c>--select</c> and <c>--ignore</c>: rule IDs or names, comma-separated or repeated; what they turn off.</summary>
internal sealed class RuleSelection
{
    private RuleSelection(HashSet<string> off, string? error)
    {
        Off = off;
        Error = error;
    }

    /// <summary>The rule IDs the selection turns off.</summary>
    public HashSet<string> Off { get; }

    /// <summary>An unknown rule, with a suggestion; null when every name is a rule.</summary>
    public string? Error { get; }

    /// <summary>
    /// With <paramref name="select"/>, only those rules run; <paramref name="ignore"/> turns rules off.
    /// CMK900 (a file that cannot be read) is never turned off by <c>--select</c>: a broken input is not silent.
    /// </summary>
    public static RuleSelection Parse(IReadOnlyList<string>? select, IReadOnlyList<string>? ignore)
    {
        var off = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var selected = Resolve(select, out string? error);
        var ignored = Resolve(ignore, out string? ignoreError);
        error ??= ignoreError;
        if (selected is not null)
        {
            foreach (var rule in RuleCatalog.Descriptors)
            {
                if (!selected.Contains(rule.Id) && rule != InputDiagnostics.InvalidTemplate)
                {
                    off.Add(rule.Id);
                }
            }
        }

        if (ignored is not null)
        {
            off.UnionWith(ignored);
        }

        return new RuleSelection(off, error);
    }

    /// <summary>Turns the selected-off rules off in <paramref name="levels"/> (after the configuration: the command line wins).</summary>
    public void Apply(IDictionary<string, Level> levels)
    {
        foreach (var id in Off)
        {
            levels[id] = Level.None;
        }
    }

    private static HashSet<string>? Resolve(IReadOnlyList<string>? values, out string? error)
    {
        error = null;
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            foreach (var part in value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string name = part.Trim();
                if (RuleCatalog.Find(name) is { } rule)
                {
                    ids.Add(rule.Id);
                }
                else
                {
                    error ??= $"unknown rule '{name}'{Suggestions.DidYouMean(name, Suggestions.RuleNames)} (run 'cmklint rules' for the list)";
                }
            }
        }

        return ids;
    }
}
