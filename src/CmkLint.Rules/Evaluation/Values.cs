using System;
using System.Collections.Generic;

namespace CmkLint.Evaluation;

/// <summary>Three-valued comparisons and conversions over <see cref="Value"/>s.</summary>
public static class Values
{
    /// <summary>Three-valued and: false wins, then unknown (null).</summary>
    public static bool? And(bool? a, bool? b)
    {
        if (a == false || b == false)
        {
            return false;
        }

        if (a is null || b is null)
        {
            return null;
        }

        return true;
    }

    /// <summary>Three-valued or: true wins, then unknown (null).</summary>
    public static bool? Or(bool? a, bool? b)
    {
        if (a == true || b == true)
        {
            return true;
        }

        if (a is null || b is null)
        {
            return null;
        }

        return false;
    }

    /// <summary>
    /// Whether two values are equal: true or false only when the values prove it. Two absent values
    /// (null references) are the same scope part ("this deployment's").
    /// </summary>
    public static bool? Same(Value? a, Value? b, bool ignoreCase = false)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? true : null;
        }

        if (a.IsKnown && b.IsKnown)
        {
            if (HasSymbolicKeys(a) || HasSymbolicKeys(b))
            {
                return null;
            }

            return KnownEquals(a, b, ignoreCase);
        }

        if (a is RuntimeValue ra && b is RuntimeValue rb && ra.Deterministic && rb.Deterministic && ReferenceEquals(ra.Owner, rb.Owner))
        {
            return string.Equals(ra.Description, rb.Description, StringComparison.OrdinalIgnoreCase) ? true : null;
        }

        if (a is CompositeStringValue ca && b is CompositeStringValue cb)
        {
            return SameParts(ca, cb, ignoreCase);
        }

        if (a is ResourceIdValue ia && b is ResourceIdValue ib)
        {
            return ResourceIdValue.Same(ia, ib);
        }

        if (a is ResourceReferenceValue fa && b is ResourceReferenceValue fb)
        {
            bool? res = ResourceIdValue.Same(fa.Resource, fb.Resource);
            if (res == true)
            {
                return fa.PathKey == fb.PathKey ? true : null;
            }

            return res == false ? null : res;
        }

        return null;
    }

    /// <summary>Two partly symbolic strings are equal when they are built the same way; otherwise it cannot be told.</summary>
    private static bool? SameParts(CompositeStringValue a, CompositeStringValue b, bool ignoreCase)
    {
        if (a.Parts.Count != b.Parts.Count)
        {
            return null;
        }

        for (int i = 0; i < a.Parts.Count; i++)
        {
            if (Same(a.Parts[i], b.Parts[i], ignoreCase) != true)
            {
                return null;
            }
        }

        return true;
    }

    /// <summary>Whether an object has a key known only symbolically (e.g. a resource ID key).</summary>
    public static bool HasSymbolicKeys(Value v)
    {
        if (v is ObjectValue o)
        {
            foreach (var p in o.Properties)
            {
                if (p.KeyValue is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool KnownEquals(Value a, Value b, bool ignoreCase = false)
    {
        switch (a)
        {
            case StringValue sa when b is StringValue sb:
                return string.Equals(sa.Text, sb.Text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            case NumberValue na when b is NumberValue nb:
                return na.Number == nb.Number;
            case BoolValue ba when b is BoolValue bb:
                return ba.Bool == bb.Bool;
            case NullValue when b is NullValue:
                return true;
            case ArrayValue aa when b is ArrayValue ab:
                if (aa.Items.Count != ab.Items.Count)
                {
                    return false;
                }

                for (int i = 0; i < aa.Items.Count; i++)
                {
                    if (Same(aa.Items[i], ab.Items[i], ignoreCase) != true)
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue oa when b is ObjectValue ob:
                if (oa.Properties.Count != ob.Properties.Count)
                {
                    return false;
                }

                foreach (var p in oa.Properties)
                {
                    var other = ob.Get(p.Name);
                    if (other is null || Same(p.Value, other, ignoreCase) != true)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The text of a known string (or a known number/bool, as ARM converts them), else null.</summary>
    public static string? AsString(Value? v) => v switch
    {
        StringValue s => s.Text,
        _ => null,
    };

    /// <summary>Whether a known string equals the text, ignoring case; null when the value is not known.</summary>
    public static bool? TextIs(Value? v, string text)
    {
        if (v is StringValue s)
        {
            return string.Equals(s.Text, text, StringComparison.OrdinalIgnoreCase);
        }

        if (v is null || v.IsKnown)
        {
            return false;
        }

        return null;
    }

    /// <summary>A known boolean (ARM also accepts the strings 'true'/'false'), else null.</summary>
    public static bool? AsBool(Value? v) => v switch
    {
        BoolValue b => b.Bool,
        StringValue s when string.Equals(s.Text, "true", StringComparison.OrdinalIgnoreCase) => true,
        StringValue s when string.Equals(s.Text, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    /// <summary>Follows a dotted path of properties through known objects; null when a step is absent, the step's value when it is not an object.</summary>
    public static Value? GetPath(Value? root, string dottedPath)
    {
        Value? current = root;
        int start = 0;
        while (current is not null && start <= dottedPath.Length)
        {
            int dot = dottedPath.IndexOf('.', start);
            string name = dot < 0 ? dottedPath.Substring(start) : dottedPath.Substring(start, dot - start);
            if (current is not ObjectValue obj)
            {
                return current.IsKnown ? null : current;
            }

            var next = obj.Get(name);
            if (next is null && obj.IsOpen)
            {
                // A member a referenced resource adds at deployment stays a symbolic property of that resource.
                return obj.OpenBecause is ResourceReferenceValue reference
                    ? reference.Extend(name, reference.Span)
                    : obj.OpenBecause ?? new UnknownValue("the object is only partly known", obj.Span);
            }

            current = next;
            if (dot < 0)
            {
                return current;
            }

            start = dot + 1;
        }

        return current;
    }

    /// <summary>The known items of an array value, or null.</summary>
    public static IReadOnlyList<Value>? AsArray(Value? v) => (v as ArrayValue)?.Items;
}
