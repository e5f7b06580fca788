using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A non-nullable type: <c>myType!</c>.</summary>
internal sealed class NonNullableTypeSyntax : TypeSyntax
{
    public NonNullableTypeSyntax(SourceSpan span, TypeSyntax baseType)
        : base(span)
    {
        BaseType = baseType;
    }

    public TypeSyntax BaseType { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseType;
    }
}
