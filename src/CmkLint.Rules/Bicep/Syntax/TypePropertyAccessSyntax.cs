using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A qualified type or a member of a type: <c>types.myType</c>, <c>sys.string</c>, <c>myType.prop</c>.</summary>
internal sealed class TypePropertyAccessSyntax : TypeSyntax
{
    public TypePropertyAccessSyntax(SourceSpan span, TypeSyntax baseExpression, IdentifierSyntax property)
        : base(span)
    {
        BaseExpression = baseExpression;
        Property = property;
    }

    public TypeSyntax BaseExpression { get; }

    public IdentifierSyntax Property { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseExpression;

        yield return Property;
    }
}
