using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A reference to a symbol by name: a parameter, variable, resource, module, loop variable or namespace such as <c>az</c>.</summary>
internal sealed class VariableAccessSyntax : ExpressionSyntax
{
    public VariableAccessSyntax(SourceSpan span, IdentifierSyntax name)
        : base(span)
    {
        Name = name;
    }

    public IdentifierSyntax Name { get; }

    /// <summary>The referenced symbol's name.</summary>
    public string SymbolName => Name.Name;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Name;
    }
}
