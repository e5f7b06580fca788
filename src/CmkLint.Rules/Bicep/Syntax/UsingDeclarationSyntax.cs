using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>using 'main.bicep'</c> or <c>using none</c> in a <c>.bicepparam</c> file.</summary>
internal sealed class UsingDeclarationSyntax : StatementSyntax
{
    public UsingDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, SyntaxNode? path, bool isNone, ObjectSyntax? config)
        : base(span, decorators, keywordSpan)
    {
        Path = path;
        IsNone = isNone;
        Config = config;
    }

    /// <summary>The template path (<see cref="StringSyntax"/>), or null for <c>using none</c>.</summary>
    public SyntaxNode? Path { get; }

    /// <summary>True for <c>using none</c>.</summary>
    public bool IsNone { get; }

    /// <summary>The object after <c>with</c>, or null.</summary>
    public ObjectSyntax? Config { get; }

    /// <summary>The path text, or null.</summary>
    public string? PathText => (Path as StringSyntax)?.Value;

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren()
    {
        foreach (var decorator in Decorators)
        {
            yield return decorator;
        }

        if (Config is not null)
        {
            yield return Config;
        }
    }
}
