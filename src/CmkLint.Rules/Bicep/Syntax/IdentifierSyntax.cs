using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>An identifier: a declared name, a property name, a function name.</summary>
internal sealed class IdentifierSyntax : SyntaxNode
{
    public IdentifierSyntax(SourceSpan span, string name, bool isMissing)
        : base(span)
    {
        Name = name;
        IsMissing = isMissing;
    }

    /// <summary>The identifier text; empty when <see cref="IsMissing"/>.</summary>
    public string Name { get; }

    /// <summary>True when the source has no valid identifier here (an error was reported); the span covers what was skipped.</summary>
    public bool IsMissing { get; }

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        yield break;
    }

    public override string ToString() => IsMissing ? "<missing>" : Name;
}
