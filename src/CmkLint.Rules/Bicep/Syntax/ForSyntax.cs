using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A for-expression: <c>[for x in items: body]</c> or <c>[for (x, i) in items: body]</c>.</summary>
internal sealed class ForSyntax : ExpressionSyntax
{
    public ForSyntax(SourceSpan span, IdentifierSyntax itemVariable, IdentifierSyntax? indexVariable, ExpressionSyntax expression, ExpressionSyntax body)
        : base(span)
    {
        ItemVariable = itemVariable;
        IndexVariable = indexVariable;
        Expression = expression;
        Body = body;
    }

    /// <summary>The item variable (missing when the loop header is broken).</summary>
    public IdentifierSyntax ItemVariable { get; }

    /// <summary>The index variable of the <c>(x, i)</c> form, or null.</summary>
    public IdentifierSyntax? IndexVariable { get; }

    /// <summary>What the loop iterates over.</summary>
    public ExpressionSyntax Expression { get; }

    /// <summary>The loop body: any expression, or in a resource or module an <see cref="ObjectSyntax"/> or <see cref="IfConditionSyntax"/>.</summary>
    public ExpressionSyntax Body { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return ItemVariable;

        if (IndexVariable is not null)
        {
            yield return IndexVariable;
        }

        yield return Expression;

        yield return Body;
    }
}
