using System;
using System.Collections.Generic;

namespace CmkLint.Text;

/// <summary>A file's text with a map from character offsets to 1-based lines and columns.</summary>
public sealed class SourceFile
{
    private int[]? lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    /// <summary>The path as the user gave it or as it was discovered (used in every finding).</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>Offsets at which each line starts; computed once, on first use.</summary>
    private int[] LineStarts => lineStarts ??= ComputeLineStarts(Text);

    public int LineCount => LineStarts.Length;

    /// <summary>The 1-based line and column of a character offset. Columns count UTF-16 code units, as editors and SARIF do.</summary>
    public LinePosition GetPosition(int offset)
    {
        if (offset < 0)
        {
            offset = 0;
        }

        if (offset > Text.Length)
        {
            offset = Text.Length;
        }

        var starts = LineStarts;
        int line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - starts[line] + 1);
    }

    /// <summary>The offset of a 1-based line and column (clamped to the text).</summary>
    public int GetOffset(LinePosition position)
    {
        var starts = LineStarts;
        int line = Math.Max(1, Math.Min(position.Line, starts.Length));
        return Math.Min(Text.Length, starts[line - 1] + Math.Max(0, position.Column - 1));
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        var starts = LineStarts;
        if (line < 1 || line > starts.Length)
        {
            return string.Empty;
        }

        int start = starts[line - 1];
        int end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text.Substring(start, end - start);
    }

    /// <summary>A span of this file from a start offset and a length.</summary>
    public SourceSpan Span(int start, int length) => new SourceSpan(this, start, length);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}

/// <summary>A 1-based line and column.</summary>
public readonly struct LinePosition : IEquatable<LinePosition>
{
    public LinePosition(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    public bool Equals(LinePosition other) => Line == other.Line && Column == other.Column;

    public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);

    public override int GetHashCode() => (Line * 397) ^ Column;

    public override string ToString() => $"({Line},{Column})";
}
