using System;
using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.PreviousState;

namespace CmkLint.Rules;

/// <summary>
/// CMK016: compared with the previous state, the registry no longer assigns the user-assigned identity
/// its encryption uses, the grant that gave that identity key access is gone, or the key or vault is
/// no longer in the deployment.
/// </summary>
public sealed class IdentityRemovedRule : IPreviousStateRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK016",
        "cmk-identity-removed",
        "The identity a registry reaches its customer-managed key through must keep its assignment and its key access.",
        "Compared with the previous state (a previous version of the template, or an export of the deployed resource), the registry no longer assigns the user-assigned identity its encryption uses, or the grant (access policy or role assignment) that gave that identity key access is gone, or the key or its vault is no longer part of the deployment. This revokes the registry's access to its key: all registry data becomes unreadable.",
        Level.Error,
        "9.0",
        "security",
        "cmk",
        "container-registry");

    private const string IdentityPath = "properties.encryption.keyVaultProperties.identity";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var previous = context.Previous;
        if (previous is null)
        {
            yield break;
        }

        // A registry that now turns CMK off is CMK008's finding, so only registries that keep CMK are compared.
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var before = previous.Match(chain.Resource).Registry;
            if (before is null || before.IsCmk != true)
            {
                continue;
            }

            var chainBefore = previous.Graph is not null && before.Instance is not null ? ChainOf(previous.Graph, before.Instance) : null;
            foreach (var finding in IdentityAndGrant(context, previous, chain, before, chainBefore))
            {
                yield return finding;
            }

            if (chainBefore is not null)
            {
                foreach (var finding in KeyAndVault(context, previous, chain, chainBefore))
                {
                    yield return finding;
                }
            }
        }
    }

    private static CmkChain? ChainOf(ResourceGraph graph, ResourceInstance registry)
    {
        foreach (var chain in CmkChain.Of(graph))
        {
            if (ReferenceEquals(chain.Resource, registry))
            {
                return chain;
            }
        }

        return null;
    }

    private static IEnumerable<Finding> IdentityAndGrant(RuleContext context, PreviousComparison previous, CmkChain chain, PreviousRegistry before, CmkChain? chainBefore)
    {
        var resource = chain.Resource;
        var identityValueBefore = chainBefore?.IdentityValue ?? Values.GetPath(before.Body, IdentityPath);
        var identity = chainBefore is not null ? IdentityOf(chainBefore) : ExportedIdentity(identityValueBefore, before);
        if (identity is null)
        {
            // Encryption went through the system-assigned identity, or the identity is not resolved: nothing to compare.
            yield break;
        }

        string identityName = identity.QuotableKnownName ?? Phrasing.For(resource, resource.Span).Describe(identity);
        bool? stillAssigned = Contains(chain.Assigned, identity, previous.MatchByTypeAndName);
        if (stillAssigned == false)
        {
            // Moving the encryption to another assigned user-assigned identity is a rotation, not a removal.
            var now = IdentityOf(chain);
            if (now is not null && SameResource(now, identity, previous.MatchByTypeAndName) == false && chain.Assigned.Contains(now) == true)
            {
                yield break;
            }

            var span = resource.Get("identity")?.Span ?? resource.Span;
            var finding = context.Violation(Rule, resource, "identity.userAssignedIdentities", span.IsNone ? resource.Span : span, $"Registry '{resource.DisplayName}' no longer assigns user-assigned identity '{identityName}', which its customer-managed key is reached through in {previous.Description} ({previous.Comparison}); the registry loses access to its key and all its data becomes unreadable.");
            RuleContext.Relate(finding, identityValueBefore is null || identityValueBefore.Span.IsNone ? before.Span : identityValueBefore.Span, $"the encryption identity in {previous.Description}");
            yield return finding;
            yield break;
        }

        if (stillAssigned is null)
        {
            var unresolved = chain.Assigned.Unresolved ?? resource.Get("identity") ?? new UnknownValue("the registry's identity is not resolved", resource.Span);
            yield return context.Inconclusive(Rule, resource, "identity.userAssignedIdentities", unresolved.IsKnown ? new UnknownValue("an assigned identity is not resolved", unresolved.Span) : unresolved, $"that registry '{resource.DisplayName}' still assigns identity '{identityName}'");
            yield break;
        }

        if (chainBefore is null || previous.Graph is null)
        {
            yield break;
        }

        foreach (var finding in Grant(context, previous, chain, chainBefore, previous.Graph, identity, identityName))
        {
            yield return finding;
        }
    }

    /// <summary>
    /// Compares the grants on the key's own vault: each grant that gave (or may have given) the identity key
    /// access before must still give it now, unless another grant now surely does.
    /// </summary>
    private static IEnumerable<Finding> Grant(RuleContext context, PreviousComparison previous, CmkChain chain, CmkChain chainBefore, ResourceGraph graphBefore, ResourceIdValue identity, string identityName)
    {
        var resource = chain.Resource;
        var grantsBefore = GrantsOf(chainBefore, graphBefore, identity);
        var grantsNow = GrantsOf(chain, context.Graph, identity);
        var (grantedNow, unresolvedNow) = KeyAccess.Aggregate(grantsNow);

        if (grantedNow == true)
        {
            return Array.Empty<Finding>();
        }

        KeyAccessGrant? lostProven = null;
        KeyAccessGrant? lostPossible = null;
        foreach (var grant in grantsBefore)
        {
            bool? gave = grant.Removes ? false : grant.Grants;
            if (gave == false || StillGiven(grant, grantsNow, chain, chainBefore))
            {
                continue;
            }

            if (gave == true)
            {
                lostProven ??= grant;
            }
            else
            {
                lostPossible ??= grant;
            }
        }

        var at = chain.IdentityValue is { } value && !value.Span.IsNone ? value.Span : resource.Span;
        if (lostProven is not null && grantedNow == false)
        {
            var finding = context.Violation(Rule, resource, IdentityPath, at, $"The grant that gave identity '{identityName}' access to registry '{resource.DisplayName}''s key in {previous.Description} ({previous.Comparison}) is gone; the registry loses access to its key and all its data becomes unreadable.");
            RuleContext.Relate(finding, lostProven.Span, $"the grant in {previous.Description}");
            return new[] { finding };
        }

        if (lostProven is not null)
        {
            return new[] { context.Inconclusive(Rule, resource, IdentityPath, unresolvedNow ?? new UnknownValue("a grant's principal or permissions are not resolved", at), $"that identity '{identityName}' keeps the key access it had in {previous.Description}") };
        }

        if (lostPossible is not null)
        {
            // A grant to a principal that cannot be told (a literal GUID) is gone: it may have been the identity's.
            var principal = lostPossible.Principal ?? lostPossible.Unresolved ?? new UnknownValue("a grant's principal is not resolved", lostPossible.Span);
            return new[] { context.Inconclusive(Rule, resource, IdentityPath, principal.IsKnown ? UnknownValue.Quoting(principal.Span, "whether principal ", principal, $" of a grant in {previous.Description} is identity '{identityName}'") : principal, $"that identity '{identityName}' keeps the key access it had in {previous.Description}") };
        }

        return Array.Empty<Finding>();
    }

    /// <summary>Whether a grant of the previous state is still in place: the same principal with key use on the same vault.</summary>
    private static bool StillGiven(KeyAccessGrant before, IReadOnlyList<KeyAccessGrant> grantsNow, CmkChain chain, CmkChain chainBefore)
    {
        if (chain.Vault is null || chainBefore.Vault is null || ResourceIdValue.Same(chain.Vault.Id, chainBefore.Vault.Id) != true)
        {
            return false;
        }

        foreach (var now in grantsNow)
        {
            if (now.Kind == before.Kind && !now.Removes && now.Covers == true && now.Permits == true && SamePrincipal(now.Principal, before.Principal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two principal values name the same principal: the same identity reference, or the same literal GUID.</summary>
    private static bool SamePrincipal(Value? a, Value? b) => (a, b) switch
    {
        (ResourceReferenceValue x, ResourceReferenceValue y) => x.PathKey == y.PathKey && ResourceIdValue.Same(x.Resource, y.Resource) == true,
        (StringValue x, StringValue y) => ResourceIdText.IsGuid(x.Text) && string.Equals(x.Text, y.Text, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static IReadOnlyList<KeyAccessGrant> GrantsOf(CmkChain chain, ResourceGraph graph, ResourceIdValue identity)
    {
        if (chain.Identity.Identity is not null)
        {
            return chain.Grants;
        }

        // The identity was told from the assigned identities (a literal client ID): find the grants for it on the key's vault.
        return chain.Vault is null ? Array.Empty<KeyAccessGrant>() : KeyAccessGrant.Find(graph, chain.Vault, chain.KeyId, identity);
    }

    /// <summary>
    /// The user-assigned identity of a chain: the one its encryption identity names, or, for a literal client ID,
    /// the only user-assigned identity the registry assigns (a CMK registry's encryption identity must be assigned).
    /// </summary>
    private static ResourceIdValue? IdentityOf(CmkChain chain)
    {
        if (chain.Identity.Identity is { } identity)
        {
            return identity;
        }

        return chain.Identity.Kind == IdentityValueKind.GuidLiteral && chain.Assigned.Ids.Count == 1 && chain.Assigned.Unresolved is null ? chain.Assigned.Ids[0] : null;
    }

    /// <summary>In an export (<c>az acr show</c>), the encryption identity is a client ID that one of the exported identities has.</summary>
    private static ResourceIdValue? ExportedIdentity(Value? encryptionIdentity, PreviousRegistry before)
    {
        if (encryptionIdentity is not StringValue clientId || Values.GetPath(before.Body, "identity.userAssignedIdentities") is not ObjectValue exported)
        {
            return null;
        }

        foreach (var entry in exported.Properties)
        {
            if (entry.Value is ObjectValue details && Values.AsString(details.Get("clientId")) is { } text && string.Equals(text, clientId.Text, StringComparison.OrdinalIgnoreCase))
            {
                return ResourceIds.Parse(entry.Name, entry.NameSpan, before.Id.Scope);
            }
        }

        return null;
    }

    private static bool? Contains(AssignedIdentities assigned, ResourceIdValue identity, bool matchByTypeAndName)
    {
        bool? result = false;
        foreach (var id in assigned.Ids)
        {
            result = Values.Or(result, SameResource(id, identity, matchByTypeAndName));
            if (result == true)
            {
                return true;
            }
        }

        return assigned.Unresolved is not null ? null : result;
    }

    /// <summary>Two resources are the same by ID; a deployed export's real scope also matches by type and name.</summary>
    private static bool? SameResource(ResourceIdValue a, ResourceIdValue b, bool matchByTypeAndName)
    {
        bool? same = ResourceIdValue.Same(a, b);
        if (same is null && matchByTypeAndName && a.KnownName is { } name && string.Equals(a.Type, b.Type, StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(name, b.KnownName, StringComparison.OrdinalIgnoreCase) ? true : null;
        }

        return same;
    }

    private static IEnumerable<Finding> KeyAndVault(RuleContext context, PreviousComparison previous, CmkChain chain, CmkChain chainBefore)
    {
        var resource = chain.Resource;
        var at = chain.KeyIdentifierValue;
        var vaultNow = chain.Vault?.Id ?? chain.Key.VaultId;
        var keyNow = chain.KeyId;
        var candidates = new[]
        {
            (chainBefore.DeployedVault, vaultNow, "vault"),
            (chainBefore.KeyResource is { Existing: false } key ? key : null, keyNow, "key"),
        };
        foreach (var (declaredBefore, now, what) in candidates)
        {
            // A registry moved to another key or vault may drop the old one.
            if (declaredBefore is null || (now is not null && ResourceIdValue.Same(now, declaredBefore.Id) == false))
            {
                continue;
            }

            if (context.Graph.Declares(declaredBefore.Id) != false)
            {
                continue;
            }

            // Removed from the template: deleted by a complete-mode deployment or a deployment stack; in incremental mode only unmanaged. So a warning.
            var finding = context.Violation(Rule, resource, "properties.encryption.keyVaultProperties.keyIdentifier." + what, at is null || at.Span.IsNone ? resource.Span : at.Span, $"The {what} '{declaredBefore.DisplayName}' that holds registry '{resource.DisplayName}''s customer-managed key is declared in {previous.Description} ({previous.Comparison}) but no longer in the deployment; a complete-mode deployment or a deployment stack deletes it, and the registry's data becomes unreadable. Keep it, or declare it 'existing'.", Level.Warning);
            RuleContext.Relate(finding, declaredBefore.Span, $"the {what} in {previous.Description}");
            yield return finding;
        }
    }
}
