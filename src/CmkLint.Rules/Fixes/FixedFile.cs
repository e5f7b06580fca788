using System;
using System.Collections.Generic;
using System.Text;
using CmkLint.Text;

namespace CmkLint.Fixes;

/// <summary>One file with the fixes that change it: its text before and after.</summary>
public sealed class FixedFile
{
    private FixedFile(SourceFile original, string newText, IReadOnlyList<FindingFix> fixes, IReadOnlyList<TextEdit> edits)
    {
        Original = original;
        NewText = newText;
        Fixes = fixes;
        Edits = edits;
    }

    /// <summary>The file as it was linted.</summary>
    public SourceFile Original { get; }

    public string Path => Original.Path;

    public string NewText { get; }

    /// <summary>The fixes with at least one edit in this file.</summary>
    public IReadOnlyList<FindingFix> Fixes { get; }

    /// <summary>This file's distinct edits, in text order.</summary>
    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>Groups the edits of <paramref name="fixes"/> by file and applies them (identical edits once); files in path order.</summary>
    public static IReadOnlyList<FixedFile> Apply(IEnumerable<FindingFix> fixes)
    {
        var byPath = new SortedDictionary<string, (SourceFile File, List<TextEdit> Edits, List<FindingFix> Fixes)>(StringComparer.Ordinal);
        foreach (var fix in fixes)
        {
            foreach (var edit in fix.Edits)
            {
                if (!byPath.TryGetValue(edit.Path, out var entry))
                {
                    entry = (edit.Span.File!, new List<TextEdit>(), new List<FindingFix>());
                    byPath[edit.Path] = entry;
                }

                if (!entry.Edits.Contains(edit))
                {
                    entry.Edits.Add(edit);
                }

                if (!entry.Fixes.Contains(fix))
                {
                    entry.Fixes.Add(fix);
                }
            }
        }

        var files = new List<FixedFile>();
        foreach (var entry in byPath.Values)
        {
            entry.Edits.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
            files.Add(new FixedFile(entry.File, ApplyEdits(entry.File.Text, entry.Edits), entry.Fixes, entry.Edits));
        }

        return files;
    }

    /// <summary>The text with non-overlapping edits (sorted by start) applied.</summary>
    public static string ApplyEdits(string text, IReadOnlyList<TextEdit> sortedEdits)
    {
        var result = new StringBuilder(text.Length + 64);
        int position = 0;
        foreach (var edit in sortedEdits)
        {
            if (edit.Span.Start < position || edit.Span.End > text.Length)
            {
                throw new ArgumentException($"overlapping or out-of-range edit {edit}", nameof(sortedEdits));
            }

            result.Append(text, position, edit.Span.Start - position);
            result.Append(edit.NewText);
            position = edit.Span.End;
        }

        result.Append(text, position, text.Length - position);
        return result.ToString();
    }
}
