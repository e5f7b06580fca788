using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>test name 'path' = { ... }</c>.</summary>
internal sealed class TestDeclarationSyntax : DeclarationSyntax
{
    public TestDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, SyntaxNode path, ExpressionSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Path = path;
        Value = value;
    }

    public SyntaxNode Path { get; }

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
