using System;
using System.IO;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Text;

namespace CmkLint.Reporting;

/// <summary>How the text report looks.</summary>
public sealed class TextReportOptions
{
    /// <summary>ANSI colours (only on a terminal).</summary>
    public bool Color { get; set; }

    /// <summary>Show suppressed findings too (they are always counted in the summary).</summary>
    public bool ShowSuppressed { get; set; }

    /// <summary>The code frame under each finding.</summary>
    public bool CodeFrames { get; set; } = true;

    /// <summary>The summary line at the end.</summary>
    public bool Summary { get; set; } = true;
}

/// <summary>
/// Human output: <c>path(line,col): level CMKnnn: message [rule-name]</c> (the form MSBuild, VS Code and
/// GitHub problem matchers recognise), a code frame with a caret under the span, the related locations
/// of the CMK chain indented under it, and a summary line.
/// </summary>
public static class TextReporter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Magenta = "\u001b[35m";
    private const string Blue = "\u001b[34m";

    /// <summary>Code frames show at most this many characters of a line.</summary>
    private const int MaxFrameWidth = 160;

    /// <summary>Characters kept before the span when a long line is cut.</summary>
    private const int FrameContext = 40;

    public static void Write(TextWriter writer, ReportRun run, TextReportOptions options)
    {
        foreach (var finding in run.Findings)
        {
            if (finding.IsSuppressed && !options.ShowSuppressed)
            {
                continue;
            }

            WriteFinding(writer, finding, options);
        }

        if (run.OmittedLine is string omitted)
        {
            writer.WriteLine(omitted);
        }

        if (options.Summary)
        {
            string summary = run.Summary.ToString();
            writer.WriteLine(options.Color ? Bold + summary + Reset : summary);
        }
    }

    /// <summary>The word shown for a finding's level: inconclusive checks never fail a run, so they do not say "error".</summary>
    public static string LevelWord(Finding finding) =>
        finding.Kind == FindingKind.Inconclusive ? "inconclusive" : finding.Level.ToString().ToLowerInvariant();

    private static void WriteFinding(TextWriter writer, Finding finding, TextReportOptions options)
    {
        var start = finding.Span.StartPosition;
        string color = finding.Kind == FindingKind.Inconclusive ? Magenta : finding.Level switch
        {
            Level.Error => Red,
            Level.Warning => Yellow,
            _ => Cyan,
        };

        var line = new StringBuilder();
        line.Append(Paint(options, Bold, $"{PrintableText.LineStart(finding.Path)}({start.Line},{start.Column})"));
        line.Append(": ");
        line.Append(Paint(options, color + Bold, LevelWord(finding)));
        line.Append(' ').Append(finding.RuleId).Append(": ").Append(Printable(finding.Message));
        line.Append(' ').Append(Paint(options, Dim, "[" + finding.Rule.Name + "]"));
        if (finding.Suppression is { } suppression)
        {
            line.Append(' ').Append(Paint(options, Dim, $"(suppressed {suppression.Kind}{(suppression.Justification is null ? string.Empty : ": " + Printable(suppression.Justification))})"));
        }

        writer.WriteLine(line.ToString());
        if (options.CodeFrames && !finding.Span.IsNone)
        {
            WriteFrame(writer, finding.Span, color, options);
        }

        foreach (var related in finding.Related)
        {
            var at = related.Span.StartPosition;
            writer.WriteLine("    " + Paint(options, Blue, $"{PrintableText.LineStart(related.Span.File?.Path ?? string.Empty)}({at.Line},{at.Column})") + ": " + Printable(related.Message));
        }
    }

    /// <summary>The span's first line with a gutter, and carets under the span (to the line's end when the span goes on).</summary>
    private static void WriteFrame(TextWriter writer, SourceSpan span, string color, TextReportOptions options)
    {
        var start = span.StartPosition;
        var end = span.EndPosition;
        string raw = span.File!.GetLineText(start.Line);
        int from = Math.Min(start.Column - 1, raw.Length);
        int to = end.Line == start.Line ? Math.Max(from, Math.Min(end.Column - 1, raw.Length)) : raw.Length;

        // Escapes widen the line: columns are counted in the escaped text, so the carets stay under the span.
        string before = PrintableText.Escape(raw.Substring(0, from), keepTabs: true);
        string text = before + PrintableText.Escape(raw.Substring(from), keepTabs: true);
        int column = before.Length + 1;
        int width = Math.Max(1, PrintableText.Escape(raw.Substring(from, to - from), keepTabs: true).Length);
        string number = start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string gutter = new string(' ', number.Length);

        // Minified templates can have one enormous line: show a window around the span.
        int first = 0;
        string prefix = string.Empty;
        if (text.Length > MaxFrameWidth)
        {
            first = Math.Max(0, Math.Min(column - 1 - FrameContext, text.Length - MaxFrameWidth));
            prefix = first > 0 ? "..." : string.Empty;
            text = prefix + text.Substring(first, Math.Min(MaxFrameWidth, text.Length - first)) + (first + MaxFrameWidth < text.Length ? "..." : string.Empty);
            width = Math.Min(width, MaxFrameWidth - (column - 1 - first));
        }

        // Keep tabs under tabs so the caret lines up in any tab width.
        var pad = new StringBuilder(prefix.Length > 0 ? new string(' ', prefix.Length) : string.Empty);
        for (int i = prefix.Length; i < prefix.Length + column - 1 - first && i < text.Length; i++)
        {
            pad.Append(text[i] == '\t' ? '\t' : ' ');
        }

        writer.WriteLine($"  {Paint(options, Dim, number + " |")} {text}");
        writer.WriteLine($"  {Paint(options, Dim, gutter + " |")} {pad}{Paint(options, color + Bold, new string('^', Math.Max(1, width)))}");
    }

    /// <summary>Control characters from a template must not reach the terminal (they could move the cursor, recolour output or forge a CI log line).</summary>
    private static string Printable(string text) => PrintableText.Escape(text);

    private static string Paint(TextReportOptions options, string code, string text) => options.Color ? code + text + Reset : text;
}
