using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>assert name = condition</c>.</summary>
internal sealed class AssertDeclarationSyntax : DeclarationSyntax
{
    public AssertDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, ExpressionSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Value = value;
    }

    public ExpressionSyntax Value { get; }

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
