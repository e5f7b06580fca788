using System;
using System.Collections.Generic;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// Evaluates model expressions to three-valued results. One evaluator serves a whole graph; all
/// state that depends on where an expression is (copy index, loop item) lives in <see cref="EvalContext"/>.
/// </summary>
public sealed partial class Evaluator
{
    /// <summary>Loops longer than this are not expanded (their values stay unknown).</summary>
    internal const int MaxLoopLength = 1000;

    /// <summary>Evaluations in progress on the stack (an expression inside another, a variable read from another, a call): counted against the depth budget.</summary>
    private int depth;

    public Evaluator(ResourceGraph graph, EvaluationOptions options)
    {
        Graph = graph;
        Options = options;
    }

    public ResourceGraph Graph { get; }

    public EvaluationOptions Options { get; }

    private BudgetMeter Meter => Options.Meter;

    public Value Evaluate(Expr expr, EvalContext context)
    {
        var meter = Meter;
        if (meter.StoppedValue is { } stopped)
        {
            return stopped;
        }

        if (depth >= meter.Limits.EvaluationDepth)
        {
            return meter.Over("evaluationDepth", meter.Limits.EvaluationDepth, "an evaluation nested this deep (variables, parameters, outputs or calls read from one another)", expr.Span);
        }

        depth++;
        try
        {
            return EvaluateNode(expr, context);
        }
        finally
        {
            depth--;
        }
    }

