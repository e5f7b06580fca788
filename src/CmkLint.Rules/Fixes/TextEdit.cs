using System;
using CmkLint.Text;

namespace CmkLint.Fixes;

/// <summary>Replace the characters of <see cref="Span"/> with <see cref="NewText"/>; an insertion has an empty span.</summary>
public sealed class TextEdit : IEquatable<TextEdit>
{
    public TextEdit(SourceSpan span, string newText)
    {
        Span = span;
        NewText = newText ?? throw new ArgumentNullException(nameof(newText));
    }

    /// <summary>The replaced range, in the file as it was linted (its <see cref="SourceSpan.StartPosition"/> and <see cref="SourceSpan.EndPosition"/> are 1-based).</summary>
    public SourceSpan Span { get; }

    public string NewText { get; }

    /// <summary>The file's path as the finding names it.</summary>
    public string Path => Span.File?.Path ?? string.Empty;

    /// <summary>
    /// Whether two edits touch the same characters: an insertion overlaps a replacement it falls strictly
    /// inside; two insertions at one offset do not (they are whole lines, applied in order).
    /// </summary>
    public bool Overlaps(TextEdit other)
    {
        if (!string.Equals(Path, other.Path, StringComparison.Ordinal))
        {
            return false;
        }

        if (Span.Length == 0 && other.Span.Length == 0)
        {
            return false;
        }

        if (Span.Length == 0)
        {
            return Span.Start > other.Span.Start && Span.Start < other.Span.End;
        }

        if (other.Span.Length == 0)
        {
            return other.Span.Start > Span.Start && other.Span.Start < Span.End;
        }

        return Span.Start < other.Span.End && other.Span.Start < Span.End;
    }

    public bool Equals(TextEdit? other) =>
        other is not null && string.Equals(Path, other.Path, StringComparison.Ordinal) && Span.Start == other.Span.Start && Span.Length == other.Span.Length && NewText == other.NewText;

    public override bool Equals(object? obj) => Equals(obj as TextEdit);

    public override int GetHashCode() => (Path.GetHashCode() * 397) ^ (Span.Start * 31) ^ Span.Length ^ NewText.GetHashCode();

    public override string ToString() => $"{Path}{Span.StartPosition}-{Span.EndPosition}: '{NewText}'";
}
