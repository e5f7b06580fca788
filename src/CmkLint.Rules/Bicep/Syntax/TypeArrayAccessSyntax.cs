using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An element of a tuple type: <c>myTuple[0]</c>.</summary>
internal sealed class TypeArrayAccessSyntax : TypeSyntax
{
    public TypeArrayAccessSyntax(SourceSpan span, TypeSyntax baseExpression, ExpressionSyntax indexExpression)
        : base(span)
    {
        BaseExpression = baseExpression;
        IndexExpression = indexExpression;
    }

    public TypeSyntax BaseExpression { get; }

    public ExpressionSyntax IndexExpression { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseExpression;

        yield return IndexExpression;
    }
}
