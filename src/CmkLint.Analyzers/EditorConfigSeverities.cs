using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmkLint.Analyzers;

/// <summary>
/// <c>dotnet_diagnostic.CMKnnn.severity</c> from the <c>.editorconfig</c> sections that match a template
/// file. The compiler applies editorconfig severities to C# syntax trees only, so diagnostics in
/// additional files honour them here.
/// </summary>
internal readonly struct EditorConfigSeverities
{
    private readonly AnalyzerConfigOptions? options;

    private EditorConfigSeverities(AnalyzerConfigOptions? options) => this.options = options;

    public static EditorConfigSeverities For(AnalyzerOptions analyzerOptions, AdditionalText file) =>
        new(analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(file));

    /// <summary>Whether the rule is set to <c>none</c> for this file.</summary>
    public bool IsSilenced(string ruleId) => Read(ruleId) is string value && string.Equals(value, "none", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured severity, or null to keep the finding's own.</summary>
    public DiagnosticSeverity? Override(string ruleId) => Read(ruleId)?.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "suggestion" => DiagnosticSeverity.Info,
        "silent" => DiagnosticSeverity.Hidden,
        _ => null,
    };

    private string? Read(string ruleId)
    {
        if (options is null)
        {
            return null;
        }

        return options.TryGetValue("dotnet_diagnostic." + ruleId + ".severity", out var value) ? value.Trim() : null;
    }
}
