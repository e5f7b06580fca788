using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed class BooleanLiteralSyntax : ExpressionSyntax
{
    public BooleanLiteralSyntax(SourceSpan span, bool value)
        : base(span)
    {
        Value = value;
    }

    public bool Value { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield break;
    }
}
