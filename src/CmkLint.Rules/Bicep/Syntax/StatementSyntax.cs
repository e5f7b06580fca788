using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A top-level statement (or a resource nested in a resource body), with the decorators written above it.</summary>
internal abstract class StatementSyntax : SyntaxNode
{
    protected StatementSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan)
        : base(span)
    {
        Decorators = decorators;
        KeywordSpan = keywordSpan;
    }

    /// <summary>The decorators, in source order.</summary>
    public IReadOnlyList<DecoratorSyntax> Decorators { get; }

    /// <summary>The span of the leading keyword (<c>param</c>, <c>resource</c>, ...); empty for <see cref="MissingDeclarationSyntax"/>.</summary>
    public SourceSpan KeywordSpan { get; }

    /// <summary>The first decorator with the given name (with or without the <c>sys.</c> prefix), or null.</summary>
    public DecoratorSyntax? TryGetDecorator(string name)
    {
        foreach (var decorator in Decorators)
        {
            if (decorator.Name == name)
            {
                return decorator;
            }
        }

        return null;
    }
}
