using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Rules;
using CmkLint.Text;
using Newtonsoft.Json;

namespace CmkLint.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning ingests it: one run, every rule with help and
/// <c>security-severity</c>, repository-relative URIs under <c>%SRCROOT%</c>, full regions, the CMK
/// chain as related locations, line-independent <c>partialFingerprints</c>, inconclusive checks as
/// <c>kind: "open"</c> and suppressed findings with <c>suppressions[]</c>.
/// </summary>
public static class SarifReporter
{
    /// <summary>The <c>uriBaseId</c> of every file URI: the source root (repository root).</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The key of the partial fingerprint (versioned: a new scheme gets a new key).</summary>
    public const string FingerprintKey = "cmklintFingerprint/v1";

    public static void Write(TextWriter output, ReportRun run, IReadOnlyList<RuleDescriptor>? rules = null)
    {
        rules ??= RuleCatalog.Descriptors;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var allRules = new List<RuleDescriptor>(rules);
        foreach (var f in run.Findings)
        {
            // A finding from a rule outside the list (a plugin, a test rule) still needs a rule entry.
            if (!allRules.Exists(r => r.Id == f.RuleId))
            {
                allRules.Add(f.Rule);
            }
        }

        for (int i = 0; i < allRules.Count; i++)
        {
            ruleIndex[allRules[i].Id] = i;
        }

        using var w = new WellFormedJsonWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        Str(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        Str(w, "version", "2.1.0");
        w.WritePropertyName("runs");
        w.WriteStartArray();
        w.WriteStartObject();

        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("driver");
        w.WriteStartObject();
        Str(w, "name", run.Tool.Name);
        Str(w, "version", run.Tool.Version);
        Str(w, "semanticVersion", run.Tool.SemanticVersion);
        Str(w, "informationUri", run.Tool.InformationUri);
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var rule in allRules)
        {
            WriteRule(w, rule);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WritePropertyName("originalUriBaseIds");
        w.WriteStartObject();
        w.WritePropertyName(SourceRootId);
        w.WriteStartObject();
        Str(w, "uri", FileUri(run.SourceRoot, directory: true));
        w.WriteEndObject();
        w.WriteEndObject();

        w.WritePropertyName("results");
        w.WriteStartArray();
        foreach (var f in run.Findings)
        {
            WriteResult(w, f, ruleIndex[f.RuleId], run.SourceRoot);
        }

        w.WriteEndArray();
        Str(w, "columnKind", "utf16CodeUnits");
        if (run.Omitted > 0)
        {
            // The run is partial: say how much was left out and why, so nobody reads it as complete.
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WritePropertyName("omittedResults");
            w.WriteValue(run.Omitted);
            w.WritePropertyName("maxResultsPerFile");
            w.WriteValue(run.Limits.MaxFindingsPerFile);
            w.WritePropertyName("maxResultsPerRun");
            w.WriteValue(run.Limits.MaxFindingsPerRun);
            Str(w, "omittedReason", run.OmittedLine!);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    private static void WriteRule(JsonTextWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject();
        Str(w, "id", rule.Id);
        Str(w, "name", rule.Name);
        Message(w, "shortDescription", rule.Title);
        Message(w, "fullDescription", rule.FullDescription);
        Str(w, "helpUri", rule.HelpUri);
        w.WritePropertyName("help");
        w.WriteStartObject();
        Str(w, "text", $"{rule.FullDescription} See {rule.HelpUri}");
        Str(w, "markdown", $"**{rule.Id} {rule.Name}**: {rule.Title}\n\n{rule.FullDescription}\n\nSee [{rule.Id}]({rule.HelpUri}) for failing and fixed examples in ARM JSON, Bicep and C#, and how to suppress it.");
        w.WriteEndObject();
        w.WritePropertyName("defaultConfiguration");
        w.WriteStartObject();
        Str(w, "level", SarifLevel(rule.DefaultLevel));
        w.WriteEndObject();
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WritePropertyName("tags");
        w.WriteStartArray();
        foreach (var tag in rule.Tags)
        {
            w.WriteValue(tag);
        }

        w.WriteEndArray();
        Str(w, "security-severity", rule.SecuritySeverity);
        Str(w, "precision", "very-high");
        Str(w, "problem.severity", rule.DefaultLevel == Level.Note ? "recommendation" : rule.DefaultLevel.ToString().ToLowerInvariant());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(JsonTextWriter w, Finding f, int index, string root)
    {
        w.WriteStartObject();
        Str(w, "ruleId", f.RuleId);
        w.WritePropertyName("ruleIndex");
        w.WriteValue(index);
        if (f.Kind == FindingKind.Inconclusive)
        {
            // SARIF 3.27.9: a result whose kind is not "fail" has level "none".
            Str(w, "kind", "open");
            Str(w, "level", "none");
        }
        else
        {
            Str(w, "kind", "fail");
            Str(w, "level", SarifLevel(f.Level));
        }

        Message(w, "message", Sentence(f.Message));
        w.WritePropertyName("locations");
        w.WriteStartArray();
        w.WriteStartObject();
        WritePhysicalLocation(w, f.Path, f.Span, root);
        w.WriteEndObject();
        w.WriteEndArray();

        if (f.Related.Count > 0)
        {
            w.WritePropertyName("relatedLocations");
            w.WriteStartArray();
            for (int i = 0; i < f.Related.Count; i++)
            {
                var r = f.Related[i];
                w.WriteStartObject();
                w.WritePropertyName("id");
                w.WriteValue(i + 1);
                WritePhysicalLocation(w, r.Span.File?.Path ?? f.Path, r.Span, root);
                Message(w, "message", Sentence(r.Message));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WritePropertyName("partialFingerprints");
        w.WriteStartObject();
        Str(w, FingerprintKey, PortableFingerprint.Hash(PortableFingerprint.Of(f, root)));
        w.WriteEndObject();

        if (f.Suppression is { } s)
        {
            w.WritePropertyName("suppressions");
            w.WriteStartArray();
            w.WriteStartObject();
            Str(w, "kind", s.Kind);
            Str(w, "status", "accepted");
            if (s.Justification is not null)
            {
                Str(w, "justification", s.Justification);
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (f.Comparison is not null || f.Contexts.Count > 1 || f.Contexts.Count < f.ContextsTried.Count)
        {
            // Which previous state (git revision or deployed export) a CMK007/CMK008/CMK016 result was compared with;
            // the entry points where the result holds, when there are several or they disagree.
            w.WritePropertyName("properties");
            w.WriteStartObject();
            if (f.Comparison is not null)
            {
                Str(w, "comparison", f.Comparison);
            }

            if (f.Contexts.Count > 1 || f.Contexts.Count < f.ContextsTried.Count)
            {
                w.WritePropertyName("contexts");
                w.WriteStartArray();
                foreach (var c in f.Contexts)
                {
                    w.WriteValue(c);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WritePhysicalLocation(JsonTextWriter w, string path, SourceSpan span, string root)
    {
        w.WritePropertyName("physicalLocation");
        w.WriteStartObject();
        w.WritePropertyName("artifactLocation");
        w.WriteStartObject();
        string full = Path.GetFullPath(path);
        if (SourceRootPath.IsUnder(root, full))
        {
            Str(w, "uri", EscapePath(SourceRootPath.Relative(root, full)));
            Str(w, "uriBaseId", SourceRootId);
        }
        else
        {
            Str(w, "uri", FileUri(full, directory: false));
        }

        w.WriteEndObject();
        w.WritePropertyName("region");
        w.WriteStartObject();
        var start = span.StartPosition;
        var end = span.EndPosition;
        Int(w, "startLine", start.Line);
        Int(w, "startColumn", start.Column);
        Int(w, "endLine", end.Line);
        Int(w, "endColumn", end.Column);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string SarifLevel(Level level) => level switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        Level.Note => "note",
        _ => "none",
    };

    /// <summary>SARIF messages are sentences (the validator asks for a final period).</summary>
    private static string Sentence(string text)
    {
        text = text.TrimEnd();
        return text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal) ? text : text + ".";
    }

    /// <summary>An absolute <c>file:</c> URI (directories end with a slash, as <c>originalUriBaseIds</c> requires).</summary>
    public static string FileUri(string fullPath, bool directory)
    {
        string path = EscapePath(Path.GetFullPath(fullPath).Replace('\\', '/').TrimEnd('/'));
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            path = "/" + path;
        }

        return "file://" + path + (directory ? "/" : string.Empty);
    }

    private static string EscapePath(string path)
    {
        var sb = new StringBuilder();
        var segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('/');
            }

            // Keep a Windows drive ("C:") readable; escape everything else a URI cannot hold.
            string segment = segments[i];
            sb.Append(i <= 1 && segment.Length == 2 && segment[1] == ':' ? segment : Uri.EscapeDataString(segment));
        }

        return sb.ToString();
    }

    private static void Message(JsonTextWriter w, string name, string text)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        Str(w, "text", text);
        w.WriteEndObject();
    }

    private static void Str(JsonTextWriter w, string name, string value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    private static void Int(JsonTextWriter w, string name, int value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }
}
