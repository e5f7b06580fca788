using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A type that is missing or could not be parsed; the error is in the tree's diagnostics.</summary>
internal sealed class SkippedTypeSyntax : TypeSyntax
{
    public SkippedTypeSyntax(SourceSpan span)
        : base(span)
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield break;
    }
}
