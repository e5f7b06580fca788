using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A nullable type: <c>string?</c>.</summary>
internal sealed class NullableTypeSyntax : TypeSyntax
{
    public NullableTypeSyntax(SourceSpan span, TypeSyntax baseType)
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
