using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>The ARM template functions (and the Bicep functions lowered to them).</summary>
public sealed partial class Evaluator
{
    /// <summary>The functions that take their arguments unevaluated (the first rows of <see cref="FunctionTable"/>).</summary>
    internal static readonly FunctionDefinition[] LazyFunctions =
    {
        FunctionDefinition.WithArguments("parameters", 1, 1, (e, name, call, c) => e.WithStringArgument(call, c, n => c.Deployment.GetParameter(n, call.Span))),
        FunctionDefinition.WithArguments("variables", 1, 1, (e, name, call, c) => e.WithStringArgument(call, c, n => c.Deployment.GetVariable(n, call.Span))),
        FunctionDefinition.WithArguments("copyIndex", 0, 2, (e, name, call, c) => e.CopyIndex(call, c)),
        FunctionDefinition.WithArguments("if", 3, 3, (e, name, call, c) => e.If(call, c)),
        FunctionDefinition.WithArguments("and", 1, null, (e, name, call, c) => e.AndOr(call, c, isAnd: true)),
        FunctionDefinition.WithArguments("or", 1, null, (e, name, call, c) => e.AndOr(call, c, isAnd: false)),
        FunctionDefinition.WithArguments("coalesce", 1, null, (e, name, call, c) => e.Coalesce(call, c)),
        FunctionDefinition.WithArguments("reference", 1, 3, (e, name, call, c) => e.Reference(call, c)),
        FunctionDefinition.WithArguments("lambda", 1, null, (e, name, call, c) => e.LambdaFromArm(call, c)),
        FunctionDefinition.WithArguments("lambdaVariables", 1, 1, (e, name, call, c) => e.WithStringArgument(call, c, n => c.TryGetLocal(n, out var v) ? v.At(call.Span) : new UnknownValue($"lambda variable '{n}' is not bound", call.Span))),
    };

    private Value Call(CallExpr call, EvalContext context)
    {
        string name = StripNamespace(call.Name);
        var args = call.Arguments;
        var span = call.Span;
        if (Meter.Step(span) is { } stop)
        {
            return stop;
        }

        var definition = FunctionTable.Find(name);
        if (definition is { Kind: FunctionKind.Lazy } lazy)
        {
            return lazy.Accepts(args.Count) ? lazy.Lazy!(this, name, call, context) : new UnknownValue($"{name}() has the wrong number of arguments", span);
        }

        if (call.Name.IndexOf('.') > 0 && TryUserFunction(call, context, out var userResult))
        {
            return userResult;
        }

        var values = new Value[args.Count];
        for (int i = 0; i < args.Count; i++)
        {
            values[i] = Evaluate(args[i], context);
        }

        if (OverBudget(name, definition?.Key ?? name.ToLowerInvariant(), values, span) is { } tooLarge)
        {
            return tooLarge;
        }

        var result = Functions.Invoke(this, name, definition, values, span, context);
        if (Value.AnyLoaded(values))
        {
            // Computed from a loaded file's content: never quoted either (a substring or an upper-cased copy is the content too).
            result = result.AsLoaded();
        }
        if (result is StringValue text && Meter.CheckString(text.Text.Length, span) is { } tooLong)
        {
            return tooLong;
        }

        return Sized(result, span);
    }

