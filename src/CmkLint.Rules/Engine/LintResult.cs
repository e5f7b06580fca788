using System.Collections.Generic;
using CmkLint.Diagnostics;

namespace CmkLint.Engine;

/// <summary>The findings of a run, sorted by path, line and column.</summary>
public sealed class LintResult
{
    public LintResult(IReadOnlyList<Finding> findings, int filesAnalyzed, IReadOnlyList<string>? comparisonErrors = null)
    {
        Findings = findings;
        FilesAnalyzed = filesAnalyzed;
        ComparisonErrors = comparisonErrors ?? System.Array.Empty<string>();
    }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Templates and Bicep files analysed (JSON files that are not templates are not counted).</summary>
    public int FilesAnalyzed { get; }

    /// <summary>Evaluation steps (function and lambda calls, loop iterations) spent on each file analysed, by path: what the step budget counts.</summary>
    public IReadOnlyDictionary<string, long> EvaluationSteps { get; init; } = new Dictionary<string, long>();

    /// <summary>Previous states that could not be read (a missing git revision, not a repository, a bad export): a usage error (CLI exit 2).</summary>
    public IReadOnlyList<string> ComparisonErrors { get; }
}
