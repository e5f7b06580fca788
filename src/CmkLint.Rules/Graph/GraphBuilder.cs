using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Graph;

/// <summary>Builds the resource graph of one entry point: instances (loops expanded), nested deployments, dependencies.</summary>
public static class GraphBuilder
{
    /// <summary>
    /// Equal module calls share one deployment only once a tree has this many: an ordinary template keeps
    /// every instance under its own caller (as the compiler lists them), a fan-out of modules costs its distinct calls.
    /// </summary>
    private const int SharingThreshold = 64;

    /// <summary>Builds the graph of <paramref name="template"/> with the given parameter values (a parameters file's or a .bicepparam's).</summary>
    public static ResourceGraph Build(Template template, IReadOnlyDictionary<string, Expr>? parameterValues, string? parametersSource, EvaluationOptions? options = null)
    {
        var graph = new ResourceGraph(options ?? new EvaluationOptions());
        var root = new Deployment(graph, template, null, null, RootScope(template.TargetScope), ExpressionScope.Inner);
        if (parameterValues is not null)
        {
            foreach (var pair in parameterValues)
            {
                root.Supplied[pair.Key] = (pair.Value, null);
            }
        }

        root.ParametersSource = parametersSource;
        graph.Root = root;
        graph.EntryDescription = parametersSource is null ? template.File.Path : template.File.Path + " with " + parametersSource;
        graph.Add(root);
        var state = new BuildState();
        Instantiate(graph, root, state, 0);
        graph.BuildIndex();
        ExistingResourceLinker.Link(graph);
        foreach (var instance in graph.Resources)
        {
            ResolveDependsOn(graph, instance);
            ModuleParameterDependencies.Add(graph, instance);
            instance.Parent ??= FindParentByName(graph, instance);
        }

        return graph;
    }

    private static ResourceScope RootScope(DeploymentScope kind)
    {
        var span = SourceSpan.None;
        var subscription = new RuntimeValue("subscription().subscriptionId", span) { Deterministic = true };
        return kind switch
        {
            DeploymentScope.ResourceGroup => new ResourceScope(kind, subscription, new RuntimeValue("resourceGroup().name", span) { Deterministic = true }),
            DeploymentScope.Subscription => new ResourceScope(kind, subscription, null),
            DeploymentScope.ManagementGroup => new ResourceScope(kind, null, null, new RuntimeValue("managementGroup().name", span) { Deterministic = true }),
            _ => new ResourceScope(kind, null, null),
        };
    }

    private sealed class BuildState
    {
        public int Count;

        /// <summary>Module and nested-deployment instantiations (equal ones shared count once).</summary>
        public int Deployments;

        /// <summary>Deployments by what makes them equal (template, scope, known arguments): a diamond of modules costs its distinct calls.</summary>
        public Dictionary<(object Template, object Scope, object? Parent, string Arguments), Deployment> Shared { get; } = new();
    }

