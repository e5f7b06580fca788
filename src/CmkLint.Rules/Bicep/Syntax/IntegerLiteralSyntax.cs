using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An integer literal; a negative number is a <see cref="UnaryOperationSyntax"/> over one of these.</summary>
internal sealed class IntegerLiteralSyntax : ExpressionSyntax
{
    public IntegerLiteralSyntax(SourceSpan span, ulong value)
        : base(span)
    {
        Value = value;
    }

    /// <summary>The value; 0 when the digits do not fit (an error is reported).</summary>
    public ulong Value { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield break;
    }
}
