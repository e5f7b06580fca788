using System;
using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Model;

namespace CmkLint.Graph;

/// <summary>
/// Every resource instance of one deployment tree (an entry template with its modules and nested
/// deployments flattened), with the questions rules ask: by type, by ID, and "does A depend on B".
/// </summary>
public sealed class ResourceGraph
{
    private readonly List<ResourceInstance> resources = new();
    private readonly List<Deployment> deployments = new();
    private Dictionary<string, List<ResourceInstance>>? byType;
    private readonly Dictionary<ResourceInstance, HashSet<ResourceInstance>> closure = new();

    internal ResourceGraph(EvaluationOptions options)
    {
        Evaluator = new Evaluator(this, options);
    }

    /// <summary>The entry deployment.</summary>
    public Deployment Root { get; internal set; } = null!;

    /// <summary>Every resource that may be deployed (instances whose condition is known false are left out).</summary>
    public IReadOnlyList<ResourceInstance> Resources => resources;

    public IReadOnlyList<Deployment> Deployments => deployments;

    /// <summary>Describes the entry point: the template and where its parameter values came from.</summary>
    public string EntryDescription { get; internal set; } = string.Empty;

    internal Evaluator Evaluator { get; }

    /// <summary>Set once every instance exists, so IDs can be linked to instances.</summary>
    internal bool Indexed => byType is not null;

    internal void Add(ResourceInstance instance) => resources.Add(instance);

    internal void Add(Deployment deployment) => deployments.Add(deployment);

    internal void BuildIndex()
    {
        var index = new Dictionary<string, List<ResourceInstance>>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in resources)
        {
            if (!index.TryGetValue(r.Type, out var list))
            {
                index[r.Type] = list = new List<ResourceInstance>();
            }

            list.Add(r);
        }

        byType = index;
    }

    /// <summary>All instances of a resource type (case-insensitive).</summary>
    public IReadOnlyList<ResourceInstance> OfType(string type)
    {
        if (byType is null)
        {
            BuildIndex();
        }

        return byType!.TryGetValue(type, out var list) ? list : (IReadOnlyList<ResourceInstance>)Array.Empty<ResourceInstance>();
    }

    /// <summary>The declared instance an ID names, when the values prove it is that one.</summary>
    public ResourceInstance? Find(ResourceIdValue id)
    {
        if (id.Instance is { Existing: false })
        {
            return ExistingResourceLinker.Follow(id.Instance);
        }

        if (byType is null)
        {
            return id.Instance is null ? null : ExistingResourceLinker.Follow(id.Instance);
        }

        ResourceInstance? found = null;
        foreach (var candidate in OfType(id.Type))
        {
            if (ReferenceEquals(candidate.Id, id))
            {
                if (!candidate.Existing)
                {
                    return candidate;
                }

                // An 'existing' resource (a module's view of a key passed by ID) yields to the declaration of the same resource, if any.
                found ??= candidate;
                continue;
            }

            if (ResourceIdValue.Same(candidate.Id, id) == true)
            {
                if (found is not null && !ReferenceEquals(found, candidate))
                {
                    // Two declarations of the same resource: prefer the one that is not 'existing'.
                    if (found.Existing && !candidate.Existing)
                    {
                        found = candidate;
                    }

                    continue;
                }

                found = candidate;
            }
        }

        var resolved = found ?? id.Instance;
        return resolved is null ? null : ExistingResourceLinker.Follow(resolved);
    }

    /// <summary>The same ID, linked to the declared instance it names (when there is one).</summary>
    public ResourceIdValue Link(ResourceIdValue id)
    {
        if (id.Instance is not null || byType is null)
        {
            return id;
        }

        var instance = Find(id);
        return instance is null ? id : new ResourceIdValue(id.Type, id.Names, id.Scope, id.Span) { Instance = instance };
    }

    /// <summary>The ID of the parent resource (<c>vaults/kv</c> for <c>vaults/kv/keys/k</c>), linked to its instance; null for a top-level ID.</summary>
    public ResourceIdValue? ParentIdOf(ResourceIdValue id)
    {
        int slash = id.Type.LastIndexOf('/');
        if (id.Names.Count < 2 || slash < 0)
        {
            return null;
        }

        var names = new Value[id.Names.Count - 1];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = id.Names[i];
        }

        var parent = new ResourceIdValue(id.Type.Substring(0, slash), names, id.Scope, id.Span);
        if (id.Instance?.Parent is { } declaredParent && string.Equals(declaredParent.Type, parent.Type, StringComparison.OrdinalIgnoreCase))
        {
            return declaredParent.Id;
        }

        return Link(parent);
    }

    /// <summary>Whether <paramref name="child"/> is a child resource of <paramref name="parent"/>: by its declared parent, else by the parent part of its ID (a top-level resource is no one's child).</summary>
    public bool? IsChildOf(ResourceInstance child, ResourceInstance parent)
    {
        if (ReferenceEquals(child.Parent, parent))
        {
            return true;
        }

        return ParentIdOf(child.Id) is { } parentId ? ResourceIdValue.Same(parentId, parent.Id) : false;
    }

    /// <summary>The instances of <paramref name="childType"/> that are, or may be, children of <paramref name="parent"/>, each with whether that is proven.</summary>
    public IEnumerable<(ResourceInstance Child, bool? Proven)> ChildrenOf(ResourceInstance parent, string childType)
    {
        foreach (var candidate in OfType(childType))
        {
            bool? isChild = IsChildOf(candidate, parent);
            if (isChild != false)
            {
                yield return (candidate, isChild);
            }
        }
    }

    /// <summary>Whether the graph declares the resource at all (deployed or <c>existing</c>): false only when every candidate is proven another.</summary>
    public bool? Declares(ResourceIdValue id)
    {
        bool? result = false;
        foreach (var candidate in OfType(id.Type))
        {
            result = Values.Or(result, ResourceIdValue.Same(candidate.Id, id));
        }

        return result;
    }

    /// <summary>
    /// Whether <paramref name="dependent"/> waits for <paramref name="dependency"/>: directly or
    /// transitively, through <c>dependsOn</c>, symbolic references and module boundaries (a
    /// dependency on a deployment waits for everything in it; a nested resource waits for what
    /// its deployment waits for).
    /// </summary>
    public bool DependsOn(ResourceInstance dependent, ResourceInstance dependency)
    {
        if (!closure.TryGetValue(dependent, out var reachable))
        {
            reachable = new HashSet<ResourceInstance>();
            var stack = new Stack<ResourceInstance>();
            stack.Push(dependent);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var next in Edges(current))
                {
                    if (reachable.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }

            closure[dependent] = reachable;
        }

        return reachable.Contains(dependency);
    }

    private static IEnumerable<ResourceInstance> Edges(ResourceInstance instance)
    {
        foreach (var d in instance.Dependencies)
        {
            yield return d;
        }

        // Depending on a module or nested deployment means waiting for all it deploys.
        if (instance.Nested is not null)
        {
            foreach (var inner in instance.Nested.Resources)
            {
                yield return inner;
            }
        }

        // A resource inside a module starts only after what the module waits for.
        if (instance.Deployment.Owner is not null)
        {
            foreach (var d in instance.Deployment.Owner.Dependencies)
            {
                yield return d;
            }
        }
    }
}
