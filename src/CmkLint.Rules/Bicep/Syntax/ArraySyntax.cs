using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An array literal; items may be <see cref="SpreadSyntax"/>.</summary>
public sealed class ArraySyntax : ExpressionSyntax
{
    public ArraySyntax(SourceSpan span, IReadOnlyList<ExpressionSyntax> items)
        : base(span)
    {
        Items = items;
    }

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
