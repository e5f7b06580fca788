using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A statement that declares a named symbol (parameter, variable, resource, module, output, type, function, ...).</summary>
internal abstract class DeclarationSyntax : StatementSyntax
{
    protected DeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name)
        : base(span, decorators, keywordSpan)
    {
        Name = name;
    }

    /// <summary>The declared name; <see cref="IdentifierSyntax.IsMissing"/> when the declaration has none.</summary>
    public IdentifierSyntax Name { get; }

    /// <summary>The declared name as text (empty when missing).</summary>
    public string SymbolName => Name.Name;

    /// <summary>The span of the name identifier.</summary>
    public SourceSpan NameSpan => Name.Span;
}
