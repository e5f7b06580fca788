using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The <c>*: type</c> entry of an object type, which types every property not listed.</summary>
internal sealed class ObjectTypeAdditionalPropertiesSyntax : SyntaxNode
{
    public ObjectTypeAdditionalPropertiesSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, TypeSyntax value)
        : base(span)
    {
        Decorators = decorators;
        Value = value;
    }

    public IReadOnlyList<DecoratorSyntax> Decorators { get; }

    public TypeSyntax Value { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var item in Decorators)
        {
            yield return item;
        }

        yield return Value;
    }
}
