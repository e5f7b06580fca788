using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>One property of an object type, with its decorators: <c>@description('...') name: string?</c>.</summary>
internal sealed class ObjectTypePropertySyntax : SyntaxNode
{
    public ObjectTypePropertySyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SyntaxNode key, TypeSyntax value)
        : base(span)
    {
        Decorators = decorators;
        Key = key;
        Value = value;
    }

    public IReadOnlyList<DecoratorSyntax> Decorators { get; }

    /// <summary>An <see cref="IdentifierSyntax"/> or a <see cref="StringSyntax"/>.</summary>
    public SyntaxNode Key { get; }

    public TypeSyntax Value { get; }

    /// <summary>The key as text when it is an identifier or a string without interpolation; otherwise null.</summary>
    public string? KeyName => Key switch
    {
        IdentifierSyntax identifier when !identifier.IsMissing => identifier.Name,
        StringSyntax text => text.Value,
        _ => null,
    };

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
