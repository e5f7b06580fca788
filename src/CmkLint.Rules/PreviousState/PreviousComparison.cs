using System;
using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.PreviousState;

/// <summary>What a previous-state rule compares one entry point with: the previous registries (and, from a template, the previous graph).</summary>
public sealed class PreviousComparison
{
    internal PreviousComparison(string comparison, string description, IReadOnlyList<PreviousRegistry> registries, ResourceGraph? graph, bool matchByTypeAndName)
    {
        Comparison = comparison;
        Description = description;
        Registries = registries;
        Graph = graph;
        MatchByTypeAndName = matchByTypeAndName;
    }

    /// <summary>The comparison's name for findings: <c>git:origin/main</c>, <c>deployed:state.json</c>.</summary>
    public string Comparison { get; }

    /// <summary>For messages: <c>origin/main:infra/main.json</c>, <c>the deployed state in state.json</c>.</summary>
    public string Description { get; }

    public IReadOnlyList<PreviousRegistry> Registries { get; }

    /// <summary>The previous template's resource graph (git revision, ARM export); null for <c>az</c> exports.</summary>
    public ResourceGraph? Graph { get; }

    /// <summary>
    /// Deployed exports carry real subscription and group names where templates have
    /// <c>resourceGroup().name</c>: there a resource also matches by type and name.
    /// </summary>
    public bool MatchByTypeAndName { get; }

    /// <summary>
    /// The state <paramref name="registry"/> had in this previous state, for CMK007: the matched registry,
    /// or, when the match cannot be told and some previous registry may lack CMK, a state that says why.
    /// </summary>
    public IEnumerable<EarlierRegistryState> EarlierStates(CmkRegistry registry)
    {
        var match = Match(registry.Resource);
        if (match.Unresolved is not null)
        {
            // Only a registry that existed without CMK would matter.
            foreach (var candidate in Registries)
            {
                if (candidate.IsCmk != true)
                {
                    yield return new EarlierRegistryState(EarlierStateKind.PreviousState, Description, null, null, default) { Comparison = Comparison, Unresolved = match.Unresolved };
                    yield break;
                }
            }

            yield break;
        }

        if (match.Registry is { } before)
        {
            yield return new EarlierRegistryState(EarlierStateKind.PreviousState, Description, before.Status, before.IsCmk, before.EncryptionSpan) { Resource = before.Instance, Comparison = Comparison };
        }
    }

    /// <summary>The previous registry that is the same registry as <paramref name="current"/>.</summary>
    public RegistryMatch Match(ResourceInstance current)
    {
        var unknown = new List<PreviousRegistry>();
        foreach (var candidate in Registries)
        {
            bool? same = ResourceIdValue.Same(current.Id, candidate.Id);
            if (same == true)
            {
                return new RegistryMatch(candidate, null);
            }

            if (same is null)
            {
                unknown.Add(candidate);
            }
        }

        if (unknown.Count == 0)
        {
            return RegistryMatch.None;
        }

        string? name = current.Id.KnownName;
        if (MatchByTypeAndName && name is not null)
        {
            var byName = unknown.FindAll(c => string.Equals(c.Id.KnownName, name, StringComparison.OrdinalIgnoreCase));
            if (byName.Count == 1)
            {
                return new RegistryMatch(byName[0], null);
            }

            if (byName.Count > 1)
            {
                return new RegistryMatch(null, $"{byName.Count} registries named '{name}' in {Description} (in different resource groups or subscriptions)");
            }

            return RegistryMatch.None;
        }

        // The name is not resolved: the same symbolic name in the same file is the same declaration.
        string? symbol = current.Declaration.SymbolicName;
        if (symbol is not null)
        {
            var bySymbol = unknown.FindAll(c => c.Instance?.Declaration.SymbolicName is { } s && string.Equals(s, symbol, StringComparison.Ordinal) && c.Instance.Index == current.Index);
            if (bySymbol.Count == 1)
            {
                return new RegistryMatch(bySymbol[0], null);
            }
        }

        return new RegistryMatch(null, $"the name or scope of registry '{current.DisplayName}' is not resolved, so it cannot be matched with a registry of {Description}");
    }
}

/// <summary>The result of matching a registry with the previous state: the registry, none (a new registry), or a reason it cannot be told.</summary>
public sealed class RegistryMatch
{
    public static readonly RegistryMatch None = new(null, null);

    internal RegistryMatch(PreviousRegistry? registry, string? unresolved)
    {
        Registry = registry;
        Unresolved = unresolved;
    }

    public PreviousRegistry? Registry { get; }

    /// <summary>Why it cannot be told whether the registry existed (an inconclusive check), or null.</summary>
    public string? Unresolved { get; }
}
