using System.Collections.Generic;
using CmkLint.Diagnostics;

namespace CmkLint.Workspace;

/// <summary>
/// <c>--no-inline-suppressions</c>: a pull request can add <c>#disable-next-line</c> or suppression
/// metadata next to its own mistake; in CI only the pinned configuration and baseline may accept findings.
/// </summary>
internal static class InlineSuppressions
{
    /// <summary>The kind the engine gives suppressions written in a template (SARIF <c>inSource</c>).</summary>
    private const string InSource = "inSource";

    public static void Ignore(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Suppression?.Kind == InSource)
            {
                finding.Suppression = null;
            }
        }
    }
}
