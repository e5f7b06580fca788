using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An object type: <c>{ name: string, size: int? }</c>.</summary>
internal sealed class ObjectTypeSyntax : TypeSyntax
{
    public ObjectTypeSyntax(SourceSpan span, IReadOnlyList<ObjectTypePropertySyntax> properties, ObjectTypeAdditionalPropertiesSyntax? additionalProperties)
        : base(span)
    {
        Properties = properties;
        AdditionalProperties = additionalProperties;
    }

    public IReadOnlyList<ObjectTypePropertySyntax> Properties { get; }

    /// <summary>The <c>*: type</c> entry, or null.</summary>
    public ObjectTypeAdditionalPropertiesSyntax? AdditionalProperties { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var item in Properties)
        {
            yield return item;
        }

        if (AdditionalProperties is not null)
        {
            yield return AdditionalProperties;
        }
    }
}
