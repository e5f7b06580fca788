using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Text that could not be parsed as an expression, or an expression that is missing (then its span is empty); the error is in the tree's diagnostics.</summary>
internal sealed class SkippedSyntax : ExpressionSyntax
{
    public SkippedSyntax(SourceSpan span)
        : base(span)
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield break;
    }
}
