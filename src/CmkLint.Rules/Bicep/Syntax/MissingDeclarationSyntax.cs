using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Decorators that are not followed by a declaration.</summary>
internal sealed class MissingDeclarationSyntax : StatementSyntax
{
    public MissingDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan)
        : base(span, decorators, keywordSpan)
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }
    }
}
