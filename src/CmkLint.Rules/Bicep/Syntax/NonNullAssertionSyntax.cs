using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The postfix non-null assertion: <c>x!</c>.</summary>
internal sealed class NonNullAssertionSyntax : ExpressionSyntax
{
    public NonNullAssertionSyntax(SourceSpan span, ExpressionSyntax baseExpression)
        : base(span)
    {
        BaseExpression = baseExpression;
    }

    public ExpressionSyntax BaseExpression { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseExpression;
    }
}
