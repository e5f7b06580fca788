using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The <c>resource 'Type@version'</c> type of a parameter or output.</summary>
internal sealed class ResourceTypeSyntax : TypeSyntax
{
    public ResourceTypeSyntax(SourceSpan span, StringSyntax? typeString)
        : base(span)
    {
        TypeString = typeString;
    }

    /// <summary>The resource type string; null when omitted (allowed on outputs).</summary>
    public StringSyntax? TypeString { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        if (TypeString is not null)
        {
            yield return TypeString;
        }
    }
}
