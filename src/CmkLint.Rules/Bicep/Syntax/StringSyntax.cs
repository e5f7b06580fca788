using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A string literal: <c>'...'</c> (possibly with <c>${...}</c> holes) or a <c>'''</c> multi-line string.</summary>
internal sealed class StringSyntax : ExpressionSyntax
{
    public StringSyntax(SourceSpan span, IReadOnlyList<string> segmentValues, IReadOnlyList<ExpressionSyntax> expressions, bool isMultiline)
        : base(span)
    {
        SegmentValues = segmentValues;
        Expressions = expressions;
        IsMultiline = isMultiline;
    }

    /// <summary>The decoded text around the holes: always one more than <see cref="Expressions"/>.</summary>
    public IReadOnlyList<string> SegmentValues { get; }

    /// <summary>The interpolated expressions, in order.</summary>
    public IReadOnlyList<ExpressionSyntax> Expressions { get; }

    /// <summary>True for a <c>'''</c> string (no escapes, no interpolation).</summary>
    public bool IsMultiline { get; }

    /// <summary>True when the string has <c>${...}</c> holes.</summary>
    public bool IsInterpolated => Expressions.Count > 0;

    /// <summary>The decoded value when the string has no interpolation; otherwise null.</summary>
    public string? Value => Expressions.Count == 0 ? SegmentValues[0] : null;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var item in Expressions)
        {
            yield return item;
        }
    }
}
