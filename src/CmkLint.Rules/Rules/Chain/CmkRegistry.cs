using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.Rules.Chain;

/// <summary>A registry of the graph with its encryption status: the starting point of every CMK rule.</summary>
public sealed class CmkRegistry
{
    public const string RegistryType = "Microsoft.ContainerRegistry/registries";

    private CmkRegistry(ResourceInstance resource, Value? status, bool? isCmk)
    {
        Resource = resource;
        Status = status;
        IsCmk = isCmk;
    }

    public ResourceInstance Resource { get; }

    /// <summary>The value of <c>properties.encryption.status</c>, or null when absent.</summary>
    public Value? Status { get; }

    /// <summary>True when the status is proven <c>enabled</c>, false when proven otherwise or absent, null when unknown.</summary>
    public bool? IsCmk { get; }

    /// <summary><c>properties.encryption</c>.</summary>
    public Value? Encryption => Resource.Get("properties.encryption");

    /// <summary><c>properties.encryption.keyVaultProperties</c>.</summary>
    public Value? KeyVaultProperties => Resource.Get("properties.encryption.keyVaultProperties");

    /// <summary>Every registry of the graph (existing ones are references, not deployments: they are skipped).</summary>
    public static IEnumerable<CmkRegistry> All(ResourceGraph graph)
    {
        foreach (var resource in graph.OfType(RegistryType))
        {
            if (resource.Existing)
            {
                continue;
            }

            var status = resource.Get("properties.encryption.status");
            yield return new CmkRegistry(resource, status, status is null ? false : Values.TextIs(status, "enabled"));
        }
    }

    /// <summary>Registries whose status is proven <c>enabled</c>.</summary>
    public static IEnumerable<CmkRegistry> WithCmk(ResourceGraph graph)
    {
        foreach (var registry in All(graph))
        {
            if (registry.IsCmk == true)
            {
                yield return registry;
            }
        }
    }
}
