using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A type in parentheses.</summary>
internal sealed class ParenthesizedTypeSyntax : TypeSyntax
{
    public ParenthesizedTypeSyntax(SourceSpan span, TypeSyntax @type)
        : base(span)
    {
        Type = @type;
    }

    public TypeSyntax Type { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Type;
    }
}
