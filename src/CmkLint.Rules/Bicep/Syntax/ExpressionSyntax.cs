using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A value expression.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    protected ExpressionSyntax(SourceSpan span)
        : base(span)
    {
    }
}
