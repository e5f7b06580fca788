using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmkLint.Analyzers;

/// <summary>
/// <c>dotnet_diagnostic.CMKnnn.severity</c> for diagnostics in template files. The compiler applies
/// <c>.editorconfig</c> severities to C# syntax trees only (dotnet/roslyn#31916) and does not hand
/// those keys to analyzers, so a template file takes the configuration of the C# file nearest to it
/// (sections such as <c>[*]</c> apply to both); global configs apply as the compiler applies them.
/// </summary>
internal sealed class EditorConfigSeverities
{
    private readonly Compilation compilation;
    private readonly SyntaxTree? nearest;
    private readonly CancellationToken cancellationToken;

    private EditorConfigSeverities(Compilation compilation, SyntaxTree? nearest, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.nearest = nearest;
        this.cancellationToken = cancellationToken;
    }

    public static EditorConfigSeverities For(Compilation compilation, string templatePath, CancellationToken cancellationToken)
    {
        SyntaxTree? best = null;
        int bestLength = -1;
        foreach (var tree in compilation.SyntaxTrees)
        {
            int common = CommonFolderLength(tree.FilePath, templatePath);
            if (common > bestLength)
            {
                best = tree;
                bestLength = common;
            }
        }

        return new EditorConfigSeverities(compilation, best, cancellationToken);
    }

    /// <summary>Whether the rule is set to <c>none</c>.</summary>
    public bool IsSilenced(string ruleId) => Read(ruleId) == ReportDiagnostic.Suppress;

    /// <summary>The configured severity, or null to keep the finding's own.</summary>
    public DiagnosticSeverity? Override(string ruleId) => Read(ruleId) switch
    {
        ReportDiagnostic.Error => DiagnosticSeverity.Error,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
        _ => null,
    };

    private ReportDiagnostic Read(string ruleId)
    {
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is null)
        {
            return ReportDiagnostic.Default;
        }

        if (nearest is not null && provider.TryGetDiagnosticValue(nearest, ruleId, cancellationToken, out var severity))
        {
            return severity;
        }

        return provider.TryGetGlobalDiagnosticValue(ruleId, cancellationToken, out var global) ? global : ReportDiagnostic.Default;
    }

    /// <summary>How many characters of folder path two file paths share (whole folder names only).</summary>
    private static int CommonFolderLength(string a, string b)
    {
        int length = 0;
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i];
            char y = b[i];
            if (x != y && !((x == '/' || x == '\\') && (y == '/' || y == '\\')))
            {
                break;
            }

            if (x == '/' || x == '\\')
            {
                length = i + 1;
            }
        }

        return length;
    }
}
