using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Rules.Chain;

namespace CmkLint.Cmk;

/// <summary>
/// Earlier states found in the deployment itself: other declarations of the same registry (same resolved
/// scope and name) that Azure Resource Manager deploys first, by <c>dependsOn</c> order, else document order.
/// </summary>
public static class EarlierDeclarations
{
    /// <summary>The declarations of <paramref name="registry"/> that the deployment deploys before it. Never throws.</summary>
    public static IEnumerable<EarlierRegistryState> Of(CmkRegistry registry, ResourceGraph graph)
    {
        var later = registry.Resource;
        int laterPosition = -1;
        var resources = graph.Resources;
        for (int i = 0; i < resources.Count; i++)
        {
            if (ReferenceEquals(resources[i], later))
            {
                laterPosition = i;
                break;
            }
        }

        for (int i = 0; i < resources.Count; i++)
        {
            var earlier = resources[i];
            if (ReferenceEquals(earlier, later) || !string.Equals(earlier.Type, CmkRegistry.RegistryType, System.StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ResourceIdValue.Same(earlier.Id, later.Id) != true || !DeployedBefore(graph, earlier, i, later, laterPosition))
            {
                continue;
            }

            if (earlier.Existing)
            {
                // 'existing' says the registry is already there, but not how it is encrypted.
                var unknown = new UnknownValue($"registry '{earlier.DisplayName}' is declared 'existing': its current encryption is not in the analysed files", earlier.Span);
                yield return new EarlierRegistryState(EarlierStateKind.Declaration, "declared 'existing' earlier in this deployment", unknown, null, earlier.Span) { Resource = earlier };
                continue;
            }

            var status = earlier.Get("properties.encryption.status");
            bool? isCmk = status is null ? false : Values.TextIs(status, "enabled");
            yield return new EarlierRegistryState(EarlierStateKind.Declaration, "declared earlier in this deployment", status, isCmk, earlier.Span) { Resource = earlier };
        }
    }

    /// <summary>dependsOn decides the order when it links the two; otherwise the order of declaration.</summary>
    private static bool DeployedBefore(ResourceGraph graph, ResourceInstance earlier, int earlierPosition, ResourceInstance later, int laterPosition)
    {
        if (graph.DependsOn(later, earlier))
        {
            return true;
        }

        if (graph.DependsOn(earlier, later))
        {
            return false;
        }

        return earlierPosition < laterPosition;
    }
}
