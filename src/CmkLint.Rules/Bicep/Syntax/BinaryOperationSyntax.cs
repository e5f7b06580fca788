using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A binary operator with its two operands.</summary>
internal sealed class BinaryOperationSyntax : ExpressionSyntax
{
    public BinaryOperationSyntax(SourceSpan span, BinaryOperator @operator, ExpressionSyntax left, ExpressionSyntax right, SourceSpan operatorSpan)
        : base(span)
    {
        Operator = @operator;
        Left = left;
        Right = right;
        OperatorSpan = operatorSpan;
    }

    public BinaryOperator Operator { get; }

    public ExpressionSyntax Left { get; }

    public ExpressionSyntax Right { get; }

    public SourceSpan OperatorSpan { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Left;

        yield return Right;
    }
}
