using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The item type of an array type: <c>myArray[*]</c>.</summary>
internal sealed class TypeItemsAccessSyntax : TypeSyntax
{
    public TypeItemsAccessSyntax(SourceSpan span, TypeSyntax baseExpression)
        : base(span)
    {
        BaseExpression = baseExpression;
    }

    public TypeSyntax BaseExpression { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseExpression;
    }
}
