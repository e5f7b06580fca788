using System.Collections.Generic;
using CmkLint.Diagnostics;

namespace CmkLint.Engine;

/// <summary>The findings of a run, sorted by path, line and column.</summary>
public sealed class LintResult
{
    public LintResult(IReadOnlyList<Finding> findings, int filesAnalyzed)
    {
        Findings = findings;
        FilesAnalyzed = filesAnalyzed;
    }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Templates and Bicep files analysed (JSON files that are not templates are not counted).</summary>
    public int FilesAnalyzed { get; }
}
