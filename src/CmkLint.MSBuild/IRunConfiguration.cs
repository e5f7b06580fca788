using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Engine;

namespace CmkLint.MSBuild;

/// <summary>A <c>cmklint.json</c> applied to a run: options before it, external suppressions after it.</summary>
public interface IRunConfiguration
{
    /// <summary>Reads the file and sets levels and options; problems in the file come back as findings with their location.</summary>
    IReadOnlyList<Finding> Configure(string configPath, LintOptions options);

    /// <summary>Marks findings the configuration suppresses (their <see cref="Finding.Suppression"/>).</summary>
    void ApplySuppressions(IReadOnlyList<Finding> findings);
}

/// <summary>Writes the findings of a run as a SARIF 2.1.0 log.</summary>
public interface ISarifReport
{
    void Write(LintResult result, string sarifPath);
}
