using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A parameter of a user-defined function: <c>name string</c>.</summary>
internal sealed class TypedParameterSyntax : SyntaxNode
{
    public TypedParameterSyntax(SourceSpan span, IdentifierSyntax name, TypeSyntax @type)
        : base(span)
    {
        Name = name;
        Type = @type;
    }

    public IdentifierSyntax Name { get; }

    public TypeSyntax Type { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Name;

        yield return Type;
    }
}
