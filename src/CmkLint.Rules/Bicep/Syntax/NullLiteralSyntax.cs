using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>null</c>.</summary>
internal sealed class NullLiteralSyntax : ExpressionSyntax
{
    public NullLiteralSyntax(SourceSpan span)
        : base(span)
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield break;
    }
}