    private static string StripNamespace(string name)
    {
        if (name.StartsWith("sys.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("az.", StringComparison.OrdinalIgnoreCase))
        {
            return name.Substring(name.IndexOf('.') + 1);
        }

        return name;
    }

    private Value WithStringArgument(CallExpr call, EvalContext context, Func<string, Value> read)
    {
        if (call.Arguments.Count < 1)
        {
            return new UnknownValue($"{call.Name}() needs an argument", call.Span);
        }

        var arg = Evaluate(call.Arguments[0], context);
        if (arg is StringValue s)
        {
            return read(s.Text);
        }

        return Unresolved(arg, call.Span, call.Name + "()'s name");
    }

    private Value CopyIndex(CallExpr call, EvalContext context)
    {
        string? copyName = null;
        long offset = 0;
        foreach (var argExpr in call.Arguments)
        {
            var arg = Evaluate(argExpr, context);
            if (arg is StringValue s)
            {
                copyName = s.Text;
            }
            else if (arg is NumberValue n)
            {
                offset = n.AsLong;
            }
            else
            {
                return Unresolved(arg, call.Span, "copyIndex()");
            }
        }

        int? index = context.GetCopyIndex(copyName);
        if (index is null)
        {
            return new UnknownValue(copyName is null ? "copyIndex() outside a copy loop" : $"copyIndex('{copyName}') outside that loop", call.Span);
        }

        return new NumberValue(index.Value + offset, call.Span);
    }

    private Value If(CallExpr call, EvalContext context)
    {
        if (call.Arguments.Count != 3)
        {
            return new UnknownValue("if() takes three arguments", call.Span);
        }

        var condition = Evaluate(call.Arguments[0], context);
        var b = Values.AsBool(condition);
        if (b is bool chosen)
        {
            // A branch chosen by a loaded value tells something of the content: it is not quoted either.
            var branch = Evaluate(call.Arguments[chosen ? 1 : 2], context);
            return condition.IsLoaded ? branch.AsLoaded() : branch;
        }

        // Both branches may be the same known value: then the condition does not matter.
        var whenTrue = Evaluate(call.Arguments[1], context);
        var whenFalse = Evaluate(call.Arguments[2], context);
        if (Values.Same(whenTrue, whenFalse) == true)
        {
            return whenTrue;
        }

        return new ConditionalValue(condition, whenTrue, whenFalse, call.Span);
    }

    private Value AndOr(CallExpr call, EvalContext context, bool isAnd)
    {
        bool? result = isAnd;
        Value? firstUnresolved = null;
        foreach (var arg in call.Arguments)
        {
            var v = Evaluate(arg, context);
            var b = Values.AsBool(v);
            if (b is null)
            {
                firstUnresolved ??= v;
                result = null;
                continue;
            }

            if (b == !isAnd)
            {
                return new BoolValue(!isAnd, call.Span);
            }
        }

        return result is bool known ? new BoolValue(known, call.Span) : Unresolved(firstUnresolved!, call.Span, isAnd ? "and()" : "or()");
    }

    private Value Coalesce(CallExpr call, EvalContext context)
    {
        foreach (var arg in call.Arguments)
        {
            var v = Evaluate(arg, context);
            if (v is NullValue)
            {
                continue;
            }

            if (!v.IsKnown && v is not ResourceIdValue && v is not ResourceReferenceValue && v is not CompositeStringValue)
            {
                return v;
            }

            return v;
        }

        return new NullValue(call.Span);
    }

    private Value LambdaFromArm(CallExpr call, EvalContext context)
    {
        if (call.Arguments.Count < 1)
        {
            return new UnknownValue("lambda() needs a body", call.Span);
        }

        var names = new List<string>();
        for (int i = 0; i < call.Arguments.Count - 1; i++)
        {
            if (Evaluate(call.Arguments[i], context) is StringValue s)
            {
                names.Add(s.Text);
            }
            else
            {
                return new UnknownValue("lambda() parameter names must be strings", call.Span);
            }
        }

        return new LambdaValue(new LambdaExpr(call.Span, names, call.Arguments[call.Arguments.Count - 1]), context);
    }

    internal Value Invoke(LambdaValue lambda, IReadOnlyList<Value> arguments, SourceSpan span)
    {
        if (Meter.Step(span) is { } stop)
        {
            return stop;
        }

        var inner = lambda.Context;
        for (int i = 0; i < lambda.Lambda.Parameters.Count; i++)
        {
            inner = inner.WithLocal(lambda.Lambda.Parameters[i], i < arguments.Count ? arguments[i] : new NullValue(span));
        }

        return Evaluate(lambda.Lambda.Body, inner);
    }

    private bool TryUserFunction(CallExpr call, EvalContext context, out Value result)
    {
        var owner = context.Deployment.ExpressionOwner;
        if (!owner.Template.Functions.TryGetValue(call.Name, out var function))
        {
            result = null!;
            return false;
        }

        var inner = context.ForFunctionBody();
        var arguments = new Value[function.Parameters.Count];
        for (int i = 0; i < function.Parameters.Count; i++)
        {
            arguments[i] = i < call.Arguments.Count ? Evaluate(call.Arguments[i], context) : new NullValue(call.Span);
            inner = inner.WithLocal(function.Parameters[i], arguments[i]);
        }

        result = CallUserFunction(call, function.Output, arguments, inner).At(call.Span);
        return true;
    }

    /// <summary>
    /// <c>reference(resourceOrId, [apiVersion], ['Full'])</c>: the resource's runtime properties,
    /// symbolic unless the body declares them. Also records the implicit dependency ARM adds.
    /// </summary>
    private Value Reference(CallExpr call, EvalContext context)
    {
        if (call.Arguments.Count < 1)
        {
            return new UnknownValue("reference() needs a resource", call.Span);
        }

        var target = Evaluate(call.Arguments[0], context);
        bool full = false;
        if (call.Arguments.Count >= 3 && Evaluate(call.Arguments[2], context) is StringValue mode)
        {
            full = string.Equals(mode.Text, "full", StringComparison.OrdinalIgnoreCase);
        }

        ResourceIdValue? id = target switch
        {
            ResourceIdValue rid => rid,
            ResourceReferenceValue rref when rref.Path.Count == 0 => rref.Resource,
            StringValue s => ResourceNameOrId(s.Text, call.Span, context),
            _ => null,
        };

        if (id is null)
        {
            return Unresolved(target, call.Span, "reference()'s resource");
        }

        if (id.Instance is not null)
        {
            context.RecordDependency(id.Instance);
        }

        var path = full ? Array.Empty<string>() : new[] { "properties" };
        return new ResourceReferenceValue(id, path, call.Span);
    }

    /// <summary>
    /// A string given to <c>reference()</c> or <c>dependsOn</c>: a symbolic name (languageVersion 2.0),
    /// a resource ID, or a resource name (ARM resolves a bare name against the template's resources).
    /// </summary>
    internal ResourceIdValue? ResourceNameOrId(string text, SourceSpan span, EvalContext context)
    {
        var deployment = context.Deployment;
        var bySymbol = deployment.FindSymbol(text);
        if (bySymbol.Count > 0)
        {
            int? index = context.GetCopyIndex(null);
            var instance = bySymbol.Count == 1 || index is null || index >= bySymbol.Count ? bySymbol[0] : bySymbol[index.Value];
            return instance.Id;
        }

        var parsed = ResourceIds.Parse(text, span, deployment.Scope);
        if (parsed is not null)
        {
            return Graph.Link(parsed);
        }

        foreach (var instance in deployment.Resources)
        {
            if (instance.Name is StringValue n && string.Equals(n.Text, text, StringComparison.OrdinalIgnoreCase))
            {
                return instance.Id;
            }
        }

        return null;
    }
}

/// <summary>A value that is one of two values, depending on a condition only known at deployment.</summary>
public sealed class ConditionalValue : Value
{
    public ConditionalValue(Value condition, Value whenTrue, Value whenFalse, SourceSpan span)
        : base(span)
    {
        Condition = condition;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public Value Condition { get; }

    public Value WhenTrue { get; }

    public Value WhenFalse { get; }

    public override long Size => AddSize(Condition.Size, AddSize(WhenTrue.Size, WhenFalse.Size));

    public override ValueState State => ValueState.Unknown;

    public override string Describe() => $"if({Condition.Describe()}, {WhenTrue.Describe()}, {WhenFalse.Describe()})";
}
