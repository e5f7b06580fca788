using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A value expression.</summary>
internal abstract class ExpressionSyntax : SyntaxNode
{
    protected ExpressionSyntax(SourceSpan span)
        : base(span)
    {
    }
}
