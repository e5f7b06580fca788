using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The additional-properties type of an object type: <c>myObject.*</c>.</summary>
internal sealed class TypeAdditionalPropertiesAccessSyntax : TypeSyntax
{
    public TypeAdditionalPropertiesAccessSyntax(SourceSpan span, TypeSyntax baseExpression)
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
