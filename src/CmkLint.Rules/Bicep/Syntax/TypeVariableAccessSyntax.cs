using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A type by name: <c>string</c>, <c>int</c>, <c>object</c>, or a user-defined type.</summary>
internal sealed class TypeVariableAccessSyntax : TypeSyntax
{
    public TypeVariableAccessSyntax(SourceSpan span, IdentifierSyntax name)
        : base(span)
    {
        Name = name;
    }

    public IdentifierSyntax Name { get; }

    /// <summary>The type name.</summary>
    public string TypeName => Name.Name;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Name;
    }
}
