using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Indexing: <c>x[i]</c>, the safe form <c>x[?i]</c> or from the end <c>x[^1]</c>.</summary>
internal sealed class ArrayAccessSyntax : ExpressionSyntax
{
    public ArrayAccessSyntax(SourceSpan span, ExpressionSyntax baseExpression, ExpressionSyntax indexExpression, bool isSafe, bool isFromEnd)
        : base(span)
    {
        BaseExpression = baseExpression;
        IndexExpression = indexExpression;
        IsSafe = isSafe;
        IsFromEnd = isFromEnd;
    }

    public ExpressionSyntax BaseExpression { get; }

    public ExpressionSyntax IndexExpression { get; }

    /// <summary>True for <c>[?</c>.</summary>
    public bool IsSafe { get; }

    /// <summary>True for <c>[^</c>.</summary>
    public bool IsFromEnd { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseExpression;

        yield return IndexExpression;
    }
}
