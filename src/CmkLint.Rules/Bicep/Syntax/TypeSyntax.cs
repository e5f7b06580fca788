using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A type expression, as written after <c>param name</c>, <c>output name</c> or <c>type name =</c>.</summary>
internal abstract class TypeSyntax : SyntaxNode
{
    protected TypeSyntax(SourceSpan span)
        : base(span)
    {
    }
}
