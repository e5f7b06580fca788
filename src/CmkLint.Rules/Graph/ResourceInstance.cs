using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Graph;

/// <summary>
/// One resource as it would be deployed: a declaration in a deployment, for one copy index. Its
/// body is evaluated on first use, and evaluating it records the resources it refers to.
/// </summary>
public sealed class ResourceInstance
{
    private ObjectValue? body;
    private bool evaluatingBody;
    private HashSet<ResourceInstance>? implicitDependencies;
    private List<ResourceInstance>? dependencies;

    internal ResourceInstance(ResourceDeclaration declaration, Deployment deployment, EvalContext context)
    {
        Declaration = declaration;
        Deployment = deployment;
        Context = context;
    }

    public ResourceDeclaration Declaration { get; }

    public Deployment Deployment { get; }

    /// <summary>The evaluation context of this instance (its copy index, loop item).</summary>
    internal EvalContext Context { get; }

    /// <summary>The copy index, for a resource in a loop.</summary>
    public int? Index { get; internal set; }

    public string Type => Declaration.Type;

    public string? ApiVersion => Declaration.ApiVersion;

    /// <summary>The full name (<c>vault/key</c> for a child), as evaluated.</summary>
    public Value Name { get; internal set; } = null!;

    public ResourceIdValue Id { get; internal set; } = null!;

    /// <summary>The condition's value: absent means unconditional; known false instances are not in the graph.</summary>
    public Value? Condition { get; internal set; }

    /// <summary>Whether the condition is unknown (the resource may or may not be deployed).</summary>
    public bool IsConditional => Condition is not null && Values.AsBool(Condition) != true;

    public bool Existing => Declaration.Existing;

    /// <summary>For an <c>existing</c> resource: the resource of the same deployment tree it names, whose body rules read.</summary>
    public ResourceInstance? LinkedDeclaration { get; internal set; }

    /// <summary>The parent resource (Bicep <c>parent:</c>, nested ARM children, or by name).</summary>
    public ResourceInstance? Parent { get; internal set; }

    /// <summary>For modules and nested deployments: the deployment it runs.</summary>
    public Deployment? Nested { get; internal set; }

    /// <summary>Where a finding about the resource as a whole points.</summary>
    public SourceSpan Span => Declaration.NameSpan.IsNone ? Declaration.Span : Declaration.NameSpan;

    /// <summary>The symbolic name, else the evaluated name (or the name expression as written), for messages.</summary>
    public string DisplayName
    {
        get
        {
            string index = Index is int i ? "[" + i + "]" : string.Empty;
            if (Declaration.SymbolicName is not null)
            {
                return Declaration.SymbolicName + index;
            }

            string name = Name switch
            {
                StringValue { IsLoaded: false } s => s.Text,
                CompositeStringValue { IsLoaded: false } c => c.Describe(),
                _ => Declaration.Name?.Span.Text ?? Type,
            };
            return name + index;
        }
    }

    /// <summary>A key that identifies the resource across runs for fingerprints: symbolic name or type/name, plus copy index.</summary>
    public string StableKey
    {
        get
        {
            string index = Index is int i ? "[" + i + "]" : string.Empty;
            if (Declaration.SymbolicName is not null)
            {
                return Declaration.SymbolicName + index;
            }

            // A name computed from parameters is keyed by its expression, not its value: the same resource keeps its
            // fingerprint whichever entry point (defaults, a parameters file, a caller) found the problem.
            string name = Declaration.Name is LiteralExpr && Name is StringValue s ? s.Text : Declaration.Name?.Span.Text ?? "?";
            return (Type + "/" + name).ToLowerInvariant() + index;
        }
    }

    /// <summary>The evaluated resource object: <c>properties</c>, <c>sku</c>, <c>identity</c>, ... (evaluated once).</summary>
    public ObjectValue Body
    {
        get
        {
            if (body is not null)
            {
                return body;
            }

            if (evaluatingBody)
            {
                // A resource whose body refers to itself: the partial answer is an open object.
                return new ObjectValue(System.Array.Empty<PropertyValue>(), Declaration.Span) { IsOpen = true, OpenBecause = new UnknownValue("the resource refers to itself", Declaration.Span) };
            }

            evaluatingBody = true;
            try
            {
                var sink = new HashSet<ResourceInstance>();
                var value = Deployment.Evaluator.Evaluate(Declaration.Body, Context.WithDependencySink(sink));
                sink.Remove(this);
                implicitDependencies = sink;
                body = value as ObjectValue ?? new ObjectValue(System.Array.Empty<PropertyValue>(), Declaration.Span) { IsOpen = true, OpenBecause = value };
            }
            finally
            {
                evaluatingBody = false;
            }

            return body;
        }
    }

    /// <summary>A property of the body by dotted path (<c>properties.encryption.status</c>); null when absent.</summary>
    public Value? Get(string dottedPath) => Values.GetPath(Body, dottedPath);

    /// <summary>The resources this one depends on directly: explicit <c>dependsOn</c>, symbolic references and <c>reference()</c>, the parent, and what its deployment depends on.</summary>
    public IReadOnlyList<ResourceInstance> Dependencies
    {
        get
        {
            if (dependencies is not null)
            {
                return dependencies;
            }

            _ = Body;
            var set = new HashSet<ResourceInstance>(implicitDependencies ?? new HashSet<ResourceInstance>());
            set.UnionWith(ExplicitDependencies);
            if (Parent is not null)
            {
                set.Add(Parent);
            }

            set.Remove(this);
            dependencies = new List<ResourceInstance>(set);
            return dependencies;
        }
    }

    /// <summary>Resources named in <c>dependsOn</c> (evaluated by the graph builder).</summary>
    internal List<ResourceInstance> ExplicitDependencies { get; } = new();

    /// <summary>Records references found while evaluating name, scope and condition.</summary>
    internal void AddImplicit(IEnumerable<ResourceInstance> more)
    {
        ExplicitDependencies.AddRange(more);
    }

    public override string ToString() => DisplayName;
}
