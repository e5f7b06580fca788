using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A spread item in an object or array: <c>...expr</c>.</summary>
internal sealed class SpreadSyntax : ExpressionSyntax
{
    public SpreadSyntax(SourceSpan span, ExpressionSyntax expression)
        : base(span)
    {
        Expression = expression;
    }

    public ExpressionSyntax Expression { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Expression;
    }
}
