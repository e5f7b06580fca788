using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Diagnostics;

/// <summary>How a rule proposes to change the source; <c>Fixes/FixPlanner</c> checks the text and turns it into edits.</summary>
public enum ChangeKind
{
    /// <summary>The literal at the span (a string or boolean written in place) becomes <see cref="SuggestedChange.Replacement"/>.</summary>
    ReplaceLiteral,

    /// <summary>The one property access <c>.Expected</c> inside the span becomes <c>.Replacement</c> (e.g. <c>principalId</c> to <c>clientId</c>).</summary>
    RenameAccess,

    /// <summary>The object literal at the span gets the property <see cref="SuggestedChange.Member"/> with the value <see cref="SuggestedChange.Replacement"/>.</summary>
    AddProperty,

    /// <summary>The array literal of plain literals at the span becomes one holding only <see cref="SuggestedChange.Replacement"/> (a parameter's allowed values).</summary>
    ReplaceArray,

    /// <summary>The one occurrence of the text <see cref="SuggestedChange.Expected"/> inside the span becomes <see cref="SuggestedChange.Replacement"/> (an API version in a type string).</summary>
    ReplaceText,
}

/// <summary>One change of a <see cref="SuggestedFix"/>: what to change at which span, and the value the span must hold now.</summary>
public sealed class SuggestedChange
{
    public SuggestedChange(ChangeKind kind, SourceSpan span, object? expected, object replacement, string? member = null)
    {
        Kind = kind;
        Span = span;
        Expected = expected;
        Replacement = replacement;
        Member = member;
    }

    public ChangeKind Kind { get; }

    public SourceSpan Span { get; }

    /// <summary>What the span holds now (a string or bool literal, an access name, a text); the fix is dropped when the text says otherwise.</summary>
    public object? Expected { get; }

    /// <summary>The new value: a string or bool for literals and properties, a name for accesses, a text for <see cref="ChangeKind.ReplaceText"/>.</summary>
    public object Replacement { get; }

    /// <summary>The property name for <see cref="ChangeKind.AddProperty"/>.</summary>
    public string? Member { get; }
}

/// <summary>What a rule knows would correct a finding, when the values prove it (RULES.md three-valued honesty).</summary>
public sealed class SuggestedFix
{
    public SuggestedFix(string title, params SuggestedChange[] changes)
    {
        Title = title;
        Changes = changes;
    }

    /// <summary>One line for the user, e.g. <c>set sku.name to 'Premium'</c>.</summary>
    public string Title { get; }

    public IReadOnlyList<SuggestedChange> Changes { get; }
}
