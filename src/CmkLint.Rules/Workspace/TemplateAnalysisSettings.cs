using System.Collections.Generic;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;

namespace CmkLint.Workspace;

/// <summary>
/// What a channel applies around the engine: the <c>cmklint.json</c> that governs the analysed files
/// (levels, budgets, parameters files, include/exclude, configured suppressions), the baseline, and the
/// folder the baseline's paths are relative to.
/// </summary>
public sealed class TemplateAnalysisSettings
{
    /// <summary>The configuration, or null for the defaults.</summary>
    public LintConfiguration? Configuration { get; set; }

    /// <summary>Accepted findings, or null for none.</summary>
    public Baseline? Baseline { get; set; }

    /// <summary>The folder the baseline's fingerprints are relative to; null: the configuration's folder.</summary>
    public string? SourceRoot { get; set; }

    /// <summary>The root the baseline is matched against: <see cref="SourceRoot"/>, else the configuration's folder.</summary>
    public string? EffectiveSourceRoot => SourceRoot ?? Configuration?.Directory;

    /// <summary>Whether the configuration's include/exclude globs let a file be an entry point.</summary>
    public bool Selects(string fullPath)
    {
        var configuration = Configuration;
        if (configuration is null)
        {
            return true;
        }

        return (configuration.Include.Count == 0 || configuration.Matches(configuration.Include, fullPath)) && !configuration.Matches(configuration.Exclude, fullPath);
    }

    /// <summary>Copies the configuration's levels and budgets into <paramref name="options"/>, and the parameters files of <paramref name="templatePaths"/>.</summary>
    public void ApplyTo(LintOptions options, IEnumerable<string> templatePaths)
    {
        var configuration = Configuration;
        if (configuration is null)
        {
            return;
        }

        foreach (var pair in configuration.Levels)
        {
            options.Levels[pair.Key] = pair.Value;
        }

        options.Budgets = configuration.Budgets;
        foreach (var path in templatePaths)
        {
            if (configuration.ParameterFileFor(path) is string parameters)
            {
                options.ParameterFiles[TemplateLoader.Normalize(path)] = parameters;
            }
        }
    }

    /// <summary>Marks the findings the configuration's <c>suppress</c> entries or the baseline accept as suppressed (<c>external</c>).</summary>
    public void Accept(IReadOnlyList<Finding> findings)
    {
        Configuration?.ApplySuppressions(findings);
        if (Baseline is not null && EffectiveSourceRoot is string root)
        {
            Baseline.Apply(findings, root);
        }
    }
}
