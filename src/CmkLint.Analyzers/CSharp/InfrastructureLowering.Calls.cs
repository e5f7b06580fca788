using System.Collections.Generic;
using System.Linq;
using CmkLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// Across methods within the compilation: calls to its methods, local functions, lambdas and property
/// getters are read with their parameters bound to the arguments, and their return value is the call's
/// value; fields and auto-properties keep what the analysed code stores in them (or their initializer).
/// A resource whose origin is not in the analysed code (an unbound parameter, a field set elsewhere, a
/// call into a library) is a resource with unknown defaults plus what the code sets; one that leaves the
/// analysed code (returned, stored in a field, passed to a method that is not read) may be changed there.
/// </summary>
internal sealed partial class InfrastructureLowering
{
    private readonly Dictionary<ISymbol, object?> fieldValues = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(SyntaxNode Node, int Frame), object?> callResults = new();
    private readonly HashSet<ISymbol> resolving = new(SymbolEqualityComparer.Default);
    private readonly List<ISymbol> callStack = new();
    private Frame frame = new(0, null);
    private int frames = 1;

    /// <summary>Whether a method's body is in this compilation and is not an SDK's (stubs of an SDK are never read as code).</summary>
    private bool IsReadable(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length == 1 && !IsSdkNamespace(method.ContainingType)
        && compilation.ContainsSyntaxTree(method.DeclaringSyntaxReferences[0].SyntaxTree);

    private static bool IsSdkNamespace(ISymbol? symbol)
    {
        var ns = symbol?.ContainingNamespace;
        while (ns is not null && !ns.IsGlobalNamespace && !ns.ContainingNamespace.IsGlobalNamespace)
        {
            ns = ns.ContainingNamespace;
        }

        return ns is not null && !ns.IsGlobalNamespace && (ns.Name == "Azure" || ns.Name == "Pulumi" || ns.Name == "Aspire" || ns.Name == "System" || ns.Name == "Microsoft");
    }

    /// <summary>A call of a method of the compilation: its body read in a frame of its own; the returned value, or null when it was not read.</summary>
    private object? Inline(IInvocationOperation invocation)
    {
        var key = (invocation.Syntax, frame.Id);
        if (callResults.TryGetValue(key, out var known))
        {
            return known;
        }

        var method = invocation.TargetMethod.OriginalDefinition;
        var body = callStack.Count < MaxCallDepth && !callStack.Contains(method) ? BodyOf(method) : null;
        if (body is null)
        {
            EscapeArguments(invocation);
            callResults[key] = null;
            return null;
        }

        var bindings = new List<(ISymbol, object?)>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not null)
            {
                bindings.Add((argument.Parameter.OriginalDefinition, Argument(argument.Value)));
            }
        }

