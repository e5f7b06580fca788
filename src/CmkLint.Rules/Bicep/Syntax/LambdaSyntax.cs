using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A lambda: <c>x => ...</c>, <c>(a, b) => ...</c> or <c>() => ...</c>.</summary>
internal sealed class LambdaSyntax : ExpressionSyntax
{
    public LambdaSyntax(SourceSpan span, IReadOnlyList<IdentifierSyntax> parameters, ExpressionSyntax body)
        : base(span)
    {
        Parameters = parameters;
        Body = body;
    }

    public IReadOnlyList<IdentifierSyntax> Parameters { get; }

    public ExpressionSyntax Body { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var item in Parameters)
        {
            yield return item;
        }

        yield return Body;
    }
}