    private static void Instantiate(ResourceGraph graph, Deployment deployment, BuildState state, int nesting)
    {
        var template = deployment.Template;
        var baseContext = new EvalContext(deployment);
        var meter = graph.Evaluator.Options.Meter;
        foreach (var declaration in template.Resources)
        {
            foreach (var (context, index) in Contexts(graph, declaration, baseContext))
            {
                if (state.Count >= meter.Limits.Instances)
                {
                    meter.Over("instances", meter.Limits.Instances, "resource and module instances", declaration.Span);
                    return;
                }

                if (meter.CheckTime())
                {
                    return;
                }

                var sink = new HashSet<ResourceInstance>();
                var instanceContext = context.WithDependencySink(sink);
                var instance = new ResourceInstance(declaration, deployment, context) { Index = index };
                if (declaration.Condition is not null)
                {
                    instance.Condition = graph.Evaluator.Evaluate(declaration.Condition, instanceContext);
                    if (Values.AsBool(instance.Condition) == false)
                    {
                        continue;
                    }
                }

                if (declaration.Parent is not null)
                {
                    var parents = deployment.FindSymbol(declaration.Parent.SymbolicName ?? string.Empty);
                    instance.Parent = parents.Count == 0 ? null : parents[index is int i && i < parents.Count ? i : 0];
                }
                else if (declaration.ParentSymbol is not null)
                {
                    var parentValue = graph.Evaluator.Evaluate(new SymbolExpr(declaration.Span, SymbolKind.Resource, declaration.ParentSymbol), instanceContext);
                    if (parentValue is ResourceReferenceValue parentRef)
                    {
                        instance.Parent = parentRef.Resource.Instance ?? FindInstance(deployment, parentRef.Resource);
                    }
                }

                instance.Name = declaration.Name is null ? new UnknownValue("the resource has no name", declaration.Span) : graph.Evaluator.Evaluate(declaration.Name, instanceContext);
                var scope = declaration.Scope is null && instance.Parent is not null ? instance.Parent.Id.Scope : ScopeOf(graph, declaration, deployment, instanceContext);
                instance.Id = new ResourceIdValue(declaration.Type, NameSegments(instance, declaration), scope, instance.Span) { Instance = instance };
                instance.AddImplicit(sink);
                graph.Add(instance);
                deployment.Resources.Add(instance);
                if (declaration.SymbolicName is not null)
                {
                    if (!deployment.BySymbol.TryGetValue(declaration.SymbolicName, out var list))
                    {
                        deployment.BySymbol[declaration.SymbolicName] = list = new List<ResourceInstance>();
                    }

                    list.Add(instance);
                }

                state.Count++;
                if (declaration.Nested is not null)
                {
                    InstantiateNested(graph, declaration, deployment, instance, context, instanceContext, state, nesting);
                }
            }
        }
    }

    /// <summary>
    /// The deployment a module or nested deployment creates. Past the depth or instantiation budget it is
    /// not followed (one CMK901 says so); past <see cref="SharingThreshold"/>, a call equal to one already
    /// made (same template, scope and known arguments) shares that one's deployment.
    /// </summary>
    private static void InstantiateNested(ResourceGraph graph, ResourceDeclaration declaration, Deployment deployment, ResourceInstance instance, EvalContext context, EvalContext instanceContext, BuildState state, int nesting)
    {
        var meter = graph.Evaluator.Options.Meter;
        var nestedDeclaration = declaration.Nested!;
        if (nesting >= meter.Limits.DeploymentDepth)
        {
            meter.Over("deploymentDepth", meter.Limits.DeploymentDepth, "a module or nested deployment nested this deep", declaration.Span);
            return;
        }

        var scope = NestedScope(graph, declaration, deployment, instanceContext);
        var key = SharingKey(graph, nestedDeclaration, deployment, scope, context);
        if (key is { } k && state.Deployments >= SharingThreshold && state.Shared.TryGetValue(k, out var shared))
        {
            instance.Nested = shared;
            return;
        }

        if (++state.Deployments > meter.Limits.Modules)
        {
            meter.Over("modules", meter.Limits.Modules, "module and nested-deployment instantiations", declaration.Span);
            return;
        }

        var nested = new Deployment(graph, nestedDeclaration.Template, deployment, instance, scope, nestedDeclaration.ExpressionScope);
        foreach (var pair in nestedDeclaration.ParameterValues)
        {
            nested.Supplied[pair.Key] = (pair.Value, context);
        }

        instance.Nested = nested;
        graph.Add(nested);
        if (key is { } newKey)
        {
            state.Shared[newKey] = nested;
        }

        Instantiate(graph, nested, state, nesting + 1);
    }

    /// <summary>
    /// What makes two module calls deploy the same thing: the template, the scope, the caller (for ARM's
    /// outer scope) and the JSON of every argument. Null (not shared) when an argument is not known or
    /// could read a resource or variable of the caller, which may not be complete yet.
    /// </summary>
    private static (object, object, object?, string)? SharingKey(ResourceGraph graph, NestedDeployment nested, Deployment caller, ResourceScope scope, EvalContext context)
    {
        var arguments = new System.Text.StringBuilder();
        var names = new List<string>(nested.ParameterValues.Keys);
        names.Sort(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var expr = nested.ParameterValues[name];
            if (!ReadsOnlyParameters(expr))
            {
                return null;
            }

            var value = graph.Evaluator.Evaluate(expr, context);
            if (value.Size > 4096 || JsonText.Write(value) is not string json)
            {
                return null;
            }

            arguments.Append(name.ToLowerInvariant()).Append('=').Append(json).Append(';');
        }

        return (nested.Template, scope, nested.ExpressionScope == ExpressionScope.Outer ? caller : null, arguments.ToString());
    }

