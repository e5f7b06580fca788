using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Text;
using Newtonsoft.Json;

namespace CmkLint.Reporting;

/// <summary>
/// The machine-readable report described in <c>docs/json-output.md</c> (schema version 1): fields are
/// only ever added, never renamed or removed, within a schema version.
/// </summary>
public static class JsonReporter
{
    /// <summary>Bumped only when a field changes meaning or disappears.</summary>
    public const int SchemaVersion = 1;

    public static void Write(TextWriter output, ReportRun run)
    {
        using var writer = new WellFormedJsonWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        writer.WriteStartObject();
        writer.WritePropertyName("schemaVersion");
        writer.WriteValue(SchemaVersion);

        writer.WritePropertyName("tool");
        writer.WriteStartObject();
        Write(writer, "name", run.Tool.Name);
        Write(writer, "version", run.Tool.SemanticVersion);
        writer.WriteEndObject();

        var s = run.Summary;
        writer.WritePropertyName("summary");
        writer.WriteStartObject();
        Write(writer, "filesAnalyzed", s.FilesAnalyzed);
        Write(writer, "filesWithFindings", s.FilesWithFindings);
        Write(writer, "errors", s.Errors);
        Write(writer, "warnings", s.Warnings);
        Write(writer, "notes", s.Notes);
        Write(writer, "inconclusive", s.Inconclusive);
        Write(writer, "suppressed", s.Suppressed);
        if (run.Omitted > 0)
        {
            // Only when the limits left findings out (fields are only ever added).
            Write(writer, "omitted", run.Omitted);
            Write(writer, "maxFindingsPerFile", run.Limits.MaxFindingsPerFile);
            Write(writer, "maxFindingsPerRun", run.Limits.MaxFindingsPerRun);
        }

        writer.WritePropertyName("elapsedSeconds");
        writer.WriteValue(System.Math.Round(s.Elapsed.TotalSeconds, 3));
        writer.WriteEndObject();

        writer.WritePropertyName("findings");
        writer.WriteStartArray();
        foreach (var f in run.Findings)
        {
            writer.WriteStartObject();
            Write(writer, "ruleId", f.RuleId);
            Write(writer, "ruleName", f.Rule.Name);
            Write(writer, "level", f.Level.ToString().ToLowerInvariant());
            Write(writer, "kind", f.Kind == FindingKind.Inconclusive ? "inconclusive" : "violation");
            Write(writer, "message", f.Message);
            WriteLocation(writer, f.Path, f.Span);
            writer.WritePropertyName("related");
            writer.WriteStartArray();
            foreach (var r in f.Related)
            {
                writer.WriteStartObject();
                WriteLocation(writer, r.Span.File?.Path ?? string.Empty, r.Span);
                Write(writer, "message", r.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            Write(writer, "fingerprint", Diagnostics.PortableFingerprint.Of(f, run.SourceRoot));
            writer.WritePropertyName("suppression");
            if (f.Suppression is { } suppression)
            {
                writer.WriteStartObject();
                Write(writer, "kind", suppression.Kind);
                writer.WritePropertyName("justification");
                writer.WriteValue(suppression.Justification);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull();
            }

            Write(writer, "helpUri", f.Rule.HelpUri);
            writer.WritePropertyName("comparison");
            writer.WriteValue(f.Comparison);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteLine();
    }

    private static void WriteLocation(JsonTextWriter writer, string path, SourceSpan span)
    {
        Write(writer, "path", path.Replace('\\', '/'));
        writer.WritePropertyName("region");
        if (span.IsNone)
        {
            writer.WriteNull();
            return;
        }

        var start = span.StartPosition;
        var end = span.EndPosition;
        writer.WriteStartObject();
        Write(writer, "startLine", start.Line);
        Write(writer, "startColumn", start.Column);
        Write(writer, "endLine", end.Line);
        Write(writer, "endColumn", end.Column);
        writer.WriteEndObject();
    }

    private static void Write(JsonTextWriter writer, string name, string value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    private static void Write(JsonTextWriter writer, string name, int value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }
}
