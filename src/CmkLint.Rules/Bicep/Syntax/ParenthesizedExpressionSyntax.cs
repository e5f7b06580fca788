using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An expression in parentheses.</summary>
internal sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    public ParenthesizedExpressionSyntax(SourceSpan span, ExpressionSyntax expression)
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