    /// <summary>Whether an argument depends only on literals, parameters and local variables (never on resources, variables or outputs).</summary>
    private static bool ReadsOnlyParameters(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr:
                return true;
            case SymbolExpr symbol:
                return symbol.Kind is SymbolKind.Parameter or SymbolKind.Local;
            case CallExpr call when call.Name.Equals("parameters", StringComparison.OrdinalIgnoreCase):
                return call.Arguments.Count == 1 && call.Arguments[0] is LiteralExpr;
            case ObjectExpr obj:
                foreach (var p in obj.Properties)
                {
                    if ((p.NameExpr is not null && !ReadsOnlyParameters(p.NameExpr)) || p.Value is SpreadExpr || !ReadsOnlyParameters(p.Value))
                    {
                        return false;
                    }
                }

                return true;
            case ArrayExpr array:
                foreach (var item in array.Items)
                {
                    if (item is SpreadExpr || !ReadsOnlyParameters(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static ResourceInstance? FindInstance(Deployment deployment, ResourceIdValue id)
    {
        foreach (var r in deployment.Resources)
        {
            if (ResourceIdValue.Same(r.Id, id) == true)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>One context per instance: a loop gives one per iteration (or one symbolic instance when the count is unknown).</summary>
    private static IEnumerable<(EvalContext Context, int? Index)> Contexts(ResourceGraph graph, ResourceDeclaration declaration, EvalContext baseContext)
    {
        var loop = declaration.Loop;
        if (loop is null)
        {
            yield return (baseContext, null);
            yield break;
        }

        var source = graph.Evaluator.Evaluate(loop.Source, baseContext);
        IReadOnlyList<Value>? items = null;
        int count = -1;
        if (loop.SourceIsCount && source is NumberValue n)
        {
            count = (int)Math.Max(0, Math.Min(n.Number, int.MaxValue));
        }
        else if (!loop.SourceIsCount && source is ArrayValue array)
        {
            items = array.Items;
            count = items.Count;
        }
        else if (!loop.SourceIsCount && source is ObjectValue obj)
        {
            items = Functions.ItemsOf(obj);
            count = items.Count;
        }

        if (count < 0 || count > Evaluator.MaxLoopLength)
        {
            var unknown = count < 0 ? Evaluator.Unresolved(source, loop.Span, "the loop") : new UnknownValue("the loop is too long to expand", loop.Span);
            var context = baseContext;
            if (loop.ItemVariable is not null)
            {
                context = context.WithLocal(loop.ItemVariable, unknown);
            }

            if (loop.IndexVariable is not null)
            {
                context = context.WithLocal(loop.IndexVariable, new UnknownValue("the loop index is unknown", loop.Span));
            }

            yield return (context, null);
            yield break;
        }

        for (int i = 0; i < count; i++)
        {
            var context = baseContext.WithCopyIndex(loop.CopyName, i);
            if (loop.ItemVariable is not null)
            {
                context = context.WithLocal(loop.ItemVariable, items is null ? new NumberValue(i, loop.Span) : items[i]);
            }

            if (loop.IndexVariable is not null)
            {
                context = context.WithLocal(loop.IndexVariable, new NumberValue(i, loop.Span));
            }

            if (loop.Filter is not null && Values.AsBool(graph.Evaluator.Evaluate(loop.Filter, context)) == false)
            {
                continue;
            }

            yield return (context, i);
        }
    }

    /// <summary>The name split into one segment per type level: <c>vault/key</c> → ['vault', 'key'].</summary>
    private static IReadOnlyList<Value> NameSegments(ResourceInstance instance, ResourceDeclaration declaration)
    {
        int expected = ResourceIds.SegmentCount(declaration.Type);
        var name = instance.Name;
        if (declaration.Parent is not null || declaration.ParentSymbol is not null)
        {
            var segments = new List<Value>();
            if (instance.Parent is not null)
            {
                segments.AddRange(instance.Parent.Id.Names);
            }
            else
            {
                for (int i = 0; i < expected - 1; i++)
                {
                    segments.Add(new UnknownValue("the parent resource is unknown", declaration.Span));
                }
            }

            segments.Add(name);
            return segments;
        }

        switch (name)
        {
            case StringValue s:
                var parts = s.Text.Split('/');
                var result = new Value[parts.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    result[i] = new StringValue(parts[i], s.Span);
                }

                return result;
            case CompositeStringValue composite:
                return SplitComposite(composite, expected);
            default:
                if (expected <= 1)
                {
                    return new[] { name };
                }

                var unknown = new Value[expected];
                for (int i = 0; i < expected; i++)
                {
                    unknown[i] = new UnknownValue("the resource name is known only at deployment", name.Span);
                }

                return unknown;
        }
    }

    /// <summary>Splits a partly symbolic name at the '/' of its known parts: <c>{vault.name}/key</c> → [vault.name, 'key'].</summary>
    private static IReadOnlyList<Value> SplitComposite(CompositeStringValue composite, int expected)
    {
        var segments = new List<Value>();
        var current = new List<Value>();
        void Close()
        {
            segments.Add(current.Count == 1 ? current[0] : Functions.Concat(current, composite.Span));
            current = new List<Value>();
        }

        foreach (var part in composite.Parts)
        {
            if (part is StringValue s)
            {
                var pieces = s.Text.Split('/');
                for (int i = 0; i < pieces.Length; i++)
                {
                    if (i > 0)
                    {
                        Close();
                    }

                    if (pieces[i].Length > 0)
                    {
                        current.Add(new StringValue(pieces[i], s.Span));
                    }
                }
            }
            else
            {
                current.Add(part);
            }
        }

        Close();
        return segments;
    }

    private static ResourceScope ScopeOf(ResourceGraph graph, ResourceDeclaration declaration, Deployment deployment, EvalContext context)
    {
        if (declaration.Scope is null || declaration.Nested is not null)
        {
            return deployment.Scope;
        }

        var value = graph.Evaluator.Evaluate(declaration.Scope, context);
        var target = value switch
        {
            ResourceReferenceValue r when r.Path.Count == 0 => r.Resource,
            ResourceIdValue id => id,
            StringValue s => ResourceIds.Parse(s.Text, s.Span, deployment.Scope),
            _ => null,
        };
        if (target is not null)
        {
            return new ResourceScope(deployment.Scope.Kind, deployment.Scope.SubscriptionId, deployment.Scope.ResourceGroup, deployment.Scope.ManagementGroup, graph.Link(target));
        }

        return ScopeFromValue(value, deployment) ?? deployment.Scope;
    }

    /// <summary>Bicep scope functions evaluate to objects: <c>resourceGroup('rg')</c> gives one with a name, <c>subscription('id')</c> one with an ID.</summary>
    private static ResourceScope? ScopeFromValue(Value value, Deployment deployment)
    {
        if (ExistingResourceLinker.ResourceGroupScope(value) is { } group)
        {
            return group;
        }

        if (value is not ObjectValue obj)
        {
            return null;
        }

        var current = deployment.Scope;
        var type = obj.Get("type");
        if (obj.Get("subscriptionId") is Value sub && obj.Get("name") is null)
        {
            return new ResourceScope(DeploymentScope.Subscription, sub, null);
        }

        if (obj.Get("name") is Value rgName && (type is null || Values.TextIs(type, "Microsoft.Resources/resourceGroups") != false))
        {
            var subscription = obj.Get("subscriptionId") ?? current.SubscriptionId;
            return new ResourceScope(DeploymentScope.ResourceGroup, subscription, rgName);
        }

        return null;
    }

    private static ResourceScope NestedScope(ResourceGraph graph, ResourceDeclaration declaration, Deployment deployment, EvalContext context)
    {
        var current = deployment.Scope;
        if (declaration.Scope is not null)
        {
            var value = graph.Evaluator.Evaluate(declaration.Scope, context);
            return ScopeFromValue(value, deployment) ?? current;
        }

        Value? subscription = declaration.SubscriptionId is null ? null : graph.Evaluator.Evaluate(declaration.SubscriptionId, context);
        Value? group = declaration.ResourceGroup is null ? null : graph.Evaluator.Evaluate(declaration.ResourceGroup, context);
        if (subscription is null && group is null)
        {
            return current;
        }

        if (group is null && current.Kind != DeploymentScope.ResourceGroup)
        {
            return new ResourceScope(DeploymentScope.Subscription, subscription, null);
        }

        return new ResourceScope(DeploymentScope.ResourceGroup, subscription ?? current.SubscriptionId, group ?? current.ResourceGroup);
    }

    private static void ResolveDependsOn(ResourceGraph graph, ResourceInstance instance)
    {
        var declaration = instance.Declaration;
        if (declaration.DependsOn.Count == 0)
        {
            return;
        }

        var context = instance.Context;
        foreach (var expr in declaration.DependsOn)
        {
            var value = graph.Evaluator.Evaluate(expr, context);
            AddDependencies(graph, instance, value, context);
        }
    }

    private static void AddDependencies(ResourceGraph graph, ResourceInstance instance, Value value, EvalContext context)
    {
        switch (value)
        {
            case ArrayValue array:
                foreach (var item in array.Items)
                {
                    AddDependencies(graph, instance, item, context);
                }

                break;
            case ResourceReferenceValue reference:
                AddIfFound(instance, DependencyTarget(graph, instance, reference.Resource));
                break;
            case ResourceIdValue id:
                AddIfFound(instance, DependencyTarget(graph, instance, id));
                break;
            case StringValue s:
                // A copy loop's name means every instance of the loop.
                bool byLoop = false;
                foreach (var candidate in instance.Deployment.Resources)
                {
                    if (candidate.Declaration.Loop?.CopyName is string copy && string.Equals(copy, s.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        instance.ExplicitDependencies.Add(candidate);
                        byLoop = true;
                    }
                }

                if (!byLoop)
                {
                    var id2 = graph.Evaluator.ResourceNameOrId(s.Text, s.Span, context);
                    AddIfFound(instance, id2 is null ? null : DependencyTarget(graph, instance, id2));
                }

                break;
        }
    }

    /// <summary>
    /// What a <c>dependsOn</c> ID names: ARM resolves it among the resources of the same template (and
    /// never to the resource itself), which matters when a nested deployment declares the same resource
    /// again; elsewhere in the graph only when the template has no such resource.
    /// </summary>
    private static ResourceInstance? DependencyTarget(ResourceGraph graph, ResourceInstance instance, ResourceIdValue id)
    {
        if (id.Instance is not null && !ReferenceEquals(id.Instance, instance) && ReferenceEquals(id.Instance.Deployment, instance.Deployment))
        {
            return id.Instance;
        }

        ResourceInstance? found = null;
        foreach (var candidate in instance.Deployment.Resources)
        {
            if (!ReferenceEquals(candidate, instance) && ResourceIdValue.Same(candidate.Id, id) == true && (found is null || (found.Existing && !candidate.Existing)))
            {
                found = candidate;
            }
        }

        if (found is not null)
        {
            return found;
        }

        var linked = graph.Find(id);
        return ReferenceEquals(linked, instance) ? null : linked;
    }

    private static void AddIfFound(ResourceInstance instance, ResourceInstance? dependency)
    {
        if (dependency is not null && !ReferenceEquals(dependency, instance))
        {
            instance.ExplicitDependencies.Add(dependency);
        }
    }

    /// <summary>ARM children declared at the top level name their parent in their name (<c>vault/key</c>).</summary>
    private static ResourceInstance? FindParentByName(ResourceGraph graph, ResourceInstance instance)
    {
        var id = instance.Id;
        if (id.Names.Count < 2)
        {
            return null;
        }

        int slash = id.Type.LastIndexOf('/');
        string parentType = id.Type.Substring(0, slash);
        var names = new Value[id.Names.Count - 1];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = id.Names[i];
        }

        return graph.Find(new ResourceIdValue(parentType, names, id.Scope, id.Span));
    }
}
