using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Model;

/// <summary>A resource, a module or a nested deployment as the template declares it (before evaluation).</summary>
public sealed class ResourceDeclaration
{
    public ResourceDeclaration(Template template, string type, SourceSpan span)
    {
        Template = template;
        Type = type;
        Span = span;
    }

    /// <summary>The template that declares it.</summary>
    public Template Template { get; }

    /// <summary>The full resource type, e.g. <c>Microsoft.ContainerRegistry/registries</c> (child types composed).</summary>
    public string Type { get; set; }

    /// <summary>The whole declaration (resource JSON object or Bicep resource statement).</summary>
    public SourceSpan Span { get; }

    /// <summary>Where a finding about the resource as a whole points: the symbolic name in Bicep, the <c>type</c>/<c>name</c> in JSON.</summary>
    public SourceSpan NameSpan { get; set; }

    /// <summary>The Bicep symbol or ARM languageVersion 2.0 key; null for ARM resource arrays.</summary>
    public string? SymbolicName { get; set; }

    public string? ApiVersion { get; set; }

    public SourceSpan ApiVersionSpan { get; set; }

    /// <summary>The resource's full name expression (<c>vault/key</c> for children after composition).</summary>
    public Expr? Name { get; set; }

    /// <summary>For Bicep children, the parent's declaration; the name then is the child's own segment.</summary>
    public ResourceDeclaration? Parent { get; set; }

    /// <summary>The parent's symbolic name when a Bicep <c>parent:</c> names it (resolved by the graph).</summary>
    public string? ParentSymbol { get; set; }

    public Expr? Condition { get; set; }

    public ResourceLoop? Loop { get; set; }

    /// <summary>A reference to a resource deployed elsewhere (Bicep/ARM 2.0 <c>existing</c>).</summary>
    public bool Existing { get; set; }

    /// <summary>An update of a resource that already exists (C# <c>ContainerRegistryPatch</c>): <see cref="Existing"/> too, and the body holds only what the update sets.</summary>
    public bool IsUpdate { get; set; }

    public List<Expr> DependsOn { get; } = new();

    /// <summary>The <c>scope</c> of an extension resource, or a module's target scope (e.g. <c>resourceGroup('rg')</c>).</summary>
    public Expr? Scope { get; set; }

    /// <summary>ARM <c>resourceGroup</c>/<c>subscriptionId</c> properties of a nested deployment.</summary>
    public Expr? ResourceGroup { get; set; }

    public Expr? SubscriptionId { get; set; }

    /// <summary>The resource's declared body (the JSON resource object, or the Bicep body object).</summary>
    public ObjectExpr Body { get; set; } = null!;

    /// <summary>For modules and <c>Microsoft.Resources/deployments</c> with an inline template: the nested deployment.</summary>
    public NestedDeployment? Nested { get; set; }

    public override string ToString() => SymbolicName ?? Type;
}

/// <summary>A copy loop or a Bicep <c>for</c> on a resource or module.</summary>
public sealed class ResourceLoop
{
    public ResourceLoop(SourceSpan span, Expr source, bool sourceIsCount)
    {
        Span = span;
        Source = source;
        SourceIsCount = sourceIsCount;
    }

    public SourceSpan Span { get; }

    /// <summary>The copy <c>count</c>, or the Bicep array iterated.</summary>
    public Expr Source { get; }

    public bool SourceIsCount { get; }

    /// <summary>ARM copy name (<c>copyIndex('name')</c>).</summary>
    public string? CopyName { get; set; }

    public string? ItemVariable { get; set; }

    public string? IndexVariable { get; set; }

    /// <summary>A Bicep loop filter (<c>[for x in xs: if (cond) {...}]</c>).</summary>
    public Expr? Filter { get; set; }
}

/// <summary>How a nested template sees expressions: ARM's <c>expressionEvaluationOptions.scope</c>.</summary>
public enum ExpressionScope
{
    /// <summary>Expressions in the nested template see the parent's parameters and variables (ARM's default).</summary>
    Outer,

    /// <summary>The nested template has its own parameters, bound by the caller (Bicep modules, ARM <c>inner</c>).</summary>
    Inner,
}

/// <summary>A nested template deployed by a module or a <c>Microsoft.Resources/deployments</c> resource.</summary>
public sealed class NestedDeployment
{
    public NestedDeployment(Template template, ExpressionScope scope)
    {
        Template = template;
        ExpressionScope = scope;
    }

    public Template Template { get; }

    public ExpressionScope ExpressionScope { get; }

    /// <summary>Parameter values the caller binds (inner scope), evaluated in the caller's context.</summary>
    public Dictionary<string, Expr> ParameterValues { get; } = new(System.StringComparer.OrdinalIgnoreCase);
}
