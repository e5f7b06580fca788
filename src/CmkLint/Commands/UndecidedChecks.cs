using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Engine;

namespace CmkLint.Cli.Commands;

/// <summary>
/// The engine always keeps inconclusive checks for the CLI; without <c>--include-inconclusive</c> they are
/// taken out of the report and only counted, so the summary can say that checks were undecided.
/// </summary>
internal static class UndecidedChecks
{
    /// <summary>The result without inconclusive findings (unless <paramref name="include"/>), and how many were taken out.</summary>
    public static (LintResult Result, int Undecided) Split(LintResult result, bool include)
    {
        if (include)
        {
            return (result, 0);
        }

        var kept = new List<Finding>(result.Findings.Count);
        int undecided = 0;
        foreach (var finding in result.Findings)
        {
            if (finding.Kind == FindingKind.Inconclusive)
            {
                undecided++;
            }
            else
            {
                kept.Add(finding);
            }
        }

        return (new LintResult(kept, result.FilesAnalyzed, result.ComparisonErrors), undecided);
    }
}
