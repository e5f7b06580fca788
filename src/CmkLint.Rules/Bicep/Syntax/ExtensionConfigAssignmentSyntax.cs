using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>extensionConfig name with { ... }</c> in a <c>.bicepparam</c> file.</summary>
internal sealed class ExtensionConfigAssignmentSyntax : DeclarationSyntax
{
    public ExtensionConfigAssignmentSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, ObjectSyntax? config)
        : base(span, decorators, keywordSpan, name)
    {
        Config = config;
    }

    public ObjectSyntax? Config { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        yield return Name;

        if (Config is not null)
        {
            yield return Config;
        }
    }
}
