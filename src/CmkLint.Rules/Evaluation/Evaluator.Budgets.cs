using System;
using System.Collections.Generic;
using System.Text;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// The size checks made before a function builds its result (so that <c>padLeft('a', 2000000000)</c>
/// or a string doubled sixty times is never allocated), and the memo of user-function calls.
/// </summary>
public sealed partial class Evaluator
{
    /// <summary>Arguments longer than this (as JSON) are not used as a memo key.</summary>
    private const int MaxMemoKeyLength = 4096;

    /// <summary>Results of user-function calls by deployment, function and JSON of the arguments: a call repeated with equal arguments is evaluated once.</summary>
    private readonly Dictionary<(Deployment Deployment, string Key), Value> functionResults = new();

    /// <summary>User functions being evaluated, by deployment and name (a recursive call with arguments not known stops here).</summary>
    private readonly HashSet<(Deployment Deployment, string Name)> functionsInProgress = new();

    /// <summary>The unknown for a call whose result would be over a size budget, judged from its arguments before it is built; else null.</summary>
    private UnknownValue? OverBudget(string name, string key, Value[] a, SourceSpan span)
    {
        var meter = Meter;
        switch (key)
        {
            case "concat":
            case "union":
            case "intersection":
            case "createarray":
            case "createobject":
            case "flatten":
            case "shallowmerge":
                long length = 0;
                long items = 0;
                long bytes = 0;
                foreach (var v in a)
                {
                    bytes = Value.AddSize(bytes, v.Size);
                    switch (v)
                    {
                        case ArrayValue array:
                            items += array.Items.Count;
                            if (name.Equals("flatten", StringComparison.OrdinalIgnoreCase))
                            {
                                foreach (var inner in array.Items)
                                {
                                    items += inner is ArrayValue innerArray ? innerArray.Items.Count : 1;
                                }
                            }

                            break;
                        case ObjectValue obj:
                            items += obj.Properties.Count;
                            break;
                        case StringValue or CompositeStringValue or RuntimeValue:
                            length = Value.AddSize(length, v.Size);
                            break;
                        default:
                            items++;
                            break;
                    }
                }

                return meter.CheckString(length, span) ?? meter.CheckElements(Math.Max(items, a.Length), span) ?? meter.CheckBytes(bytes, span);
            case "format":
                return a.Length > 0 && a[0] is StringValue format ? meter.CheckString(FormatBound(format.Text, a), span) : null;
            case "padleft":
                return a.Length >= 2 && a[1] is NumberValue width ? meter.CheckString((long)Math.Min(Math.Max(width.Number, 0), long.MaxValue / 2), span) : null;
            case "replace":
                if (a.Length == 3 && a[0] is StringValue source && a[1] is StringValue find && a[2] is StringValue with && find.Text.Length > 0)
                {
                    long occurrences = source.Text.Length / find.Text.Length;
                    return meter.CheckString(source.Text.Length + occurrences * Math.Max(0, with.Text.Length - find.Text.Length), span);
                }

                return null;
            case "base64":
            case "uricomponent":
                // Three bytes of UTF-8 per character at most, then four base64 characters per three bytes (or %XX per byte).
                return a.Length == 1 && a[0] is StringValue plain ? meter.CheckString(plain.Text.Length * 9L, span) : null;
            case "string":
                return a.Length == 1 && a[0] is ObjectValue or ArrayValue ? meter.CheckString(a[0].Size, span) : null;
            case "join":
                if (a.Length == 2 && a[0] is ArrayValue parts && a[1] is StringValue separator)
                {
                    return meter.CheckString(Value.AddSize(parts.Size, (long)parts.Items.Count * separator.Text.Length), span);
                }

                return null;
            case "range":
                return a.Length == 2 && a[1] is NumberValue count ? meter.CheckElements((long)Math.Min(Math.Max(count.Number, 0), long.MaxValue / 2), span) : null;
            case "uniquestring":
            case "guid":
            case "tolower":
            case "toupper":
            case "trim":
            case "substring":
            case "take":
            case "skip":
            case "first":
            case "last":
                // Of runtime text these build a description of their arguments.
                long described = 0;
                foreach (var v in a)
                {
                    described = Value.AddSize(described, v.Size);
                }

                return meter.CheckString(described, span);
            default:
                return null;
        }
    }

    /// <summary>The longest text format() can build: the format itself and the largest argument at every placeholder.</summary>
    private static long FormatBound(string format, Value[] a)
    {
        long largest = 0;
        for (int i = 1; i < a.Length; i++)
        {
            largest = Math.Max(largest, a[i].Size);
        }

        long placeholders = 0;
        foreach (char c in format)
        {
            if (c == '{')
            {
                placeholders++;
            }
        }

        return Value.AddSize(format.Length, placeholders > 0 && largest > long.MaxValue / placeholders ? long.MaxValue : placeholders * largest);
    }

    /// <summary>
    /// Evaluates a user function's body once per distinct known arguments (a function that calls itself
    /// twice per level costs its levels, not its paths). A recursive call with arguments not known gives
    /// an unknown: neither ARM nor Bicep lets a function call itself.
    /// </summary>
    private Value CallUserFunction(CallExpr call, Expr body, Value[] arguments, EvalContext inner)
    {
        var deployment = inner.Deployment;
        string? key = MemoKey(call.Name, arguments);
        if (key is not null && functionResults.TryGetValue((deployment, key), out var cached))
        {
            return cached;
        }

        var running = (deployment, call.Name.ToLowerInvariant());
        bool outermost = functionsInProgress.Add(running);
        if (!outermost && key is null)
        {
            return new UnknownValue($"'{call.Name}' calls itself with arguments known only at deployment", call.Span);
        }

        try
        {
            var result = Evaluate(body, inner);
            if (key is not null)
            {
                functionResults[(deployment, key)] = result;
            }

            return result;
        }
        finally
        {
            if (outermost)
            {
                functionsInProgress.Remove(running);
            }
        }
    }

    /// <summary>The function's name with the JSON of its arguments, when every argument is known and short; else null.</summary>
    private static string? MemoKey(string name, Value[] arguments)
    {
        var key = new StringBuilder(name).Append('(');
        foreach (var argument in arguments)
        {
            if (argument.Size > MaxMemoKeyLength || JsonText.Write(argument) is not string json)
            {
                return null;
            }

            key.Append(json).Append(',');
            if (key.Length > MaxMemoKeyLength)
            {
                return null;
            }
        }

        return key.Append(')').ToString();
    }
}
