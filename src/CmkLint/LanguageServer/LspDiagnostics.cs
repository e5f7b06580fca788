using System;
using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Text;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary>How findings become LSP <c>Diagnostic</c>s: ranges, severities, codes, links, the chain and tags.</summary>
internal static class LspDiagnostics
{
    public const string Source = "cmklint";

    private const int SeverityError = 1;
    private const int SeverityWarning = 2;
    private const int SeverityInformation = 3;
    private const int TagUnnecessary = 1;
    private const int TagDeprecated = 2;

    /// <summary>
    /// The LSP diagnostic of a finding. Findings at or above the fail level show as errors (they would fail the
    /// CLI run); below it, a finding keeps its level but is never shown as an error; inconclusive checks are information.
    /// </summary>
    public static JObject ToDiagnostic(Finding finding, Level failLevel)
    {
        var diagnostic = new JObject
        {
            ["range"] = Range(finding.Span),
            ["severity"] = Severity(finding, failLevel),
            ["code"] = finding.RuleId,
            ["codeDescription"] = new JObject { ["href"] = finding.Rule.HelpUri },
            ["source"] = Source,
            ["message"] = finding.Kind == FindingKind.Inconclusive ? "Undecided: " + finding.Message : finding.Message,
            ["data"] = new JObject { ["fingerprint"] = finding.Fingerprint },
        };

        var related = new JArray();
        foreach (var location in finding.Related)
        {
            if (location.Span.IsNone)
            {
                continue;
            }

            related.Add(new JObject
            {
                ["location"] = new JObject { ["uri"] = DocumentUri.FromPath(FullPath(location.Span.File!.Path)), ["range"] = Range(location.Span) },
                ["message"] = location.Message,
            });
        }

        if (related.Count > 0)
        {
            diagnostic["relatedInformation"] = related;
        }

        var tags = Tags(finding);
        if (tags.Count > 0)
        {
            diagnostic["tags"] = tags;
        }

        return diagnostic;
    }

    /// <summary>An LSP range: 0-based lines and UTF-16 characters (the engine's columns already count UTF-16 code units).</summary>
    public static JObject Range(SourceSpan span)
    {
        var start = span.StartPosition;
        var end = span.EndPosition;
        return new JObject
        {
            ["start"] = Position(start),
            ["end"] = Position(end),
        };
    }

    /// <summary>Findings carry display paths (relative to the server's folder); the client needs full ones.</summary>
    public static string FullPath(string displayPath) => Path.GetFullPath(displayPath);

    private static JObject Position(LinePosition position) => new() { ["line"] = position.Line - 1, ["character"] = position.Column - 1 };

    private static int Severity(Finding finding, Level failLevel)
    {
        if (finding.Kind == FindingKind.Inconclusive)
        {
            return SeverityInformation;
        }

        if (failLevel != Level.None && finding.Level >= failLevel)
        {
            return SeverityError;
        }

        return finding.Level switch
        {
            Level.Error or Level.Warning => SeverityWarning,
            _ => SeverityInformation,
        };
    }

    /// <summary>
    /// CMK014 points at an API version too old for encryption (deprecated); CMK004's access policy on an RBAC vault
    /// is ignored by Key Vault, so it is dead configuration (unnecessary).
    /// </summary>
    private static JArray Tags(Finding finding)
    {
        var tags = new JArray();
        if (finding.Kind != FindingKind.Violation)
        {
            return tags;
        }

        if (finding.RuleId == "CMK014")
        {
            tags.Add(TagDeprecated);
        }
        else if (finding.RuleId == "CMK004" && finding.Message.IndexOf("is ignored", StringComparison.Ordinal) >= 0)
        {
            tags.Add(TagUnnecessary);
        }

        return tags;
    }
}
