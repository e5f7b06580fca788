using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A tuple type: <c>[string, int]</c>.</summary>
internal sealed class TupleTypeSyntax : TypeSyntax
{
    public TupleTypeSyntax(SourceSpan span, IReadOnlyList<TupleTypeItemSyntax> items)
        : base(span)
    {
        Items = items;
    }

    public IReadOnlyList<TupleTypeItemSyntax> Items { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var item in Items)
        {
            yield return item;
        }
    }
}
