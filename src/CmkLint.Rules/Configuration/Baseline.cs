using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.Text;
using Newtonsoft.Json;

namespace CmkLint.Configuration;

/// <summary>One accepted finding of a baseline file.</summary>
public sealed class BaselineEntry
{
    public BaselineEntry(string fingerprint, string rule, string path, string message)
    {
        Fingerprint = fingerprint;
        Rule = rule;
        Path = path;
        Message = message;
    }

    /// <summary>The portable fingerprint: the only field used for matching (the others are for readers).</summary>
    public string Fingerprint { get; }

    public string Rule { get; }

    public string Path { get; }

    public string Message { get; }

    /// <summary>The entry in the baseline file (none for a baseline made in memory): where a stale entry is reported.</summary>
    public SourceSpan At { get; init; }
}

/// <summary>
/// Findings a team has accepted, by portable fingerprint, so the tool can be adopted before every old
/// finding is fixed: baselined findings are reported as suppressed and do not fail the run.
/// </summary>
public sealed class Baseline
{
    /// <summary>The baseline file format version written and read.</summary>
    public const int FormatVersion = 1;

    private readonly HashSet<string> fingerprints = new(StringComparer.Ordinal);

    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        Entries = new List<BaselineEntry>(entries);
        Entries.Sort((a, b) => string.CompareOrdinal(a.Fingerprint, b.Fingerprint));
        foreach (var e in Entries)
        {
            fingerprints.Add(e.Fingerprint);
        }
    }

    public List<BaselineEntry> Entries { get; }

    /// <summary>A baseline accepting every finding that is not already suppressed.</summary>
    public static Baseline FromFindings(IEnumerable<Finding> findings, string root)
    {
        var entries = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f.IsSuppressed)
            {
                continue;
            }

            string fingerprint = PortableFingerprint.Of(f, root);
            string path = f.Path.Length == 0 ? string.Empty : SourceRootPath.Relative(root, System.IO.Path.GetFullPath(f.Path));
            entries[fingerprint] = new BaselineEntry(fingerprint, f.RuleId, path, f.Message);
        }

        return new Baseline(entries.Values);
    }

    /// <summary>Marks matching findings as suppressed (<c>external</c>); returns how many entries matched nothing (fixed since).</summary>
    public int Apply(IEnumerable<Finding> findings, string root)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            string fingerprint = PortableFingerprint.Of(f, root);
            if (!fingerprints.Contains(fingerprint))
            {
                continue;
            }

            matched.Add(fingerprint);
            if (!f.IsSuppressed)
            {
                f.Suppression = new SuppressionInfo("external", "accepted in the baseline");
            }
        }

        return fingerprints.Count - matched.Count;
    }

    /// <summary>The baseline as indented JSON, entries sorted by fingerprint (stable diffs in review).</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(sb, System.Globalization.CultureInfo.InvariantCulture)) { Formatting = Formatting.Indented })
        {
            writer.WriteStartObject();
            writer.WritePropertyName("version");
            writer.WriteValue(FormatVersion);
            writer.WritePropertyName("findings");
            writer.WriteStartArray();
            foreach (var e in Entries)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("fingerprint");
                writer.WriteValue(e.Fingerprint);
                writer.WritePropertyName("rule");
                writer.WriteValue(e.Rule);
                writer.WritePropertyName("path");
                writer.WriteValue(e.Path);
                writer.WritePropertyName("message");
                writer.WriteValue(e.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return sb.Append('\n').ToString().Replace("\r\n", "\n");
    }

    /// <summary>Reads a baseline file; on error returns null and says where.</summary>
    public static Baseline? Read(string path, IFileSystem fileSystem, List<ConfigurationError> errors)
    {
        var bytes = fileSystem.ReadAllBytes(System.IO.Path.GetFullPath(path), out var readError);
        if (bytes is null)
        {
            errors.Add(new ConfigurationError(path, 1, 1, readError ?? "cannot read the baseline file"));
            return null;
        }

        var text = SourceDecoder.Decode(bytes, out var decodeError, out var at);
        if (text is null)
        {
            errors.Add(new ConfigurationError(path, at.Line, at.Column, decodeError ?? "the baseline file cannot be decoded"));
            return null;
        }

        var file = new SourceFile(path, text);
        var root = JsonParser.Parse(file, out var syntaxError);
        if (syntaxError is not null)
        {
            Add(errors, syntaxError.Span, syntaxError.Message);
            return null;
        }

        if (root is not JsonObject obj || obj.Get("findings") is not JsonArray list)
        {
            Add(errors, root!.Span, "a baseline is an object with a 'findings' array (write one with --write-baseline)");
            return null;
        }

        if (obj.Get("version") is JsonNode version && !(version is JsonNumber n && Convert.ToDouble(n.Value, System.Globalization.CultureInfo.InvariantCulture) == FormatVersion))
        {
            Add(errors, version.Span, $"unsupported baseline version; this cmklint reads version {FormatVersion}");
            return null;
        }

        int before = errors.Count;
        var entries = new List<BaselineEntry>();
        foreach (var item in list.Items)
        {
            if (item is not JsonObject entry || entry.GetString("fingerprint") is not string fingerprint || fingerprint.Length == 0)
            {
                Add(errors, item.Span, "each baseline entry needs a 'fingerprint' string");
                continue;
            }

            entries.Add(new BaselineEntry(fingerprint, entry.GetString("rule") ?? string.Empty, entry.GetString("path") ?? string.Empty, entry.GetString("message") ?? string.Empty) { At = entry.Get("fingerprint")!.Span });
        }

        return errors.Count == before ? new Baseline(entries) : null;
    }

    private static void Add(List<ConfigurationError> errors, SourceSpan span, string message)
    {
        var at = span.StartPosition;
        errors.Add(new ConfigurationError(span.File?.Path ?? string.Empty, at.Line, at.Column, message));
    }
}
