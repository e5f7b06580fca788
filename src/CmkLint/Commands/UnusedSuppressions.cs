using System.Collections.Generic;
using CmkLint.Configuration;
using CmkLint.Engine;

namespace CmkLint.Cli.Commands;

/// <summary>
/// CMK902 for <c>cmklint.json</c> <c>suppress</c> entries and baseline entries that matched no finding
/// (the engine reports the suppressions written in templates itself).
/// </summary>
internal static class UnusedSuppressions
{
    /// <summary>The result with the notes added; <paramref name="everything"/> is what the engine found before inconclusive checks were taken out (a suppression of an undecided check is in use).</summary>
    public static LintResult Add(LintResult result, LintOptions options, LintConfiguration? configuration, Baseline? baseline, IReadOnlyList<Diagnostics.Finding> everything, IReadOnlyCollection<string> analysedFiles, string root)
    {
        var audit = new SuppressionAudit(options.Levels, options.Previous.Count > 0);
        var notes = audit.UnusedConfigured(configuration, baseline, everything, analysedFiles, root);
        if (notes.Count == 0)
        {
            return result;
        }

        var findings = new List<Diagnostics.Finding>(result.Findings);
        findings.AddRange(notes);
        findings.Sort(LintEngine.CompareFindings);
        return new LintResult(findings, result.FilesAnalyzed, result.ComparisonErrors) { EvaluationSteps = result.EvaluationSteps };
    }
}
