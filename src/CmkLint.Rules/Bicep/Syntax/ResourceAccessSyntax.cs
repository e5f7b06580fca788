using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Access to a nested resource: <c>parent::child</c>.</summary>
internal sealed class ResourceAccessSyntax : ExpressionSyntax
{
    public ResourceAccessSyntax(SourceSpan span, ExpressionSyntax baseExpression, IdentifierSyntax resourceName)
        : base(span)
    {
        BaseExpression = baseExpression;
        ResourceName = resourceName;
    }

    public ExpressionSyntax BaseExpression { get; }

    public IdentifierSyntax ResourceName { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseExpression;

        yield return ResourceName;
    }
}
