using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A prefix operator: <c>!x</c> or <c>-x</c>.</summary>
internal sealed class UnaryOperationSyntax : ExpressionSyntax
{
    public UnaryOperationSyntax(SourceSpan span, UnaryOperator @operator, ExpressionSyntax operand)
        : base(span)
    {
        Operator = @operator;
        Operand = operand;
    }

    public UnaryOperator Operator { get; }

    public ExpressionSyntax Operand { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Operand;
    }
}
