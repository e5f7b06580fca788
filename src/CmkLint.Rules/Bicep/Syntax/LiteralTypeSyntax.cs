using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A literal used as a type: <c>'a'</c>, <c>1</c>, <c>-1</c>, <c>true</c>, <c>null</c>.</summary>
internal sealed class LiteralTypeSyntax : TypeSyntax
{
    public LiteralTypeSyntax(SourceSpan span, ExpressionSyntax literal)
        : base(span)
    {
        Literal = literal;
    }

    /// <summary>A string, integer, boolean or null literal, or a unary operation over one.</summary>
    public ExpressionSyntax Literal { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Literal;
    }
}
