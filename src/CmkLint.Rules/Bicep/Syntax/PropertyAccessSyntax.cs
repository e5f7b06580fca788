using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Property access: <c>x.name</c>, or the safe form <c>x.?name</c>.</summary>
internal sealed class PropertyAccessSyntax : ExpressionSyntax
{
    public PropertyAccessSyntax(SourceSpan span, ExpressionSyntax baseExpression, IdentifierSyntax property, bool isSafe)
        : base(span)
    {
        BaseExpression = baseExpression;
        Property = property;
        IsSafe = isSafe;
    }

    public ExpressionSyntax BaseExpression { get; }

    public IdentifierSyntax Property { get; }

    /// <summary>True for <c>.?</c>, which yields null instead of failing.</summary>
    public bool IsSafe { get; }

    /// <summary>The property name.</summary>
    public string PropertyName => Property.Name;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return BaseExpression;

        yield return Property;
    }
}
