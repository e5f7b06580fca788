using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An array type: <c>string[]</c>.</summary>
internal sealed class ArrayTypeSyntax : TypeSyntax
{
    public ArrayTypeSyntax(SourceSpan span, TypeSyntax itemType)
        : base(span)
    {
        ItemType = itemType;
    }

    public TypeSyntax ItemType { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return ItemType;
    }
}