    private Value EvaluateNode(Expr expr, EvalContext context)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return literal.IsLoaded ? Literal(literal.Value, literal.Span).AsLoaded() : Literal(literal.Value, literal.Span);
            case ObjectExpr obj:
                return Sized(EvaluateObject(obj, context), obj.Span);
            case ArrayExpr array:
                return Sized(EvaluateArray(array, context), array.Span);
            case CallExpr call:
                return Call(call, context);
            case PropertyAccessExpr access:
                return Access(Evaluate(access.Target, context), access.Name, access.Span, access.Safe, context);
            case IndexAccessExpr index:
                var indexed = Evaluate(index.Target, context);
                var indexValue = Evaluate(index.Index, context);
                var item = Index(indexed, indexValue, index.Span, index.Safe, context);
                return indexValue.IsLoaded ? item.AsLoaded() : item;
            case SymbolExpr symbol:
                return EvaluateSymbol(symbol, context);
            case LambdaExpr lambda:
                return new LambdaValue(lambda, context);
            case ForExpr loop:
                return Sized(EvaluateFor(loop, context), loop.Span);
            case UnsupportedExpr unsupported:
                return new UnknownValue($"{unsupported.Construct} is not evaluated by CmkLint", unsupported.Span);
            default:
                return new UnknownValue("unrecognised expression", expr.Span);
        }
    }

    /// <summary>The value, or an unknown when it is over the size budget.</summary>
    private Value Sized(Value value, SourceSpan span) => (Value?)Meter.Check(value, span) ?? value;

    internal static Value Literal(object? value, SourceSpan span) => value switch
    {
        null => new NullValue(span),
        string s => new StringValue(s, span),
        bool b => new BoolValue(b, span),
        long l => new NumberValue(l, span),
        int i => new NumberValue(i, span),
        double d => new NumberValue(d, span),
        _ => new UnknownValue("unrecognised literal", span),
    };

    private Value EvaluateObject(ObjectExpr obj, EvalContext context)
    {
        var properties = new List<PropertyValue>(obj.Properties.Count);
        Value? openBecause = null;
        foreach (var property in obj.Properties)
        {
            string name = property.Name;
            Value? symbolicKey = null;
            if (property.NameExpr is not null)
            {
                var key = Evaluate(property.NameExpr, context);
                if (key is StringValue s)
                {
                    name = s.Text;
                }
                else if (key is ResourceIdValue || key is CompositeStringValue)
                {
                    // Keys like identity.userAssignedIdentities' are resource IDs: keep them, symbolic.
                    symbolicKey = key;
                    if (!IsResourceIdText(key))
                    {
                        // A partly known key might at deployment equal any name: lookups of absent names stay unknown.
                        openBecause ??= key;
                    }
                }
                else
                {
                    openBecause ??= key.IsKnown ? new UnknownValue("a property name is not a string", property.NameSpan) : key;
                    continue;
                }
            }

            if (property.Value is SpreadExpr spread)
            {
                var spreadValue = Evaluate(spread.Source, context);
                if (spreadValue is ObjectValue spreadObject)
                {
                    if (Meter.CheckElements((long)properties.Count + spreadObject.Properties.Count, spread.Span) is { } tooMany)
                    {
                        return tooMany;
                    }

                    properties.AddRange(spreadObject.Properties);
                    if (spreadObject.IsOpen)
                    {
                        openBecause ??= spreadObject.OpenBecause;
                    }
                }
                else
                {
                    openBecause ??= spreadValue;
                }

                continue;
            }

            properties.Add(new PropertyValue(name, Evaluate(property.Value, context), property.NameSpan) { KeyValue = symbolicKey });
        }

        return new ObjectValue(properties, obj.Span) { IsOpen = openBecause is not null, OpenBecause = openBecause };
    }

    /// <summary>Whether a symbolic key is a resource ID (or a string starting with one, or with a known '/'), which no plain property name can equal.</summary>
    private static bool IsResourceIdText(Value key)
    {
        if (key is ResourceIdValue)
        {
            return true;
        }

        if (key is CompositeStringValue composite && composite.Parts.Count > 0)
        {
            var first = composite.Parts[0];
            return first is ResourceIdValue
                || (first is StringValue s && s.Text.StartsWith("/", StringComparison.Ordinal))
                || (first is RuntimeValue r && (r.Description == "resourceGroup().id" || r.Description == "subscription().id"));
        }

        return false;
    }

    private Value EvaluateArray(ArrayExpr array, EvalContext context)
    {
        var items = new List<Value>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (item is SpreadExpr spread)
            {
                var spreadValue = Evaluate(spread.Source, context);
                if (spreadValue is ArrayValue spreadArray)
                {
                    if (Meter.CheckElements((long)items.Count + spreadArray.Items.Count, spread.Span) is { } tooMany)
                    {
                        return tooMany;
                    }

                    items.AddRange(spreadArray.Items);
                    continue;
                }

                return spreadValue.IsKnown ? new UnknownValue("spread of a value that is not an array", spread.Span) : spreadValue;
            }

            items.Add(Evaluate(item, context));
        }

        return new ArrayValue(items, array.Span);
    }

    private Value EvaluateFor(ForExpr loop, EvalContext context)
    {
        var source = Evaluate(loop.Source, context);
        int count;
        IReadOnlyList<Value>? items = null;
        if (loop.SourceIsCount)
        {
            if (source is not NumberValue n)
            {
                return source.IsKnown ? new UnknownValue("the loop count is not a number", loop.Source.Span) : Unresolved(source, loop.Span, "the loop count");
            }

            count = (int)Math.Max(0, Math.Min(n.Number, int.MaxValue));
        }
        else if (source is ArrayValue array)
        {
            items = array.Items;
            count = items.Count;
        }
        else if (source is ObjectValue objectSource)
        {
            // Bicep iterates an object through items(); accept the object itself gracefully.
            items = Functions.ItemsOf(objectSource);
            count = items.Count;
        }
        else
        {
            return source.IsKnown ? new UnknownValue("the loop source is not an array", loop.Source.Span) : Unresolved(source, loop.Span, "the loop source");
        }

        if (count > MaxLoopLength)
        {
            return new UnknownValue($"the loop has {count} iterations, more than CmkLint expands", loop.Span);
        }

        var results = new List<Value>(count);
        long size = 2;
        for (int i = 0; i < count; i++)
        {
            if (Meter.Step(loop.Span) is { } stop)
            {
                return stop;
            }

            var inner = context.WithCopyIndex(loop.CopyName, i);
            if (loop.ItemVariable is not null)
            {
                inner = inner.WithLocal(loop.ItemVariable, items is null ? new NumberValue(i, loop.Span) : items[i]);
            }

            if (loop.IndexVariable is not null)
            {
                inner = inner.WithLocal(loop.IndexVariable, new NumberValue(i, loop.Span));
            }

            if (loop.Filter is not null)
            {
                var keep = Values.AsBool(Evaluate(loop.Filter, inner));
                if (keep == false)
                {
                    continue;
                }

                if (keep is null)
                {
                    return new UnknownValue("a loop filter could not be evaluated", loop.Filter.Span);
                }
            }

            var item = Evaluate(loop.Body, inner);
            size = Value.AddSize(size, item.Size);
            if (Meter.CheckBytes(size, loop.Span) is { } tooLarge)
            {
                return tooLarge;
            }

            results.Add(item);
        }

        return new ArrayValue(results, loop.Span);
    }

    /// <summary>An unknown that keeps the reason of the value that made it unknown.</summary>
    internal static Value Unresolved(Value cause, SourceSpan span, string what)
    {
        if (cause is UnknownValue u)
        {
            return u.Restated(u.Span.IsNone ? span : u.Span);
        }

        return UnknownValue.Quoting(span, what + " depends on ", cause, ", known only at deployment");
    }

    private Value EvaluateSymbol(SymbolExpr symbol, EvalContext context)
    {
        switch (symbol.Kind)
        {
            case SymbolKind.Parameter:
                return context.Deployment.GetParameter(symbol.Name, symbol.Span);
            case SymbolKind.Variable:
                return context.Deployment.GetVariable(symbol.Name, symbol.Span);
            case SymbolKind.Local:
                if (context.TryGetLocal(symbol.Name, out var local))
                {
                    return local.At(symbol.Span);
                }

                return new UnknownValue($"'{symbol.Name}' is not bound here", symbol.Span);
            case SymbolKind.Resource:
            case SymbolKind.Module:
                return ResourceSymbol(symbol.Name, symbol.Kind == SymbolKind.Module, symbol.Span, context);
            default:
                return new UnknownValue("unrecognised symbol", symbol.Span);
        }
    }

    /// <summary>A Bicep symbolic reference: the resource (or, for a loop, the array of its instances).</summary>
    internal Value ResourceSymbol(string name, bool isModule, SourceSpan span, EvalContext context)
    {
        var instances = context.Deployment.FindSymbol(name);
        var declaration = FindDeclaration(context.Deployment.Template, name);
        if (declaration is null)
        {
            return new UnknownValue($"'{name}' is not a resource declared in this file", span);
        }

        if (declaration.Loop is not null)
        {
            var items = new List<Value>(instances.Count);
            foreach (var instance in instances)
            {
                context.RecordDependency(instance);
                items.Add(new ResourceReferenceValue(instance.Id, Array.Empty<string>(), span) { IsModule = isModule });
            }

            return new ArrayValue(items, span);
        }

        if (instances.Count == 0)
        {
            return new UnknownValue($"'{name}' is not deployed (its condition is false)", span);
        }

        context.RecordDependency(instances[0]);
        return new ResourceReferenceValue(instances[0].Id, Array.Empty<string>(), span) { IsModule = isModule };
    }

    private static ResourceDeclaration? FindDeclaration(Template template, string symbol)
    {
        foreach (var r in template.Resources)
        {
            if (string.Equals(r.SymbolicName, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Reads a property: from a known object, or along a resource reference.</summary>
    internal Value Access(Value target, string name, SourceSpan span, bool safe, EvalContext context)
    {
        switch (target)
        {
            case ObjectValue obj:
                var member = obj.Get(name);
                if (member is not null)
                {
                    return member;
                }

                if (obj.IsOpen)
                {
                    if (obj.OpenBecause is ResourceReferenceValue runtimePart)
                    {
                        return ResolveReference(runtimePart.Extend(name, span), context);
                    }

                    return obj.OpenBecause is UnknownValue u ? u : new UnknownValue($"property '{name}' of a partly known object", span);
                }

                return safe ? new NullValue(span) : new UnknownValue($"the object has no property '{name}'", span);
            case ResourceReferenceValue reference:
                return ResolveReference(reference.Extend(name, span), context);
            case NullValue when safe:
                return new NullValue(span);
            case UnknownValue unknown:
                return unknown;
            default:
                if (target.IsKnown)
                {
                    return UnknownValue.Quoting(span, $"cannot read property '{name}' of ", target);
                }

                return UnknownValue.Quoting(span, $"'{name}' of ", target, " is known only at deployment");
        }
    }

    internal Value Index(Value target, Value index, SourceSpan span, bool safe, EvalContext context)
    {
        if (target is ArrayValue array)
        {
            if (index is NumberValue n)
            {
                long i = n.AsLong;
                if (i >= 0 && i < array.Items.Count)
                {
                    return array.Items[(int)i];
                }

                return safe ? new NullValue(span) : new UnknownValue($"index {i} is outside the array", span);
            }

            return index.IsKnown ? new UnknownValue("an array index is not a number", span) : Unresolved(index, span, "the index");
        }

        if (index is StringValue s)
        {
            return Access(target, s.Text, span, safe, context);
        }

        if (target is UnknownValue)
        {
            return target;
        }

        return index.IsKnown ? UnknownValue.Quoting(span, "cannot index ", target) : Unresolved(index, span, "the index");
    }

    /// <summary>
    /// A property path on a resource. <c>id</c>, <c>name</c>, <c>type</c>, <c>apiVersion</c> and
    /// declared body properties are read from the declaration; module outputs from the nested
    /// deployment; everything else (clientId, principalId, vaultUri...) stays symbolic.
    /// </summary>
    internal Value ResolveReference(ResourceReferenceValue reference, EvalContext context)
    {
        reference = ExistingResourceLinker.Resolve(reference);
        var instance = reference.Resource.Instance;
        var path = reference.Path;
        if (path.Count == 1)
        {
            switch (path[0].ToLowerInvariant())
            {
                case "id":
                    return reference.Resource.At(reference.Span);
                case "name":
                    if (instance is not null)
                    {
                        return instance.Name.At(reference.Span);
                    }

                    return reference.Resource.Names.Count > 0 ? reference.Resource.Names[reference.Resource.Names.Count - 1].At(reference.Span) : new UnknownValue("the resource's name is unknown", reference.Span);
                case "type":
                    return new StringValue(reference.Resource.Type, reference.Span);
                case "apiversion" when instance?.ApiVersion is not null:
                    return new StringValue(instance.ApiVersion, reference.Span);
            }
        }

        if (instance?.Nested is not null && path.Count >= 2)
        {
            // Bicep: mod.outputs.x; ARM: reference('deployment').outputs.x.value (properties.outputs.x.value in full form).
            int at = string.Equals(path[0], "properties", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            if (path.Count > at + 1 && string.Equals(path[at], "outputs", StringComparison.OrdinalIgnoreCase))
            {
                Value output = instance.Nested.GetOutput(path[at + 1], reference.Span);
                int next = at + 2;
                if (!reference.IsModule)
                {
                    if (path.Count > next && string.Equals(path[next], "value", StringComparison.OrdinalIgnoreCase))
                    {
                        next++;
                    }
                    else if (path.Count == next)
                    {
                        output = new ObjectValue(new[] { new PropertyValue("value", output, reference.Span) }, reference.Span);
                    }
                }

                for (int i = next; i < path.Count; i++)
                {
                    output = Access(output, path[i], reference.Span, false, context);
                }

                return output;
            }
        }

        if (instance is not null && path.Count > 0 && !instance.Existing)
        {
            Value current = instance.Body;
            for (int i = 0; i < path.Count; i++)
            {
                if (current is not ObjectValue obj)
                {
                    break;
                }

                var next = obj.Get(path[i]);
                if (next is null)
                {
                    break;
                }

                if (i == path.Count - 1)
                {
                    // A declared object (e.g. 'properties') is only part of the deployed one, which adds runtime
                    // properties (keyUri, vaultUri, principalId...): keep the reference so that reading further
                    // finds the declared values and keeps the runtime ones symbolic.
                    // The declared members are known (so copying another resource's 'encryption' object keeps them);
                    // a member not declared reads on through the reference (see Access).
                    return next is ObjectValue declared
                        ? new ObjectValue(declared.Properties, reference.Span) { IsOpen = true, OpenBecause = reference }
                        : next.At(reference.Span);
                }

                current = next;
            }
        }

        return reference;
    }
}

/// <summary>Options that change what evaluation knows about the world.</summary>
public sealed class EvaluationOptions
{
    /// <summary>"Now", for key expiry checks and <c>utcNow()</c>-free date logic; fixed in tests.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Counts the work of the file being analysed against its budgets (a fresh meter with the defaults unless the engine gives one).</summary>
    public BudgetMeter Meter { get; set; } = new(BudgetLimits.Default);
}
