using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>extends 'base.bicepparam'</c> in a <c>.bicepparam</c> file.</summary>
internal sealed class ExtendsDeclarationSyntax : StatementSyntax
{
    public ExtendsDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, SyntaxNode path)
        : base(span, decorators, keywordSpan)
    {
        Path = path;
    }

    public SyntaxNode Path { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }
    }
}
