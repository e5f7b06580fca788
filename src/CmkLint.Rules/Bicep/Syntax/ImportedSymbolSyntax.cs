using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>One symbol in <c>import {a, b as c} from '...'</c>.</summary>
internal sealed class ImportedSymbolSyntax : SyntaxNode
{
    public ImportedSymbolSyntax(SourceSpan span, SyntaxNode originalName, IdentifierSyntax? alias)
        : base(span)
    {
        OriginalName = originalName;
        Alias = alias;
    }

    /// <summary>An <see cref="IdentifierSyntax"/>, or a <see cref="StringSyntax"/> for names that are not identifiers.</summary>
    public SyntaxNode OriginalName { get; }

    /// <summary>The name after <c>as</c>, or null.</summary>
    public IdentifierSyntax? Alias { get; }

    /// <summary>The exported name, or null when it is broken.</summary>
    public string? OriginalNameText => OriginalName switch
    {
        IdentifierSyntax identifier when !identifier.IsMissing => identifier.Name,
        StringSyntax text => text.Value,
        _ => null,
    };

    /// <summary>The name the symbol gets in this file: the alias, else the original name.</summary>
    public string? LocalName => Alias is not null && !Alias.IsMissing ? Alias.Name : OriginalNameText;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        if (Alias is not null)
        {
            yield return Alias;
        }
    }
}
