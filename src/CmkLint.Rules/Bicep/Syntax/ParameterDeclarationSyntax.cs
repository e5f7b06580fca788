using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>param name type = default</c> in a Bicep file.</summary>
internal sealed class ParameterDeclarationSyntax : DeclarationSyntax
{
    public ParameterDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, TypeSyntax @type, ExpressionSyntax? defaultValue)
        : base(span, decorators, keywordSpan, name)
    {
        Type = @type;
        DefaultValue = defaultValue;
    }

    public TypeSyntax Type { get; }

    /// <summary>The default value, or null when there is none.</summary>
    public ExpressionSyntax? DefaultValue { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        yield return Name;

        yield return Type;

        if (DefaultValue is not null)
        {
            yield return DefaultValue;
        }
    }
}
