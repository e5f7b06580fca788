using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An object literal. In a resource body it may also hold nested child resource declarations.</summary>
internal sealed class ObjectSyntax : ExpressionSyntax
{
    public ObjectSyntax(SourceSpan span, IReadOnlyList<SyntaxNode> items)
        : base(span)
    {
        Items = items;
    }

    /// <summary>Properties (<see cref="ObjectPropertySyntax"/>), spreads (<see cref="SpreadSyntax"/>) and, in a resource body, nested resources (<see cref="ResourceDeclarationSyntax"/>), in source order; a <see cref="MissingDeclarationSyntax"/> holds decorators left without a resource.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; }

    private IReadOnlyList<ObjectPropertySyntax>? properties;
    private IReadOnlyList<ResourceDeclarationSyntax>? resources;

    /// <summary>The <c>key: value</c> properties, in source order.</summary>
    public IReadOnlyList<ObjectPropertySyntax> Properties => properties ??= ItemsOf<ObjectPropertySyntax>();

    /// <summary>Child resources declared inside this object (only in a resource body).</summary>
    public IReadOnlyList<ResourceDeclarationSyntax> Resources => resources ??= ItemsOf<ResourceDeclarationSyntax>();

    /// <summary>The first property whose key is <paramref name="name"/>, compared without case as Bicep does; null if none.</summary>
    public ObjectPropertySyntax? TryGetProperty(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.KeyName, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return property;
            }
        }

        return null;
    }

    private IReadOnlyList<TItem> ItemsOf<TItem>()
        where TItem : SyntaxNode
    {
        var list = new List<TItem>();
        foreach (var item in Items)
        {
            if (item is TItem typed)
            {
                list.Add(typed);
            }
        }

        return list;
    }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield break;
    }
}
