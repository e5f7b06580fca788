using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>param name = value</c> in a <c>.bicepparam</c> file.</summary>
internal sealed class ParameterAssignmentSyntax : DeclarationSyntax
{
    public ParameterAssignmentSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, ExpressionSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Value = value;
    }

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
