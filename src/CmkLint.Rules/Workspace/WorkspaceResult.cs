using System.Collections.Generic;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Text;

namespace CmkLint.Workspace;

/// <summary>The findings of a workspace run, suppressions and the baseline applied, with their paths from the repository root.</summary>
public sealed class WorkspaceResult
{
    private readonly Dictionary<string, string> relativePaths = new(System.StringComparer.Ordinal);

    internal WorkspaceResult(LintResult result, string repositoryRoot, int staleBaselineEntries)
    {
        Lint = result;
        RepositoryRoot = repositoryRoot;
        StaleBaselineEntries = staleBaselineEntries;

        // Resolved now: finding paths are display paths, relative to the process's current folder at the time of the run.
        foreach (var finding in result.Findings)
        {
            if (finding.Path.Length > 0 && !relativePaths.ContainsKey(finding.Path))
            {
                relativePaths[finding.Path] = SourceRootPath.Relative(repositoryRoot, System.IO.Path.GetFullPath(finding.Path));
            }
        }
    }

    /// <summary>The engine's result: findings sorted by path, line and column (file by file), files analysed, steps.</summary>
    public LintResult Lint { get; }

    /// <summary>The findings, suppressed ones included (see <see cref="Finding.IsSuppressed"/>).</summary>
    public IReadOnlyList<Finding> Findings => Lint.Findings;

    /// <summary>The folder <see cref="PathOf"/> is relative to.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Baseline entries that matched no finding (fixed since the baseline was written).</summary>
    public int StaleBaselineEntries { get; }

    /// <summary>The finding's file from the repository root, with forward slashes, whatever the current directory (empty for a run-level finding).</summary>
    public string PathOf(Finding finding) => relativePaths.TryGetValue(finding.Path, out var relative) ? relative : finding.Path;
}
