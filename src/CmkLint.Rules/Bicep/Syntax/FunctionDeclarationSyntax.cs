using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>func name(a string, b int) string => expression</c>.</summary>
internal sealed class FunctionDeclarationSyntax : DeclarationSyntax
{
    public FunctionDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, IReadOnlyList<TypedParameterSyntax> parameters, TypeSyntax returnType, ExpressionSyntax body)
        : base(span, decorators, keywordSpan, name)
    {
        Parameters = parameters;
        ReturnType = returnType;
        Body = body;
    }

    public IReadOnlyList<TypedParameterSyntax> Parameters { get; }

    public TypeSyntax ReturnType { get; }

    public ExpressionSyntax Body { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        yield return Name;

        foreach (var item in Parameters)
        {
            yield return item;
        }

        yield return ReturnType;

        yield return Body;
    }
}
