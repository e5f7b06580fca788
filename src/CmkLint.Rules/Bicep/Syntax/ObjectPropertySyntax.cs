using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>One <c>key: value</c> property of an object literal.</summary>
internal sealed class ObjectPropertySyntax : SyntaxNode
{
    public ObjectPropertySyntax(SourceSpan span, SyntaxNode key, ExpressionSyntax value)
        : base(span)
    {
        Key = key;
        Value = value;
    }

    /// <summary>An <see cref="IdentifierSyntax"/>, a <see cref="StringSyntax"/> (possibly interpolated), or a <see cref="SkippedSyntax"/>.</summary>
    public SyntaxNode Key { get; }

    public ExpressionSyntax Value { get; }

    /// <summary>The key as text when it is an identifier or a string without interpolation; otherwise null.</summary>
    public string? KeyName => Key switch
    {
        IdentifierSyntax identifier when !identifier.IsMissing => identifier.Name,
        StringSyntax text => text.Value,
        _ => null,
    };

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield return Value;
    }
}