        // Local functions see the locals of the method around them; methods see only their parameters.
        var parent = method.MethodKind == MethodKind.LocalFunction ? frame : null;
        var result = Call(method, body, bindings, parent);
        callResults[key] = result;
        return result;
    }

    /// <summary>A property getter of the compilation, read like a call without arguments.</summary>
    private object? Inline(IPropertyReferenceOperation property, IMethodSymbol getter)
    {
        var key = (property.Syntax, frame.Id);
        if (callResults.TryGetValue(key, out var known))
        {
            return known;
        }

        callResults[key] = null;
        var body = callStack.Count < MaxCallDepth && !callStack.Contains(getter.OriginalDefinition) ? BodyOf(getter.OriginalDefinition) : null;
        var result = body is null ? null : Call(getter.OriginalDefinition, body, new List<(ISymbol, object?)>(), null);
        callResults[key] = result;
        return result;
    }

    /// <summary>An argument's value: the model object itself for an SDK model (<c>registry.Identity</c>), else the lowered value.</summary>
    private object Argument(IOperation value) => Shape(value.Type) is not null && ObjectOf(value) is { } model ? model : Lower(value);

    /// <summary>A lambda called with the given argument values (Aspire's <c>ConfigureInfrastructure</c> callback, Pulumi's <c>Apply</c>, a delegate).</summary>
    private object? CallLambda(IAnonymousFunctionOperation lambda, params object?[] arguments) => CallLambda(lambda, frame, arguments);

    private object? CallLambda(IAnonymousFunctionOperation lambda, Frame captured, object?[] arguments)
    {
        var key = (lambda.Syntax, captured.Id);
        if (callResults.TryGetValue(key, out var known))
        {
            return known;
        }

        callResults[key] = null;
        if (callStack.Count >= MaxCallDepth)
        {
            return null;
        }

        var bindings = new List<(ISymbol, object?)>();
        for (int i = 0; i < lambda.Symbol.Parameters.Length && i < arguments.Length; i++)
        {
            bindings.Add((lambda.Symbol.Parameters[i], arguments[i]));
        }

        var result = Call(lambda.Symbol, lambda.Body, bindings, captured);
        callResults[key] = result;
        return result;
    }

    /// <summary><c>step(registry)</c> where <c>step</c> holds a lambda of the analysed code.</summary>
    private object? InvokeDelegate(IInvocationOperation invocation)
    {
        if (invocation.Instance is null || Lower(invocation.Instance) is not DelegateValue target)
        {
            return null;
        }

        var arguments = new object?[invocation.Arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Argument(invocation.Arguments[i].Value);
        }

        return CallLambda(target.Lambda, target.Captured, arguments);
    }

    /// <summary>A lambda held as a value (in a local, a parameter), with the frame whose locals it sees.</summary>
    private sealed class DelegateValue
    {
        public DelegateValue(IAnonymousFunctionOperation lambda, Frame captured)
        {
            Lambda = lambda;
            Captured = captured;
        }

        public IAnonymousFunctionOperation Lambda { get; }

        public Frame Captured { get; }
    }

    private object? Call(ISymbol callee, IOperation body, List<(ISymbol, object?)> bindings, Frame? parent)
    {
        var caller = frame;
        var outer = condition;
        frame = new Frame(frames++, parent) { EntryCondition = condition };
        foreach (var (symbol, value) in bindings)
        {
            frame.Values[symbol] = value;
        }

        callStack.Add(callee);
        try
        {
            Walk(body);
            return frame.Result();
        }
        finally
        {
            callStack.RemoveAt(callStack.Count - 1);
            frame = caller;
            condition = outer;
        }
    }

    private void Return(IReturnOperation ret)
    {
        var value = ret.ReturnedValue is null ? null : Lower(ret.ReturnedValue);
        if (frame.Id == 0 && value is ModelObject leaving)
        {
            Escape(leaving, ret.Syntax, "returned to code that is not analysed here");
        }

        frame.Returns.Add((ReferenceEquals(condition, frame.EntryCondition) ? null : condition, value));
        if (ReferenceEquals(condition, frame.EntryCondition))
        {
            frame.Returned = true;
        }
    }

    /// <summary>The body of a method, local function or property getter of the compilation.</summary>
    private IOperation? BodyOf(IMethodSymbol method)
    {
        if (!IsReadable(method))
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        var model = ModelFor(syntax.SyntaxTree);
        return syntax switch
        {
            LocalFunctionStatementSyntax local => (model.GetOperation(local) as ILocalFunctionOperation)?.Body,
            BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax => model.GetOperation(syntax),
            _ => null,
        };
    }

    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (!models.TryGetValue(tree, out var model))
        {
            // Following a call into another file needs that file's semantic model; the compilation caches it, and
            // MaxCallDepth and MaxSteps bound how much is read.
#pragma warning disable RS1030
            model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            models[tree] = model;
        }

        return model;
    }

    private readonly Dictionary<SyntaxTree, SemanticModel> models = new();

    /// <summary>Arguments passed to a method that is not read may be changed there.</summary>
    private void EscapeArguments(IInvocationOperation invocation)
    {
        if (IsSdkNamespace(invocation.TargetMethod.ContainingType))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (ObjectOf(argument.Value) is { } passed)
            {
                Escape(passed, argument.Syntax, $"passed to '{invocation.TargetMethod.Name}', which is not analysed");
            }
        }
    }

    private void Escape(ModelObject body, SyntaxNode where, string how)
    {
        body.EscapedBecause ??= new UnsupportedExpr(SpanOf(where), $"what code elsewhere sets after it is {how}");
    }

    private void SetLocal(ISymbol local, object? value) => frame.Values[local] = value;

    /// <summary>A local or parameter: its value in this frame or a frame around it (a lambda's captured locals).</summary>
    private bool TryGetLocal(ISymbol symbol, out object? value)
    {
        for (var f = frame; f is not null; f = f.Parent)
        {
            if (f.Values.TryGetValue(symbol, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    private object? LocalValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (TryGetLocal(local, out var known))
        {
            return known;
        }

        if (!resolving.Add(local))
        {
            return null;
        }

        object? value = null;
        try
        {
            // A local read before its declaration was walked (captured by a lambda read earlier): its initializer.
            var declarator = local.DeclaringSyntaxReferences.Length == 1 ? local.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax : null;
            if (declarator?.Initializer is { } initializer && compilation.ContainsSyntaxTree(initializer.SyntaxTree) && ModelFor(initializer.SyntaxTree).GetOperation(initializer.Value) is { } operation)
            {
                value = Lower(operation);
            }

            if (declarator is not null)
            {
                value = AdoptIfResource(local.Type, value, declarator, local.Name);
            }
        }
        finally
        {
            resolving.Remove(local);
        }

        SetLocal(local, value);
        return value;
    }

    private object ParameterValue(IParameterReferenceOperation reference, CmkLint.Text.SourceSpan span)
    {
        var parameter = reference.Parameter.OriginalDefinition;
        if (TryGetLocal(parameter, out var bound) && bound is not null)
        {
            return bound;
        }

        if (Shape(parameter.Type) is { ResourceType: not null, IsUpdate: false } shape)
        {
            // Unbound: the method is analysed on its own, the resource comes from its callers.
            var adopted = AdoptedResource(parameter, shape, $"parameter '{parameter.Name}'", reference.Syntax).Body;
            SetLocal(parameter, adopted);
            return adopted;
        }

        var declaration = parameter.DeclaringSyntaxReferences.Length > 0 ? parameter.DeclaringSyntaxReferences[0].GetSyntax() : null;
        return Parameter(parameter.Name, declaration, span);
    }

    /// <summary>A field or auto-property of the compilation: what the analysed code stored, else its initializer, else (a resource) unknown defaults.</summary>
    private object? StoredValue(ISymbol member, ITypeSymbol type, IOperation reference)
    {
        if (fieldValues.TryGetValue(member, out var stored))
        {
            return stored;
        }

        if (!resolving.Add(member))
        {
            return null;
        }

        object? value = null;
        try
        {
            var syntax = member.DeclaringSyntaxReferences.Length == 1 ? member.DeclaringSyntaxReferences[0].GetSyntax() : null;
            var initializer = syntax switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null && compilation.ContainsSyntaxTree(initializer.SyntaxTree) && ModelFor(initializer.SyntaxTree).GetOperation(initializer) is { } operation)
            {
                var caller = frame;
                frame = new Frame(frames++, null);
                try
                {
                    value = Lower(operation);
                }
                finally
                {
                    frame = caller;
                }
            }

            if (value is not ModelObject && Shape(type) is { ResourceType: not null, IsUpdate: false } shape)
            {
                value = AdoptedResource(member, shape, $"{member.Kind.ToString().ToLowerInvariant()} '{member.Name}'", reference.Syntax).Body;
            }
        }
        finally
        {
            resolving.Remove(member);
        }

        fieldValues[member] = value;
        return value;
    }

    private void Store(ISymbol member, object value, IOperation target)
    {
        // Kept as it is: other methods of the type may change it, but the ones this block calls are read with it.
        fieldValues.TryGetValue(member, out var before);
        fieldValues[member] = Conditioned(value, before, SpanOf(target.Syntax));
    }

    /// <summary>Whether a field or property is the compilation's own storage (not an SDK model's property, not a constant).</summary>
    private bool IsOwnStorage(ISymbol member) => member switch
    {
        IFieldSymbol field => !field.IsConst && field.ContainingType.TypeKind != TypeKind.Enum && !IsSdkNamespace(field.ContainingType) && field.DeclaringSyntaxReferences.Length == 1,
        IPropertySymbol property => !property.IsIndexer && !IsSdkNamespace(property.ContainingType) && property.DeclaringSyntaxReferences.Length == 1
            && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null } declaration
            && declaration.AccessorList?.Accessors.All(a => a.Body is null && a.ExpressionBody is null) != false,
        _ => false,
    };

    /// <summary>A value whose type is an SDK resource but that is no resource of the analysed code: a resource made elsewhere.</summary>
    private object? AdoptIfResource(ITypeSymbol type, object? value, SyntaxNode declaration, string name)
    {
        if (value is ModelObject || Shape(type) is not { ResourceType: not null, IsUpdate: false } shape)
        {
            return value;
        }

        return AdoptedResource(declaration, shape, name).Body;
    }

    /// <summary>One call's locals, parameters and returns.</summary>
    private sealed class Frame
    {
        public Frame(int id, Frame? parent)
        {
            Id = id;
            Parent = parent;
        }

        public int Id { get; }

        /// <summary>The frame whose locals a lambda or local function sees.</summary>
        public Frame? Parent { get; }

        public Dictionary<ISymbol, object?> Values { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>The condition under which the call was made: a return under it ends the call.</summary>
        public Expr? EntryCondition { get; set; }

        /// <summary>Set after a return that is always taken: the rest of the body does not run.</summary>
        public bool Returned { get; set; }

        public List<(Expr? Condition, object? Value)> Returns { get; } = new();

        /// <summary>The returned value: the last unconditional return, and earlier conditional ones before it.</summary>
        public object? Result()
        {
            object? result = null;
            for (int i = Returns.Count - 1; i >= 0; i--)
            {
                var (when, value) = Returns[i];
                if (value is null)
                {
                    continue;
                }

                result = when is null || result is null ? value : new ModelConditional(when, value, result, when.Span);
            }

            return result;
        }
    }
}
