using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>output name type = value</c>.</summary>
internal sealed class OutputDeclarationSyntax : DeclarationSyntax
{
    public OutputDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, TypeSyntax @type, ExpressionSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Type = @type;
        Value = value;
    }

    public TypeSyntax Type { get; }

    public ExpressionSyntax Value { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        yield return Name;

        yield return Type;

        yield return Value;
    }
}
