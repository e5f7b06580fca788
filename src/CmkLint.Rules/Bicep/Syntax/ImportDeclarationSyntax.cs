using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A compile-time import: <c>import * as x from '...'</c> or <c>import {a, b as c} from '...'</c>.</summary>
internal sealed class ImportDeclarationSyntax : StatementSyntax
{
    public ImportDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IReadOnlyList<ImportedSymbolSyntax> symbols, IdentifierSyntax? wildcardAlias, SyntaxNode path)
        : base(span, decorators, keywordSpan)
    {
        Symbols = symbols;
        WildcardAlias = wildcardAlias;
        Path = path;
    }

    /// <summary>The listed symbols; empty for a wildcard import.</summary>
    public IReadOnlyList<ImportedSymbolSyntax> Symbols { get; }

    /// <summary>The namespace name of <c>import * as name</c>, or null.</summary>
    public IdentifierSyntax? WildcardAlias { get; }

    /// <summary>The path after <c>from</c> (<see cref="StringSyntax"/>), or <see cref="SkippedSyntax"/> when missing.</summary>
    public SyntaxNode Path { get; }

    /// <summary>True for <c>import * as name from ...</c>.</summary>
    public bool IsWildcard => WildcardAlias is not null;

    /// <summary>The path text, or null when missing or interpolated.</summary>
    public string? PathText => (Path as StringSyntax)?.Value;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        foreach (var item in Symbols)
        {
            yield return item;
        }

        if (WildcardAlias is not null)
        {
            yield return WildcardAlias;
        }
    }
}
