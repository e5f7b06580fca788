using System;
using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Graph;

/// <summary>
/// One deployment of a template: the entry template with its parameter values, or a module /
/// nested deployment with the values its caller binds. Parameters and variables are evaluated
/// lazily and once.
/// </summary>
public sealed class Deployment
{
    private readonly Dictionary<string, Value> parameterCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Value> variableCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> evaluating = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Value> outputCache = new(StringComparer.OrdinalIgnoreCase);

    internal Deployment(ResourceGraph graph, Template template, Deployment? parent, ResourceInstance? owner, ResourceScope scope, ExpressionScope expressionScope)
    {
        Graph = graph;
        Template = template;
        Parent = parent;
        Owner = owner;
        Scope = scope;
        ExpressionScope = expressionScope;
    }

    public ResourceGraph Graph { get; }

    public Template Template { get; }

    /// <summary>The deployment that deploys this one (null for the entry point).</summary>
    public Deployment? Parent { get; }

    /// <summary>The module or <c>Microsoft.Resources/deployments</c> instance that deploys this one.</summary>
    public ResourceInstance? Owner { get; }

    /// <summary>The scope resources of this deployment are created in by default.</summary>
    public ResourceScope Scope { get; }

    public ExpressionScope ExpressionScope { get; }

    /// <summary>Parameter values bound from outside: a parameters file, or the caller's arguments with the caller's context.</summary>
    internal Dictionary<string, (Expr Expr, EvalContext? Context)> Supplied { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Describes where supplied parameter values came from (e.g. <c>main.parameters.json</c>).</summary>
    public string? ParametersSource { get; internal set; }

    public List<ResourceInstance> Resources { get; } = new();

    internal Dictionary<string, List<ResourceInstance>> BySymbol { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Evaluator Evaluator => Graph.Evaluator;

    /// <summary>The deployment whose parameters and variables expressions here see (ARM outer scope sees the parent's).</summary>
    internal Deployment ExpressionOwner => ExpressionScope == ExpressionScope.Outer && Parent is not null ? Parent.ExpressionOwner : this;

    /// <summary>The value of a parameter: supplied, else its default, else unknown (never a placeholder).</summary>
    public Value GetParameter(string name, SourceSpan use)
    {
        var owner = ExpressionOwner;
        if (!ReferenceEquals(owner, this))
        {
            return owner.GetParameter(name, use);
        }

        if (!parameterCache.TryGetValue(name, out var value))
        {
            value = ComputeParameter(name, use);
            parameterCache[name] = value;
        }

        return value.At(use);
    }

    /// <summary>
    /// Whether anything (the graph builder or a rule) has asked for the parameter's value so far: a value
    /// nobody asked for cannot have changed any result, so trying another value for it is pointless.
    /// </summary>
    internal bool WasRead(string name) => ExpressionOwner.parameterCache.ContainsKey(name);

    private Value ComputeParameter(string name, SourceSpan use)
    {
        Template.Parameters.TryGetValue(name, out var declaration);
        if (!evaluating.Add("p:" + name))
        {
            return new UnknownValue($"parameter '{name}' refers to itself", use);
        }

        try
        {
            Value result;
            if (Supplied.TryGetValue(name, out var supplied))
            {
                result = Evaluator.Evaluate(supplied.Expr, supplied.Context ?? new EvalContext(this));
            }
            else if (declaration?.DefaultValue is not null)
            {
                result = Evaluator.Evaluate(declaration.DefaultValue, new EvalContext(this));
            }
            else if (declaration is null)
            {
                result = new UnknownValue($"parameter '{name}' is not declared", use);
            }
            else if (declaration.Type is not null && declaration.Type.EndsWith("?", StringComparison.Ordinal))
            {
                result = new NullValue(declaration.Span);
            }
            else
            {
                // Not a placeholder: a named value the deployment supplies, equal only to itself
                // (so resourceId('...', parameters('vault')) still finds the vault named by it).
                result = new RuntimeValue($"parameter '{name}' (no default value and no parameters file)", declaration.Span) { Deterministic = true, Owner = this };
            }

            if (declaration is not null)
            {
                result = result.WithParameter(new ParameterSource(this, declaration) { Origin = result });
            }

            return result;
        }
        finally
        {
            evaluating.Remove("p:" + name);
        }
    }

    public Value GetVariable(string name, SourceSpan use)
    {
        var owner = ExpressionOwner;
        if (!ReferenceEquals(owner, this))
        {
            return owner.GetVariable(name, use);
        }

        if (!variableCache.TryGetValue(name, out var value))
        {
            if (!Template.Variables.TryGetValue(name, out var declaration))
            {
                return new UnknownValue($"variable '{name}' is not declared", use);
            }

            if (!evaluating.Add("v:" + name))
            {
                return new UnknownValue($"variable '{name}' refers to itself", use);
            }

            try
            {
                value = Evaluator.Evaluate(declaration.Value, new EvalContext(this));
            }
            finally
            {
                evaluating.Remove("v:" + name);
            }

            variableCache[name] = value;
        }

        return value.At(use);
    }

    /// <summary>The value of an output of this deployment (module outputs, <c>reference(deployment).outputs</c>).</summary>
    public Value GetOutput(string name, SourceSpan use)
    {
        if (!outputCache.TryGetValue(name, out var value))
        {
            if (!Template.Outputs.TryGetValue(name, out var declaration))
            {
                return new UnknownValue($"output '{name}' is not declared", use);
            }

            if (!evaluating.Add("o:" + name))
            {
                return new UnknownValue($"output '{name}' refers to itself", use);
            }

            try
            {
                value = Evaluator.Evaluate(declaration.Value, new EvalContext(this));
            }
            finally
            {
                evaluating.Remove("o:" + name);
            }

            outputCache[name] = value;
        }

        return value.At(use);
    }

    /// <summary>The instances of a symbolic name declared in this template (Bicep, ARM languageVersion 2.0).</summary>
    public IReadOnlyList<ResourceInstance> FindSymbol(string symbol) =>
        BySymbol.TryGetValue(symbol, out var list) ? list : Array.Empty<ResourceInstance>();

    public override string ToString() => Owner is null ? Template.File.Path : Owner.DisplayName;
}

/// <summary>Says that a value is a parameter's value, unchanged: rules use it to explain findings and to check allowed values.</summary>
public sealed class ParameterSource
{
    public ParameterSource(Deployment deployment, ParameterDeclaration declaration)
    {
        Deployment = deployment;
        Declaration = declaration;
    }

    public Deployment Deployment { get; }

    public ParameterDeclaration Declaration { get; }

    /// <summary>Whether the value was supplied (parameters file or caller) rather than the default.</summary>
    public bool IsSupplied => Deployment.Supplied.ContainsKey(Declaration.Name);

    /// <summary>
    /// The value as its source gave it, located there: the caller's argument or the parameters file's value
    /// (itself marked with the caller's parameter when the caller passes one of its own through), else the default.
    /// </summary>
    internal Value? Origin { get; set; }

    /// <summary>Where the value is passed (the caller's argument, the parameters file's value); none for a default.</summary>
    internal SourceSpan PassedAt => Deployment.Supplied.TryGetValue(Declaration.Name, out var supplied) && !IsAllowedValueTried ? supplied.Expr.Span : SourceSpan.None;

    /// <summary>Whether the supplied value is one of the parameter's allowed values, tried by the engine in place of the default: nobody passes it.</summary>
    internal bool IsAllowedValueTried =>
        Deployment.Supplied.TryGetValue(Declaration.Name, out var supplied) && Declaration.AllowedValues is { } allowed && Contains(allowed.Items, supplied.Expr);

    private static bool Contains(IReadOnlyList<Expr> items, Expr expr)
    {
        foreach (var item in items)
        {
            if (ReferenceEquals(item, expr))
            {
                return true;
            }
        }

        return false;
    }
}
