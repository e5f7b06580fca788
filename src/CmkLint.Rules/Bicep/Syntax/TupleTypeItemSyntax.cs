using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>One item of a tuple type, with its decorators.</summary>
internal sealed class TupleTypeItemSyntax : SyntaxNode
{
    public TupleTypeItemSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, TypeSyntax value)
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
