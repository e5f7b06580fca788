using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A condition on a resource or module body: <c>if (condition) { ... }</c>.</summary>
internal sealed class IfConditionSyntax : ExpressionSyntax
{
    public IfConditionSyntax(SourceSpan span, ExpressionSyntax condition, ExpressionSyntax body)
        : base(span)
    {
        Condition = condition;
        Body = body;
    }

    /// <summary>The condition without its parentheses.</summary>
    public ExpressionSyntax Condition { get; }

    /// <summary>The body; an <see cref="ObjectSyntax"/> unless it is broken.</summary>
    public ExpressionSyntax Body { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Condition;

        yield return Body;
    }
}
