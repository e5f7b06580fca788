using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace CmkLint.Fixes;

/// <summary>
/// Writes a fixed file as a unified diff (<c>--- a/path</c>, <c>+++ b/path</c>, <c>@@</c> hunks with three
/// lines of context), the format <c>git apply</c> and <c>patch -p1</c> read. Hunks come from the edits
/// themselves, so the work is linear in the file's size.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of every file, in order.</summary>
    public static void Write(TextWriter writer, IEnumerable<FixedFile> files)
    {
        foreach (var file in files)
        {
            Write(writer, file);
        }
    }

    /// <summary>The diff of one file; nothing when the edits change nothing.</summary>
    public static void Write(TextWriter writer, FixedFile file)
    {
        string path = file.Path.Replace('\\', '/');
        var oldLines = SplitLines(file.Original.Text);
        var changes = Changes(file, oldLines);
        if (changes.Count == 0)
        {
            return;
        }

        writer.Write("--- a/" + path + "\n");
        writer.Write("+++ b/" + path + "\n");
        int i = 0;
        int delta = 0;
        while (i < changes.Count)
        {
            // A hunk takes every change whose unchanged gap to the previous one is at most twice the context.
            int j = i;
            while (j + 1 < changes.Count && changes[j + 1].OldStart - (changes[j].OldStart + changes[j].Old.Count) <= 2 * Context)
            {
                j++;
            }

            int start = Math.Max(0, changes[i].OldStart - Context);
            int end = Math.Min(oldLines.Count, changes[j].OldStart + changes[j].Old.Count + Context);
            var body = new List<string>();
            int oldCount = 0;
            int newCount = 0;
            int hunkDelta = 0;
            int line = start;
            for (int k = i; k <= j; k++)
            {
                var change = changes[k];
                for (; line < change.OldStart; line++)
                {
                    body.Add(" " + oldLines[line]);
                    oldCount++;
                    newCount++;
                }

                foreach (var old in change.Old)
                {
                    body.Add("-" + old);
                    oldCount++;
                }

                foreach (var added in change.New)
                {
                    body.Add("+" + added);
                    newCount++;
                }

                line += change.Old.Count;
                hunkDelta += change.New.Count - change.Old.Count;
            }

            for (; line < end; line++)
            {
                body.Add(" " + oldLines[line]);
                oldCount++;
                newCount++;
            }

            int oldFirst = oldCount == 0 ? start : start + 1;
            int newFirst = newCount == 0 ? start + delta : start + delta + 1;
            writer.Write(string.Format(CultureInfo.InvariantCulture, "@@ -{0},{1} +{2},{3} @@\n", oldFirst, oldCount, newFirst, newCount));
            foreach (var text in body)
            {
                WriteLine(writer, text);
            }

            delta += hunkDelta;
            i = j + 1;
        }
    }

    /// <summary>Changed line ranges: edits on the same lines merge; lines equal before and after are trimmed away.</summary>
    private static List<Change> Changes(FixedFile file, List<string> oldLines)
    {
        var source = file.Original;
        var changes = new List<Change>();
        int e = 0;
        var edits = file.Edits;
        while (e < edits.Count)
        {
            int first = source.GetPosition(edits[e].Span.Start).Line - 1;
            int last = LastLine(edits[e]);
            int f = e;
            while (f + 1 < edits.Count && source.GetPosition(edits[f + 1].Span.Start).Line - 1 <= last)
            {
                f++;
                last = Math.Max(last, LastLine(edits[f]));
            }

            last = Math.Min(last, oldLines.Count - 1);
            int from = source.GetOffset(new Text.LinePosition(first + 1, 1));
            int to = last + 1 < source.LineCount ? source.GetOffset(new Text.LinePosition(last + 2, 1)) : source.Text.Length;
            var relative = new List<TextEdit>();
            for (int k = e; k <= f; k++)
            {
                relative.Add(new TextEdit(source.Span(edits[k].Span.Start - from, edits[k].Span.Length), edits[k].NewText));
            }

            var old = oldLines.GetRange(first, last - first + 1);
            var added = SplitLines(FixedFile.ApplyEdits(source.Text.Substring(from, to - from), relative));
            int prefix = 0;
            while (prefix < old.Count && prefix < added.Count && old[prefix] == added[prefix])
            {
                prefix++;
            }

            int suffix = 0;
            while (suffix < old.Count - prefix && suffix < added.Count - prefix && old[old.Count - 1 - suffix] == added[added.Count - 1 - suffix])
            {
                suffix++;
            }

            if (old.Count - prefix - suffix > 0 || added.Count - prefix - suffix > 0)
            {
                changes.Add(new Change(first + prefix, old.GetRange(prefix, old.Count - prefix - suffix), added.GetRange(prefix, added.Count - prefix - suffix)));
            }

            e = f + 1;
        }

        return changes;

        int LastLine(TextEdit edit)
        {
            var end = source.GetPosition(edit.Span.End);
            return (edit.Span.Length > 0 && end.Column == 1 ? end.Line - 1 : end.Line) - 1;
        }
    }

    /// <summary>Lines with their line breaks, so a missing final line break shows.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    private static void WriteLine(TextWriter writer, string line)
    {
        string content = line.TrimEnd('\r', '\n');
        writer.Write(content);
        writer.Write(line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
        if (!line.EndsWith("\n", StringComparison.Ordinal) && !line.EndsWith("\r", StringComparison.Ordinal))
        {
            writer.Write("\\ No newline at end of file\n");
        }
    }

    private sealed class Change
    {
        public Change(int oldStart, List<string> old, List<string> @new)
        {
            OldStart = oldStart;
            Old = old;
            New = @new;
        }

        /// <summary>0-based index of the first old line replaced (or before which lines are inserted).</summary>
        public int OldStart { get; }

        public List<string> Old { get; }

        public List<string> New { get; }
    }
}
