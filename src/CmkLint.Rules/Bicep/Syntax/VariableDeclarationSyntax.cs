using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>var name = value</c>, or <c>var name type = value</c>.</summary>
internal sealed class VariableDeclarationSyntax : DeclarationSyntax
{
    public VariableDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, TypeSyntax? @type, ExpressionSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Type = @type;
        Value = value;
    }

    /// <summary>The declared type, or null.</summary>
    public TypeSyntax? Type { get; }

    public ExpressionSyntax Value { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        yield return Name;

        if (Type is not null)
        {
            yield return Type;
        }

        yield return Value;
    }
}
