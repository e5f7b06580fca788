using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An array literal.</summary>
internal sealed class ArraySyntax : ExpressionSyntax
{
    public ArraySyntax(SourceSpan span, IReadOnlyList<ExpressionSyntax> items)
        : base(span)
    {
        Items = items;
    }

    /// <summary>The items in order; an item may be a <see cref="SpreadSyntax"/>, or a <see cref="SkippedSyntax"/> where an item could not be parsed.</summary>
    public IReadOnlyList<ExpressionSyntax> Items { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var item in Items)
        {
            yield return item;
        }
    }
}
