using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A type with arguments: <c>resourceInput&lt;'Microsoft.Storage/storageAccounts@2023-01-01'&gt;</c>, <c>resourceOutput&lt;...&gt;</c>.</summary>
internal sealed class ParameterizedTypeSyntax : TypeSyntax
{
    public ParameterizedTypeSyntax(SourceSpan span, TypeSyntax? baseExpression, IdentifierSyntax name, IReadOnlyList<TypeSyntax> arguments)
        : base(span)
    {
        BaseExpression = baseExpression;
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The qualifier in <c>sys.resourceInput&lt;...&gt;</c>, or null.</summary>
    public TypeSyntax? BaseExpression { get; }

    public IdentifierSyntax Name { get; }

    public IReadOnlyList<TypeSyntax> Arguments { get; }

    /// <summary>The type name, such as <c>resourceInput</c>.</summary>
    public string TypeName => Name.Name;

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
