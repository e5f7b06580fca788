using System;

namespace CmkLint.Text;

/// <summary>A range of characters in a source file; every syntax node, model node and finding carries one.</summary>
public readonly struct SourceSpan : IEquatable<SourceSpan>
{
    public SourceSpan(SourceFile file, int start, int length)
    {
        File = file;
        Start = start;
        Length = length < 0 ? 0 : length;
    }

    /// <summary>The file; null only for <see cref="None"/>.</summary>
    public SourceFile? File { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public bool IsNone => File is null;

    /// <summary>No location (a value that has no source, such as a runtime-only value).</summary>
    public static SourceSpan None => default;

    public LinePosition StartPosition => File?.GetPosition(Start) ?? new LinePosition(1, 1);

    /// <summary>The position just after the last character (SARIF's exclusive end column).</summary>
    public LinePosition EndPosition => File?.GetPosition(End) ?? new LinePosition(1, 1);

    public string Text => File is null ? string.Empty : File.Text.Substring(Start, Math.Min(Length, File.Text.Length - Start));

    /// <summary>The smallest span that covers both spans (same file).</summary>
    public SourceSpan Cover(SourceSpan other)
    {
        if (IsNone)
        {
            return other;
        }

        if (other.IsNone || !ReferenceEquals(other.File, File))
        {
            return this;
        }

        int start = Math.Min(Start, other.Start);
        int end = Math.Max(End, other.End);
        return new SourceSpan(File!, start, end - start);
    }

    public bool Equals(SourceSpan other) => ReferenceEquals(File, other.File) && Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    public override int GetHashCode() => ((File?.GetHashCode() ?? 0) * 397) ^ (Start * 31) ^ Length;

    public override string ToString() => IsNone ? "(none)" : $"{File!.Path}{StartPosition}";
}
