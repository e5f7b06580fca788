using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Evaluation;
using CmkLint.Loading;
using CmkLint.Model;

namespace CmkLint.Workspace;

/// <summary>
/// The engine's entry point for a template the caller lowered itself (the C# analyzer's lowering of
/// infrastructure code): the same rule pass, allowed-value variants, merge (one finding per
/// fingerprint), levels, suppressions and baseline as a template file gets from <see cref="LintEngine"/>.
/// </summary>
public sealed class TemplateAnalysis
{
    private readonly LintOptions options;
    private readonly TemplateAnalysisSettings settings;

    /// <summary>Options for the run (rules, "now", inconclusive checks); the settings' configuration adds its levels and budgets.</summary>
    public TemplateAnalysis(LintOptions? options = null, TemplateAnalysisSettings? settings = null)
    {
        this.settings = settings ?? new TemplateAnalysisSettings();
        this.options = options ?? new LintOptions();
        this.settings.ApplyTo(this.options, Array.Empty<string>());
    }

    /// <summary>
    /// Analyses one lowered template with its defaults (an update of an existing resource, as the C# update
    /// calls lower, is part of the template, so CMK007 decides it like any other declaration).
    /// Returns the findings sorted by path, line and column; suppressed ones are marked, not removed.
    /// </summary>
    public IReadOnlyList<Finding> Analyze(Template template)
    {
        var engine = new LintEngine(options);
        string path = template.File.Path;
        var findings = new List<Finding>();
        using (var clock = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, options.Budgets.FileSeconds))))
        {
            var meter = BudgetMeter.For(options.Budgets, clock.Token);
            try
            {
                engine.RunEntry(path, template, null, null, findings, meter);
                LintEngine.CloseMeter(path, template.File, findings, meter);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                findings.Add(LintEngine.InternalError(path, e));
            }
        }

        findings.AddRange(template.Diagnostics);
        var merged = engine.Finish(findings, ReleasedFile.SuppressionsOf(template));
        settings.Accept(merged);
        return merged;
    }
}
