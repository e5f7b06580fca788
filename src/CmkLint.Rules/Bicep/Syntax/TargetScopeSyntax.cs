using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>targetScope = 'subscription'</c>.</summary>
internal sealed class TargetScopeSyntax : StatementSyntax
{
    public TargetScopeSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, ExpressionSyntax value)
        : base(span, decorators, keywordSpan)
    {
        Value = value;
    }

    public ExpressionSyntax Value { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        yield return Value;
    }
}
