using System;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// <c>empty</c>, <c>length</c>, <c>contains</c>, <c>equals</c> and comparisons decided from a symbolic
/// value's known structure: a resource ID is never empty, a string with a non-empty known part is not
/// empty and never equals <c>''</c> or <c>null</c>. Anything the structure does not decide stays undecided.
/// </summary>
internal static class ThreeValuedPredicates
{
    /// <summary>The predicate's value when the structure of a symbolic argument decides it; false to fall through.</summary>
    public static bool TryInvoke(string key, Value[] a, SourceSpan span, out Value result)
    {
        result = null!;
        switch (key)
        {
            case "empty" when a.Length == 1 && !a[0].IsKnown:
                if (IsNonEmpty(a[0]))
                {
                    result = new BoolValue(false, span);
                    return true;
                }

                return false;
            case "length" when a.Length == 1 && a[0] is ObjectValue obj && !obj.IsOpen && Values.HasSymbolicKeys(obj) && DistinctKeys(obj):
                result = new NumberValue(obj.Properties.Count, span);
                return true;
            case "equals" when a.Length == 2:
            case "equalsignorecase" when a.Length == 2:
                if (Values.Same(a[0], a[1]) is null && (ProvedDifferent(a[0], a[1]) || ProvedDifferent(a[1], a[0])))
                {
                    result = new BoolValue(false, span);
                    return true;
                }

                return false;
            case "contains" when a.Length == 2 && a[1] is StringValue find && !a[0].IsKnown:
                return TryContains(a[0], find.Text, span, out result);
            default:
                return false;
        }
    }

    /// <summary>Whether a symbolic value is proved to be a non-empty string (or a resource, never empty).</summary>
    internal static bool IsNonEmpty(Value value)
    {
        switch (value)
        {
            case ResourceIdValue:
                return true;
            case CompositeStringValue composite:
                foreach (var part in composite.Parts)
                {
                    if ((part is StringValue s && s.Text.Length > 0) || IsNonEmpty(part))
                    {
                        return true;
                    }
                }

                return false;
            case RuntimeValue runtime:
                return runtime.Description.StartsWith("uniqueString(", StringComparison.OrdinalIgnoreCase)
                    || runtime.Description.StartsWith("guid(", StringComparison.OrdinalIgnoreCase)
                    || runtime.Description.StartsWith("newGuid(", StringComparison.OrdinalIgnoreCase)
                    || runtime.Description.StartsWith("utcNow(", StringComparison.OrdinalIgnoreCase)
                    || runtime.Description.Equals("subscription().subscriptionId", StringComparison.OrdinalIgnoreCase)
                    || runtime.Description.Equals("resourceGroup().name", StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    /// <summary><paramref name="symbolic"/> is a non-empty string and <paramref name="other"/> is <c>''</c> or <c>null</c>.</summary>
    private static bool ProvedDifferent(Value symbolic, Value other) =>
        !symbolic.IsKnown && IsNonEmpty(symbolic) && (other is NullValue || other is StringValue { Text.Length: 0 } || other is BoolValue || other is NumberValue);

    private static bool DistinctKeys(ObjectValue obj)
    {
        for (int i = 0; i < obj.Properties.Count; i++)
        {
            for (int j = i + 1; j < obj.Properties.Count; j++)
            {
                var x = obj.Properties[i].KeyValue ?? new StringValue(obj.Properties[i].Name);
                var y = obj.Properties[j].KeyValue ?? new StringValue(obj.Properties[j].Name);
                if (Values.Same(x, y, ignoreCase: true) != false && !ProvedDistinctKeys(x, y))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Two resource IDs of different types (or a resource ID and a plain name) are different keys.</summary>
    private static bool ProvedDistinctKeys(Value x, Value y) =>
        (x is ResourceIdValue ix && y is ResourceIdValue iy && !string.Equals(ix.Type, iy.Type, StringComparison.OrdinalIgnoreCase))
        || (x is ResourceIdValue && y is StringValue sy && !sy.Text.StartsWith("/", StringComparison.Ordinal))
        || (y is ResourceIdValue && x is StringValue sx && !sx.Text.StartsWith("/", StringComparison.Ordinal));

    /// <summary><c>contains(symbolicString, 'text')</c>: true when a known part holds the text; false when no part can.</summary>
    private static bool TryContains(Value value, string text, SourceSpan span, out Value result)
    {
        result = null!;
        if (value is not ResourceIdValue && value is not CompositeStringValue)
        {
            return false;
        }

        var pieces = SymbolicStrings.Pieces(value);
        if (pieces is null)
        {
            return false;
        }

        foreach (var piece in pieces)
        {
            if (piece.Value is StringValue s && s.Text.IndexOf(text, StringComparison.Ordinal) >= 0)
            {
                result = new BoolValue(true, span);
                return true;
            }
        }

        return false;
    }
}
