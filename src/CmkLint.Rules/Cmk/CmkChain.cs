using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.Cmk;

/// <summary>
/// The CMK chain of one registry: registry → encryption identity (and the identities it assigns) →
/// key identifier → key → vault → the grants on that vault. Every link is what the values prove;
/// a link that cannot be resolved says why, so rules can be inconclusive instead of guessing.
/// </summary>
public sealed class CmkChain
{
    private static readonly ConditionalWeakTable<ResourceGraph, IReadOnlyList<CmkChain>> Cache = new();

    private readonly ResourceGraph graph;
    private List<KeyAccessGrant>? grants;
    private KeyAccess? access;

    private CmkChain(CmkRegistry registry, ResourceGraph graph)
    {
        this.graph = graph;
        Registry = registry;
        var resource = registry.Resource;
        var scope = resource.Deployment.Scope;
        IdentityValue = resource.Get("properties.encryption.keyVaultProperties.identity");
        Identity = EncryptionIdentity.Classify(IdentityValue, graph, scope);
        Assigned = AssignedIdentities.Of(resource, graph);
        KeyIdentifierValue = resource.Get("properties.encryption.keyVaultProperties.keyIdentifier");
        Key = KeyIdentifier.Read(KeyIdentifierValue, graph);
        ResolveVaultAndKey();
    }

    public CmkRegistry Registry { get; }

    public ResourceInstance Resource => Registry.Resource;

    /// <summary><c>keyVaultProperties.identity</c> (null when absent).</summary>
    public Value? IdentityValue { get; }

    public EncryptionIdentity Identity { get; }

    public AssignedIdentities Assigned { get; }

    /// <summary><c>keyVaultProperties.keyIdentifier</c> (null when absent).</summary>
    public Value? KeyIdentifierValue { get; }

    public KeyIdentifier Key { get; }

    /// <summary>The key resource, when declared in the analysed files.</summary>
    public ResourceInstance? KeyResource { get; private set; }

    /// <summary>The key's resource ID, when known.</summary>
    public ResourceIdValue? KeyId { get; private set; }

    /// <summary>The vault (or managed HSM) that holds the key, when declared in the analysed files.</summary>
    public ResourceInstance? Vault { get; private set; }

    /// <summary>Why the vault is not known, when <see cref="Vault"/> is null or <c>existing</c>.</summary>
    public Value? VaultUnresolved { get; private set; }

    /// <summary>The vault when it is declared and deployed here (not <c>existing</c>): only then are its properties the analysed values.</summary>
    public ResourceInstance? DeployedVault => Vault is { Existing: false } ? Vault : null;

    /// <summary>Every access policy and role assignment that may concern the vault, evaluated for the encryption identity (empty when vault or identity is unknown).</summary>
    public IReadOnlyList<KeyAccessGrant> Grants
    {
        get
        {
            if (grants is null)
            {
                grants = Vault is not null && Identity.Identity is not null
                    ? KeyAccessGrant.Find(graph, Vault, KeyId, Identity.Identity)
                    : new List<KeyAccessGrant>();
            }

            return grants;
        }
    }

    /// <summary>What the grants prove together about the encryption identity's use of the key (meaningful when the vault and identity are known).</summary>
    public KeyAccess Access => access ??= KeyAccess.Of(this);

    /// <summary>The chains of every CMK registry of the graph (computed once per graph).</summary>
    public static IReadOnlyList<CmkChain> Of(ResourceGraph graph) =>
        Cache.GetValue(graph, g =>
        {
            var list = new List<CmkChain>();
            foreach (var registry in CmkRegistry.WithCmk(g))
            {
                list.Add(new CmkChain(registry, g));
            }

            return list;
        });

    /// <summary>The vault's <c>enableRbacAuthorization</c>: true, false (absent means access policies), or null when unknown.</summary>
    public bool? UsesRbac(out Value? value)
    {
        value = Vault?.Get("properties.enableRbacAuthorization");
        if (value is null || value is NullValue)
        {
            return false;
        }

        return Values.AsBool(value);
    }

    private void ResolveVaultAndKey()
    {
        string vaultType = Key.IsManagedHsm ? KeyIdentifier.ManagedHsmType : KeyIdentifier.VaultType;
        string keyType = Key.IsManagedHsm ? KeyIdentifier.ManagedHsmKeyType : KeyIdentifier.KeyType;
        var span = KeyIdentifierValue?.Span ?? Resource.Span;
        if (Key.KeyId is not null)
        {
            KeyId = Key.KeyId;
            KeyResource = graph.Find(Key.KeyId);
        }

        if (Key.VaultId is not null)
        {
            Vault = KeyResource?.Parent is { } parent && string.Equals(parent.Type, vaultType, StringComparison.OrdinalIgnoreCase) ? parent : graph.Find(Key.VaultId);
            if (Vault is null)
            {
                VaultUnresolved = UnknownValue.Quoting(span, "the vault ", Key.VaultId, " is not declared in the analysed files");
            }
        }
        else if (Key.VaultName is not null && SymbolicText.From(Key.VaultName) is { } wanted)
        {
            bool maybe = false;
            foreach (var candidate in graph.OfType(vaultType))
            {
                bool? same = SymbolicText.From(candidate.Name) is { } name ? SymbolicText.Same(name, wanted) : null;
                if (same == true)
                {
                    Vault = candidate;
                    break;
                }

                maybe |= same is null;
            }

            if (Vault is null)
            {
                VaultUnresolved = maybe
                    ? UnknownValue.Quoting(span, "cannot tell which vault is named ", Key.VaultName)
                    : UnknownValue.Quoting(span, "the vault named ", Key.VaultName, " is not declared in the analysed files");
            }
        }
        else
        {
            VaultUnresolved = Key.Unresolved ?? new UnknownValue("the key identifier does not name a vault", span);
        }

        if (Vault is { Existing: true })
        {
            VaultUnresolved = new UnknownValue($"the vault '{Vault.DisplayName}' is an existing resource; its settings are outside the analysed files", Vault.Span);
        }

        if (KeyResource is null && Vault is not null && Key.KeyName is not null && SymbolicText.From(Key.KeyName) is { } keyName)
        {
            foreach (var (candidate, inVault) in graph.ChildrenOf(Vault, keyType))
            {
                if (inVault == true && candidate.Id.Names.Count > 0 && SymbolicText.From(candidate.Id.Names[candidate.Id.Names.Count - 1]) is { } candidateName && SymbolicText.Same(candidateName, keyName) == true)
                {
                    KeyResource = candidate;
                    KeyId = candidate.Id;
                    break;
                }
            }
        }
    }
}
