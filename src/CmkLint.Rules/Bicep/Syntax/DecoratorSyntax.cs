using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A decorator: <c>@description('...')</c>, <c>@sys.allowed([...])</c>, <c>@secure()</c>, <c>@batchSize(2)</c>.</summary>
internal sealed class DecoratorSyntax : SyntaxNode
{
    public DecoratorSyntax(SourceSpan span, ExpressionSyntax expression)
        : base(span)
    {
        Expression = expression;
    }

    /// <summary>A <see cref="FunctionCallSyntax"/> normally; a <see cref="VariableAccessSyntax"/> or <see cref="PropertyAccessSyntax"/> without parentheses; <see cref="SkippedSyntax"/> when broken.</summary>
    public ExpressionSyntax Expression { get; }

    /// <summary>The decorator's name (<c>description</c> for <c>@sys.description(...)</c>), or null when broken.</summary>
    public string? Name => Expression switch
    {
        FunctionCallSyntax call => call.FunctionName,
        VariableAccessSyntax variable => variable.SymbolName,
        PropertyAccessSyntax property => property.PropertyName,
        _ => null,
    };

    /// <summary>The namespace before the name (<c>sys</c> in <c>@sys.description</c>), or null.</summary>
    public string? Namespace => (Expression as FunctionCallSyntax)?.Qualifier;

    /// <summary>The arguments of the call; empty without parentheses.</summary>
    public IReadOnlyList<ExpressionSyntax> Arguments => (Expression as FunctionCallSyntax)?.Arguments ?? System.Array.Empty<ExpressionSyntax>();

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Expression;
    }
}
