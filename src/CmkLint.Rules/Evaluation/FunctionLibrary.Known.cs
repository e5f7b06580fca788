using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>Functions computed from known arguments: strings, arrays, objects, numbers, comparisons, lambdas.</summary>
internal static partial class Functions
{
    /// <summary>The functions computed from known arguments (rows of <see cref="FunctionTable"/>); null from one means "not computed from these arguments".</summary>
    private static FunctionDefinition[] KnownFunctions() => new[]
    {
        Known("toLower", 1, 1, (e, name, a, span, context) => Str(a, span, s => s.ToLowerInvariant())),
        Known("toUpper", 1, 1, (e, name, a, span, context) => Str(a, span, s => s.ToUpperInvariant())),
        Known("trim", 1, 1, (e, name, a, span, context) => Str(a, span, s => s.Trim())),
        Known("base64", 1, 1, (e, name, a, span, context) => Str(a, span, s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)))),
        Known("base64ToString", 1, 1, (e, name, a, span, context) => Str(a, span, s => Encoding.UTF8.GetString(Convert.FromBase64String(s)))),
        Known("uriComponent", 1, 1, (e, name, a, span, context) => Str(a, span, Uri.EscapeDataString)),
        Known("uriComponentToString", 1, 1, (e, name, a, span, context) => Str(a, span, Uri.UnescapeDataString)),
        Known("uri", 2, 2, (e, name, a, span, context) => CombineUri(a, span)),
        Known("replace", 3, 3, (e, name, a, span, context) => a.Length == 3 && a[0] is StringValue s0 && a[1] is StringValue s1 && a[2] is StringValue s2 && s1.Text.Length > 0 ? new StringValue(s0.Text.Replace(s1.Text, s2.Text), span) : null),
        Known("split", 2, 2, (e, name, a, span, context) => Split(a, span)),
        Known("join", 2, 2, (e, name, a, span, context) => Join(a, span)),
        Known("substring", 1, 3, (e, name, a, span, context) => Substring(a, span)),
        Known("startsWith", 2, 2, (e, name, a, span, context) => a.Length == 2 && a[0] is StringValue sw && a[1] is StringValue sw2 ? new BoolValue(sw.Text.StartsWith(sw2.Text, StringComparison.OrdinalIgnoreCase), span) : null),
        Known("endsWith", 2, 2, (e, name, a, span, context) => a.Length == 2 && a[0] is StringValue ew && a[1] is StringValue ew2 ? new BoolValue(ew.Text.EndsWith(ew2.Text, StringComparison.OrdinalIgnoreCase), span) : null),
        Known("indexOf", 2, 2, (e, name, a, span, context) => IndexOf(a, span, last: false)),
        Known("lastIndexOf", 2, 2, (e, name, a, span, context) => IndexOf(a, span, last: true)),
        Known("padLeft", 2, 3, (e, name, a, span, context) => a.Length >= 2 && a[1] is NumberValue width ? new StringValue(AsText(a[0]).PadLeft((int)width.Number, a.Length > 2 && a[2] is StringValue pad && pad.Text.Length > 0 ? pad.Text[0] : ' '), span) : null),
        Known("length", 1, 1, (e, name, a, span, context) => Length(a, span)),
        Known("empty", 1, 1, (e, name, a, span, context) => a.Length == 1 ? new BoolValue(IsEmpty(a[0]), span) : null),
        Known("contains", 2, 2, (e, name, a, span, context) => Contains(a, span)),
        Known("first", 1, 1, (e, name, a, span, context) => a.Length == 1 ? First(a[0], span, last: false) : null),
        Known("last", 1, 1, (e, name, a, span, context) => a.Length == 1 ? First(a[0], span, last: true) : null),
        Known("take", 2, 2, (e, name, a, span, context) => TakeSkip(a, span, take: true)),
        Known("skip", 2, 2, (e, name, a, span, context) => TakeSkip(a, span, take: false)),
        Known("union", 1, null, (e, name, a, span, context) => Union(a, span)),
        Known("intersection", 1, null, (e, name, a, span, context) => Intersection(a, span)),
        Known("range", 2, 2, (e, name, a, span, context) => a.Length == 2 && a[0] is NumberValue start && a[1] is NumberValue count && count.Number >= 0 && count.Number <= Evaluator.MaxLoopLength ? Range((long)start.Number, (int)count.Number, span) : null),
        Known("flatten", 1, 1, (e, name, a, span, context) => Flatten(a, span)),
        Known("items", 1, 1, (e, name, a, span, context) => a.Length == 1 && a[0] is ObjectValue io ? new ArrayValue(ItemsOf(io), span) : null),
        Known("objectKeys", 1, 1, (e, name, a, span, context) => a.Length == 1 && a[0] is ObjectValue ko ? Keys(ko, span) : null),
        Known("shallowMerge", 1, 1, (e, name, a, span, context) => a.Length == 1 && a[0] is ArrayValue sm ? Union(ToArrayOfValues(sm), span) : null),
        Known("tryGet", 2, null, (e, name, a, span, context) => TryGet(a, span)),
        Known("min", 1, null, (e, name, a, span, context) => MinMax(a, span, name.Equals("max", StringComparison.OrdinalIgnoreCase))),
        Known("max", 1, null, (e, name, a, span, context) => MinMax(a, span, name.Equals("max", StringComparison.OrdinalIgnoreCase))),
        Known("add", 2, 2, (e, name, a, span, context) => Arith(a, span, (x, y) => x + y)),
        Known("sub", 2, 2, (e, name, a, span, context) => Arith(a, span, (x, y) => x - y)),
        Known("mul", 2, 2, (e, name, a, span, context) => Arith(a, span, (x, y) => x * y)),
        Known("div", 2, 2, (e, name, a, span, context) => a.Length == 2 && a[1] is NumberValue d && d.Number != 0 ? Arith(a, span, (x, y) => Math.Truncate(x / y)) : null),
        Known("mod", 2, 2, (e, name, a, span, context) => a.Length == 2 && a[1] is NumberValue m && m.Number != 0 ? Arith(a, span, (x, y) => x % y) : null),
        Known("less", 2, 2, (e, name, a, span, context) => Compare(a, span, c => c < 0)),
        Known("lessOrEquals", 2, 2, (e, name, a, span, context) => Compare(a, span, c => c <= 0)),
        Known("greater", 2, 2, (e, name, a, span, context) => Compare(a, span, c => c > 0)),
        Known("greaterOrEquals", 2, 2, (e, name, a, span, context) => Compare(a, span, c => c >= 0)),
        Known("dateTimeAdd", 2, 3, (e, name, a, span, context) => new RuntimeValue(name + "(...)", span)),
        Known("dateTimeFromEpoch", 1, 1, (e, name, a, span, context) => new RuntimeValue(name + "(...)", span)),
        Known("dateTimeToEpoch", 1, 1, (e, name, a, span, context) => new RuntimeValue(name + "(...)", span)),
        Known("filter", 2, 2, (e, name, a, span, context) => Filter(e, a, span)),
        Known("map", 2, 2, (e, name, a, span, context) => Map(e, a, span)),
        Known("reduce", 3, 3, (e, name, a, span, context) => Reduce(e, a, span)),
        Known("sort", 2, 2, (e, name, a, span, context) => Sort(e, a, span)),
        Known("toObject", 2, 3, (e, name, a, span, context) => ToObject(e, a, span)),
        Known("mapValues", 2, 2, (e, name, a, span, context) => MapValues(e, a, span)),
    };

    /// <summary>uri(base, relative); a base that is not an absolute URI gives an unknown, as ARM fails the deployment.</summary>
    private static Value? CombineUri(Value[] a, SourceSpan span)
    {
        if (a.Length != 2 || a[0] is not StringValue b || a[1] is not StringValue r)
        {
            return null;
        }

        if (Uri.TryCreate(b.Text, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, r.Text, out var combined))
        {
            return new StringValue(combined.ToString(), span);
        }

        return new UnknownValue("uri() of a base that is not an absolute URI", span);
    }

    private static string AsText(Value v) => v is StringValue s ? s.Text : v.Describe();

    private static Value? Str(Value[] a, SourceSpan span, Func<string, string> f)
    {
        if (a.Length != 1 || a[0] is not StringValue s)
        {
            return null;
        }

        try
        {
            return new StringValue(f(s.Text), span);
        }
        catch (FormatException)
        {
            // Also UriFormatException: the input text is not in the form the function decodes.
            return new UnknownValue("the string is not in the form the function needs", span);
        }
    }

    private static Value? Split(Value[] a, SourceSpan span)
    {
        if (a.Length != 2 || a[0] is not StringValue s)
        {
            return null;
        }

        string[] separators;
        if (a[1] is StringValue sep)
        {
            separators = new[] { sep.Text };
        }
        else if (a[1] is ArrayValue seps)
        {
            var list = new List<string>();
            foreach (var v in seps.Items)
            {
                if (v is StringValue sv)
                {
                    list.Add(sv.Text);
                }
            }

            separators = list.ToArray();
        }
        else
        {
            return null;
        }

        var parts = s.Text.Split(separators, StringSplitOptions.None);
        var items = new Value[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            items[i] = new StringValue(parts[i], span);
        }

        return new ArrayValue(items, span);
    }

    private static Value? Join(Value[] a, SourceSpan span)
    {
        if (a.Length != 2 || a[0] is not ArrayValue arr || a[1] is not StringValue sep)
        {
            return null;
        }

        var parts = new List<Value>();
        for (int i = 0; i < arr.Items.Count; i++)
        {
            if (i > 0)
            {
                parts.Add(sep);
            }

            parts.Add(arr.Items[i]);
        }

        return Concat(parts, span);
    }

    private static Value? Substring(Value[] a, SourceSpan span)
    {
        if (a.Length < 2 || a[0] is not StringValue s || a[1] is not NumberValue start)
        {
            return null;
        }

        int from = (int)start.Number;
        int length = a.Length > 2 && a[2] is NumberValue len ? (int)len.Number : s.Text.Length - from;
        if (from < 0 || length < 0 || from + length > s.Text.Length)
        {
            return new UnknownValue("substring() is out of range", span);
        }

        return new StringValue(s.Text.Substring(from, length), span);
    }

    private static Value? IndexOf(Value[] a, SourceSpan span, bool last)
    {
        if (a.Length != 2)
        {
            return null;
        }

        if (a[0] is StringValue s && a[1] is StringValue find)
        {
            return new NumberValue(last ? s.Text.LastIndexOf(find.Text, StringComparison.OrdinalIgnoreCase) : s.Text.IndexOf(find.Text, StringComparison.OrdinalIgnoreCase), span);
        }

        if (a[0] is ArrayValue arr)
        {
            int found = -1;
            for (int i = 0; i < arr.Items.Count; i++)
            {
                if (Values.Same(arr.Items[i], a[1]) == true)
                {
                    found = i;
                    if (!last)
                    {
                        break;
                    }
                }
            }

            return new NumberValue(found, span);
        }

        return null;
    }

    private static Value? Length(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return null;
        }

        return a[0] switch
        {
            StringValue s => new NumberValue(s.Text.Length, span),
            ArrayValue arr => new NumberValue(arr.Items.Count, span),
            ObjectValue obj when !obj.IsOpen => new NumberValue(obj.Properties.Count, span),
            _ => null,
        };
    }

    private static bool IsEmpty(Value v) => v switch
    {
        NullValue => true,
        StringValue s => s.Text.Length == 0,
        ArrayValue arr => arr.Items.Count == 0,
        ObjectValue obj => obj.Properties.Count == 0 && !obj.IsOpen,
        _ => false,
    };

    private static Value? Contains(Value[] a, SourceSpan span)
    {
        if (a.Length != 2)
        {
            return null;
        }

        switch (a[0])
        {
            case StringValue s when a[1] is StringValue find:
                return new BoolValue(s.Text.IndexOf(find.Text, StringComparison.Ordinal) >= 0, span);
            case ObjectValue obj when a[1] is StringValue key:
                if (obj.Find(key.Text) is not null)
                {
                    return new BoolValue(true, span);
                }

                return obj.IsOpen ? new UnknownValue("contains() on a partly known object", span) : new BoolValue(false, span);
            case ArrayValue arr:
                bool unsure = false;
                foreach (var item in arr.Items)
                {
                    var same = Values.Same(item, a[1]);
                    if (same == true)
                    {
                        return new BoolValue(true, span);
                    }

                    unsure |= same is null;
                }

                return unsure ? new UnknownValue("contains() on an array with values known only at deployment", span) : new BoolValue(false, span);
            default:
                return null;
        }
    }

    private static Value? First(Value v, SourceSpan span, bool last) => v switch
    {
        StringValue s => new StringValue(s.Text.Length == 0 ? string.Empty : last ? s.Text.Substring(s.Text.Length - 1) : s.Text.Substring(0, 1), span),
        ArrayValue arr => arr.Items.Count == 0 ? new NullValue(span) : arr.Items[last ? arr.Items.Count - 1 : 0],
        _ => null,
    };

    private static Value? TakeSkip(Value[] a, SourceSpan span, bool take)
    {
        if (a.Length != 2 || a[1] is not NumberValue n)
        {
            return null;
        }

        int count = (int)Math.Max(0, n.Number);
        switch (a[0])
        {
            case StringValue s:
                count = Math.Min(count, s.Text.Length);
                return new StringValue(take ? s.Text.Substring(0, count) : s.Text.Substring(count), span);
            case ArrayValue arr:
                count = Math.Min(count, arr.Items.Count);
                var items = new List<Value>();
                for (int i = take ? 0 : count; i < (take ? count : arr.Items.Count); i++)
                {
                    items.Add(arr.Items[i]);
                }

                return new ArrayValue(items, span);
            default:
                return null;
        }
    }

    private static Value[] ToArrayOfValues(ArrayValue arr)
    {
        var result = new Value[arr.Items.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = arr.Items[i];
        }

        return result;
    }

    /// <summary>union(): objects merge (later wins, nested objects merge deeply), arrays merge without duplicates.</summary>
    private static Value? Union(Value[] a, SourceSpan span)
    {
        if (a.Length == 0)
        {
            return null;
        }

        if (a[0] is ArrayValue)
        {
            var items = new List<Value>();
            foreach (var v in a)
            {
                if (v is not ArrayValue arr)
                {
                    return null;
                }

                foreach (var item in arr.Items)
                {
                    bool seen = false;
                    foreach (var existing in items)
                    {
                        if (Values.Same(existing, item) == true)
                        {
                            seen = true;
                            break;
                        }
                    }

                    if (!seen)
                    {
                        items.Add(item);
                    }
                }
            }

            return new ArrayValue(items, span);
        }

        ObjectValue? result = null;
        foreach (var v in a)
        {
            if (v is NullValue)
            {
                continue;
            }

            if (v is not ObjectValue obj)
            {
                return null;
            }

            result = result is null ? obj : MergeObjects(result, obj, span);
        }

        return result ?? new ObjectValue(Array.Empty<PropertyValue>(), span);
    }

    private static ObjectValue MergeObjects(ObjectValue left, ObjectValue right, SourceSpan span)
    {
        var props = new List<PropertyValue>(left.Properties);
        foreach (var p in right.Properties)
        {
            int at = props.FindIndex(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                props.Add(p);
            }
            else if (props[at].Value is ObjectValue lo && p.Value is ObjectValue ro)
            {
                props[at] = new PropertyValue(p.Name, MergeObjects(lo, ro, ro.Span), p.NameSpan);
            }
            else
            {
                props[at] = p;
            }
        }

        bool open = left.IsOpen || right.IsOpen;
        return new ObjectValue(props, span) { IsOpen = open, OpenBecause = left.OpenBecause ?? right.OpenBecause };
    }

    private static Value? Intersection(Value[] a, SourceSpan span)
    {
        if (a.Length < 2)
        {
            return null;
        }

        if (a[0] is ArrayValue first)
        {
            var items = new List<Value>();
            foreach (var item in first.Items)
            {
                bool inAll = true;
                for (int i = 1; i < a.Length && inAll; i++)
                {
                    if (a[i] is not ArrayValue other)
                    {
                        return null;
                    }

                    inAll = other.Items.Exists(x => Values.Same(x, item) == true);
                }

                if (inAll)
                {
                    items.Add(item);
                }
            }

            return new ArrayValue(items, span);
        }

        if (a[0] is ObjectValue firstObj)
        {
            var props = new List<PropertyValue>();
            foreach (var p in firstObj.Properties)
            {
                bool inAll = true;
                for (int i = 1; i < a.Length && inAll; i++)
                {
                    inAll = a[i] is ObjectValue o && o.Get(p.Name) is Value v && Values.Same(v, p.Value) == true;
                }

                if (inAll)
                {
                    props.Add(p);
                }
            }

            return new ObjectValue(props, span);
        }

        return null;
    }

    private static bool Exists(this IReadOnlyList<Value> list, Predicate<Value> match)
    {
        foreach (var v in list)
        {
            if (match(v))
            {
                return true;
            }
        }

        return false;
    }

    private static Value Range(long start, int count, SourceSpan span)
    {
        var items = new Value[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = new NumberValue(start + i, span);
        }

        return new ArrayValue(items, span);
    }

    private static Value? Flatten(Value[] a, SourceSpan span)
    {
        if (a.Length != 1 || a[0] is not ArrayValue arr)
        {
            return null;
        }

        var items = new List<Value>();
        foreach (var item in arr.Items)
        {
            if (item is ArrayValue inner)
            {
                items.AddRange(inner.Items);
            }
            else
            {
                return new UnknownValue("flatten() of an array with non-array items", span);
            }
        }

        return new ArrayValue(items, span);
    }

    private static Value Keys(ObjectValue obj, SourceSpan span)
    {
        var items = new Value[obj.Properties.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = obj.Properties[i].KeyValue ?? new StringValue(obj.Properties[i].Name, obj.Properties[i].NameSpan);
        }

        return new ArrayValue(items, span);
    }

    private static Value? TryGet(Value[] a, SourceSpan span)
    {
        if (a.Length < 2)
        {
            return null;
        }

        Value current = a[0];
        for (int i = 1; i < a.Length; i++)
        {
            if (current is ObjectValue obj && a[i] is StringValue key)
            {
                current = obj.Get(key.Text) ?? (obj.IsOpen ? (Value)new UnknownValue("tryGet() on a partly known object", span) : new NullValue(span));
            }
            else if (current is ArrayValue arr && a[i] is NumberValue n)
            {
                current = n.Number >= 0 && n.Number < arr.Items.Count ? arr.Items[(int)n.Number] : new NullValue(span);
            }
            else if (current is NullValue)
            {
                return current;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static Value? MinMax(Value[] a, SourceSpan span, bool max)
    {
        var numbers = new List<double>();
        foreach (var v in a)
        {
            if (v is NumberValue n)
            {
                numbers.Add(n.Number);
            }
            else if (v is ArrayValue arr)
            {
                foreach (var item in arr.Items)
                {
                    if (item is not NumberValue ni)
                    {
                        return null;
                    }

                    numbers.Add(ni.Number);
                }
            }
            else
            {
                return null;
            }
        }

        if (numbers.Count == 0)
        {
            return null;
        }

        double result = numbers[0];
        foreach (double d in numbers)
        {
            result = max ? Math.Max(result, d) : Math.Min(result, d);
        }

        return new NumberValue(result, span);
    }

    private static Value? Arith(Value[] a, SourceSpan span, Func<double, double, double> op) =>
        a.Length == 2 && a[0] is NumberValue x && a[1] is NumberValue y ? new NumberValue(op(x.Number, y.Number), span) : null;

    private static Value? Compare(Value[] a, SourceSpan span, Func<int, bool> test)
    {
        if (a.Length != 2)
        {
            return null;
        }

        if (a[0] is NumberValue x && a[1] is NumberValue y)
        {
            return new BoolValue(test(x.Number.CompareTo(y.Number)), span);
        }

        if (a[0] is StringValue s && a[1] is StringValue t)
        {
            return new BoolValue(test(string.CompareOrdinal(s.Text, t.Text)), span);
        }

        return null;
    }

    private static Value? Filter(Evaluator evaluator, Value[] a, SourceSpan span)
    {
        if (a.Length != 2 || a[0] is not ArrayValue arr || a[1] is not LambdaValue lambda)
        {
            return null;
        }

        var items = new List<Value>();
        for (int i = 0; i < arr.Items.Count; i++)
        {
            var keep = Values.AsBool(evaluator.Invoke(lambda, new[] { arr.Items[i], new NumberValue(i, span) }, span));
            if (keep is null)
            {
                return new UnknownValue("filter() predicate could not be evaluated", span);
            }

            if (keep.Value)
            {
                items.Add(arr.Items[i]);
            }
        }

        return new ArrayValue(items, span);
    }

    private static Value? Map(Evaluator evaluator, Value[] a, SourceSpan span)
    {
        if (a.Length != 2 || a[0] is not ArrayValue arr || a[1] is not LambdaValue lambda)
        {
            return null;
        }

        var items = new Value[arr.Items.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = evaluator.Invoke(lambda, new[] { arr.Items[i], new NumberValue(i, span) }, span);
        }

        return new ArrayValue(items, span);
    }

    private static Value? Reduce(Evaluator evaluator, Value[] a, SourceSpan span)
    {
        if (a.Length != 3 || a[0] is not ArrayValue arr || a[2] is not LambdaValue lambda)
        {
            return null;
        }

        Value acc = a[1];
        for (int i = 0; i < arr.Items.Count; i++)
        {
            acc = evaluator.Invoke(lambda, new[] { acc, arr.Items[i], new NumberValue(i, span) }, span);
        }

        return acc;
    }

    private static Value? Sort(Evaluator evaluator, Value[] a, SourceSpan span)
    {
        if (a.Length != 2 || a[0] is not ArrayValue arr || a[1] is not LambdaValue lambda)
        {
            return null;
        }

        var items = new List<Value>(arr.Items);
        bool failed = false;
        items.Sort((x, y) =>
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            var less = Values.AsBool(evaluator.Invoke(lambda, new[] { x, y }, span));
            if (less is null)
            {
                failed = true;
                return 0;
            }

            return less.Value ? -1 : 1;
        });
        return failed ? new UnknownValue("sort() comparison could not be evaluated", span) : new ArrayValue(items, span);
    }

    private static Value? ToObject(Evaluator evaluator, Value[] a, SourceSpan span)
    {
        if (a.Length < 2 || a[0] is not ArrayValue arr || a[1] is not LambdaValue keyOf)
        {
            return null;
        }

        var valueOf = a.Length > 2 ? a[2] as LambdaValue : null;
        var props = new List<PropertyValue>();
        foreach (var item in arr.Items)
        {
            if (evaluator.Invoke(keyOf, new[] { item }, span) is not StringValue key)
            {
                return new UnknownValue("toObject() key could not be evaluated", span);
            }

            props.Add(new PropertyValue(key.Text, valueOf is null ? item : evaluator.Invoke(valueOf, new[] { item }, span), span));
        }

        return new ObjectValue(props, span);
    }

    private static Value? MapValues(Evaluator evaluator, Value[] a, SourceSpan span)
    {
        if (a.Length != 2 || a[0] is not ObjectValue obj || a[1] is not LambdaValue lambda)
        {
            return null;
        }

        var props = new List<PropertyValue>();
        foreach (var p in obj.Properties)
        {
            props.Add(new PropertyValue(p.Name, evaluator.Invoke(lambda, new[] { p.Value }, span), p.NameSpan));
        }

        return new ObjectValue(props, span);
    }
}
