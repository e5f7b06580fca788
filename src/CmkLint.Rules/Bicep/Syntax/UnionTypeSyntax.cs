using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A union of types: <c>'a' | 'b' | 'c'</c>.</summary>
internal sealed class UnionTypeSyntax : TypeSyntax
{
    public UnionTypeSyntax(SourceSpan span, IReadOnlyList<TypeSyntax> members)
        : base(span)
    {
        Members = members;
    }

    public IReadOnlyList<TypeSyntax> Members { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var item in Members)
        {
            yield return item;
        }
    }
}
