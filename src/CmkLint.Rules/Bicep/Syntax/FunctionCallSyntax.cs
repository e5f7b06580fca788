using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A function call: <c>concat(a, b)</c>, <c>sys.concat(a)</c>, <c>az.resourceGroup()</c> or a method such as <c>stg.listKeys()</c>.</summary>
internal sealed class FunctionCallSyntax : ExpressionSyntax
{
    public FunctionCallSyntax(SourceSpan span, ExpressionSyntax? baseExpression, IdentifierSyntax name, IReadOnlyList<ExpressionSyntax> arguments)
        : base(span)
    {
        BaseExpression = baseExpression;
        Name = name;
        Arguments = arguments;
    }

    /// <summary>What precedes the dot (<c>sys</c>, <c>az</c>, a resource), or null for a plain call.</summary>
    public ExpressionSyntax? BaseExpression { get; }

    public IdentifierSyntax Name { get; }

    public IReadOnlyList<ExpressionSyntax> Arguments { get; }

    /// <summary>The function name.</summary>
    public string FunctionName => Name.Name;

    /// <summary>The namespace or symbol before the dot when it is a plain name (<c>sys</c>, <c>az</c>, a resource's symbolic name); otherwise null.</summary>
    public string? Qualifier => (BaseExpression as VariableAccessSyntax)?.SymbolName;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        if (BaseExpression is not null)
        {
            yield return BaseExpression;
        }

        yield return Name;

        foreach (var item in Arguments)
        {
            yield return item;
        }
    }
}
