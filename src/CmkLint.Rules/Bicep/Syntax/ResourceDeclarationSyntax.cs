using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary><c>resource name 'Type@version' [existing] = body</c>, at the top level or nested in a resource body.</summary>
internal sealed class ResourceDeclarationSyntax : DeclarationSyntax
{
    public ResourceDeclarationSyntax(SourceSpan span, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keywordSpan, IdentifierSyntax name, SyntaxNode @type, bool isExisting, ExpressionSyntax value)
        : base(span, decorators, keywordSpan, name)
    {
        Type = @type;
        IsExisting = isExisting;
        Value = value;
    }

    /// <summary>The type string (<see cref="StringSyntax"/>), or <see cref="SkippedSyntax"/> when missing.</summary>
    public SyntaxNode Type { get; }

    /// <summary>True for <c>existing</c> resources.</summary>
    public bool IsExisting { get; }

    /// <summary>An <see cref="ObjectSyntax"/>, <see cref="IfConditionSyntax"/> or <see cref="ForSyntax"/>; <see cref="SkippedSyntax"/> when broken.</summary>
    public ExpressionSyntax Value { get; }

    /// <summary>The whole type string, such as <c>Microsoft.Storage/storageAccounts@2023-01-01</c>, or null when missing or interpolated.</summary>
    public string? TypeString => (Type as StringSyntax)?.Value;

    /// <summary>The resource type without the API version (the text before <c>@</c>), or null.</summary>
    public string? ResourceType
    {
        get
        {
            var text = TypeString;
            if (text is null)
            {
                return null;
            }

            int at = text.IndexOf('@');
            return at < 0 ? text : text.Substring(0, at);
        }
    }

    /// <summary>The API version (the text after <c>@</c>), or null when there is none.</summary>
    public string? ApiVersion
    {
        get
        {
            var text = TypeString;
            int at = text is null ? -1 : text.IndexOf('@');
            return at < 0 ? null : text!.Substring(at + 1);
        }
    }

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
