using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The conditional operator: <c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed class TernarySyntax : ExpressionSyntax
{
    public TernarySyntax(SourceSpan span, ExpressionSyntax condition, ExpressionSyntax trueExpression, ExpressionSyntax falseExpression)
        : base(span)
    {
        Condition = condition;
        TrueExpression = trueExpression;
        FalseExpression = falseExpression;
    }

    public ExpressionSyntax Condition { get; }

    public ExpressionSyntax TrueExpression { get; }

    public ExpressionSyntax FalseExpression { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Condition;

        yield return TrueExpression;

        yield return FalseExpression;
    }
}
