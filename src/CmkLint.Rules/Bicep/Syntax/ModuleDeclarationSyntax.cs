using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>module name 'path' = body</c>; the path may be relative or a registry (<c>br:</c>) or template spec (<c>ts:</c>) reference.</summary>
internal sealed class ModuleDeclarationSyntax : DeclarationSyntax
{
    public ModuleDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, SyntaxNode path, ExpressionSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Path = path;
        Value = value;
    }

    /// <summary>The path string (<see cref="StringSyntax"/>), or <see cref="SkippedSyntax"/> when missing.</summary>
    public SyntaxNode Path { get; }

    /// <summary>An <see cref="ObjectSyntax"/>, <see cref="IfConditionSyntax"/> or <see cref="ForSyntax"/>; <see cref="SkippedSyntax"/> when broken.</summary>
    public ExpressionSyntax Value { get; }

    /// <summary>The path text, or null when missing or interpolated.</summary>
    public string? PathText => (Path as StringSyntax)?.Value;

    /// <summary>The condition of an <c>if</c> body or of a loop body <c>[for ...: if (c) {...}]</c>, or null.</summary>
    public IfConditionSyntax? Condition => Value as IfConditionSyntax ?? (Value as ForSyntax)?.Body as IfConditionSyntax;

    /// <summary>The loop when the value is <c>[for ...]</c>, or null.</summary>
    public ForSyntax? Loop => Value as ForSyntax;

    /// <summary>The body object, looking through the loop and the condition; null when the body is broken.</summary>
    public ObjectSyntax? Body
    {
        get
        {
            var value = Value is ForSyntax loop ? loop.Body : Value;
            if (value is IfConditionSyntax condition)
            {
                value = condition.Body;
            }

            return value as ObjectSyntax;
        }
    }

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
