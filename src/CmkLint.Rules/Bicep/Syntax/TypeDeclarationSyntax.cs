using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>type name = typeExpression</c>.</summary>
internal sealed class TypeDeclarationSyntax : DeclarationSyntax
{
    public TypeDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, TypeSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Value = value;
    }

    public TypeSyntax Value { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        yield return Name;

        yield return Value;
    }
}
