using System;
using CmkLint.Evaluation;

namespace CmkLint.Graph;

/// <summary>
/// Links each <c>existing</c> resource to the declaration it names when that resource is deployed in
/// the same deployment tree (the caller, a sibling module, another resource group of a
/// subscription-scope deployment): its name and scope evaluate, through parameters, module outputs
/// and string functions over resource IDs, to that resource's ID. Rules then read the declared body
/// instead of stopping at "outside the analysed files".
/// </summary>
internal static class ExistingResourceLinker
{
    public static void Link(ResourceGraph graph)
    {
        foreach (var instance in graph.Resources)
        {
            if (!instance.Existing || instance.Id is null)
            {
                continue;
            }

            instance.LinkedDeclaration = DeclarationOf(graph, instance);
        }
    }

    /// <summary>The one deployed (not <c>existing</c>, not conditional) instance whose ID is proved equal; null when none or several.</summary>
    private static ResourceInstance? DeclarationOf(ResourceGraph graph, ResourceInstance existing)
    {
        ResourceInstance? found = null;
        foreach (var candidate in graph.OfType(existing.Type))
        {
            if (candidate.Existing || candidate.IsConditional || candidate.Nested is not null || candidate.Id is null)
            {
                continue;
            }

            if (ResourceIdValue.Same(candidate.Id, existing.Id) == true)
            {
                if (found is not null && !ReferenceEquals(found, candidate))
                {
                    // Declared twice (e.g. once per loop instance with the same name): still one resource, the first declaration.
                    continue;
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>What a reference to an <c>existing</c> resource reads: the linked declaration's, else its own.</summary>
    public static ResourceReferenceValue Resolve(ResourceReferenceValue reference) =>
        reference.Resource.Instance is { LinkedDeclaration: { } declared }
            ? new ResourceReferenceValue(declared.Id, reference.Path, reference.Span) { IsModule = reference.IsModule }
            : reference;

    /// <summary>The instance an ID names, following the link of an <c>existing</c> resource.</summary>
    public static ResourceInstance Follow(ResourceInstance instance) => instance.LinkedDeclaration ?? instance;

    /// <summary>A resource group resource declared in the tree, used as a module scope: the deployment runs in that group.</summary>
    public static ResourceScope? ResourceGroupScope(Value value)
    {
        var id = value switch
        {
            ResourceReferenceValue r when r.Path.Count == 0 => r.Resource,
            ResourceIdValue i => i,
            _ => null,
        };
        if (id is null || id.Names.Count != 1 || !string.Equals(id.Type, "Microsoft.Resources/resourceGroups", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ResourceScope(Model.DeploymentScope.ResourceGroup, id.Scope.SubscriptionId, id.Names[0]);
    }
}
