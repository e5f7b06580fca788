using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>extension name [with {...}] [as alias]</c>; also the older <c>provider</c> and <c>import 'name@version'</c> forms.</summary>
internal sealed class ExtensionDeclarationSyntax : StatementSyntax
{
    public ExtensionDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, SyntaxNode specification, ObjectSyntax? config, IdentifierSyntax? alias)
        : base(span, decorators, keywordSpan)
    {
        Specification = specification;
        Config = config;
        Alias = alias;
    }

    /// <summary>An <see cref="IdentifierSyntax"/> (<c>kubernetes</c>) or a <see cref="StringSyntax"/> (<c>'br:...'</c>).</summary>
    public SyntaxNode Specification { get; }

    /// <summary>The object after <c>with</c>, or null.</summary>
    public ObjectSyntax? Config { get; }

    /// <summary>The name after <c>as</c>, or null.</summary>
    public IdentifierSyntax? Alias { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        if (Config is not null)
        {
            yield return Config;
        }

        if (Alias is not null)
        {
            yield return Alias;
        }
    }
}
