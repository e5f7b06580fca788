using System.Collections.Generic;
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

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var previous = context.Previous;
        if (previous is null)
        {
            yield break;
        }

        foreach (var registry in CmkRegistry.All(context.Graph))
        {
            // A registry that now turns CMK off is CMK008's finding.
            if (registry.IsCmk == false)
            {
                continue;
            }

            var before = previous.Match(registry.Resource).Registry;
            if (before is null || before.IsCmk != true)
            {
                continue;
            }

            foreach (var finding in IdentityAndGrant(context, previous, registry, before))
            {
                yield return finding;
            }

            if (previous.Graph is not null)
            {
                foreach (var finding in KeyAndVault(context, previous, previous.Graph, registry, before))
                {
                    yield return finding;
                }
            }
        }
    }

    private static IEnumerable<Finding> IdentityAndGrant(RuleContext context, PreviousComparison previous, CmkRegistry registry, PreviousRegistry before)
    {
        var resource = registry.Resource;
        var beforeIdentity = Values.GetPath(before.Body, "properties.encryption.keyVaultProperties.identity");
        var identity = EncryptionChain.UserAssignedIdentity(beforeIdentity, before.Body, before.Id.Scope);
        if (identity is null)
        {
            // Encryption went through the system-assigned identity, or the identity is not resolved: nothing to compare.
            yield break;
        }

        string identityName = identity.KnownName ?? identity.Describe();
        var assigned = EncryptionChain.Assigned(resource);
        bool? stillAssigned = EncryptionChain.IsAssigned(identity, resource.Body, assigned, previous.MatchByTypeAndName);
        if (stillAssigned == false)
        {
            // Moving the encryption to another assigned user-assigned identity is a rotation, not a removal.
            var now = EncryptionChain.UserAssignedIdentity(registry.KeyVaultProperties is null ? null : Values.GetPath(registry.KeyVaultProperties, "identity"), resource.Body, resource.Deployment.Scope);
            if (now is not null && EncryptionChain.SameResource(now, identity, previous.MatchByTypeAndName) == false && EncryptionChain.IsAssigned(now, resource.Body, assigned, false) == true)
            {
                yield break;
            }

            var span = resource.Get("identity")?.Span ?? resource.Span;
            var finding = context.Violation(Rule, resource, "identity.userAssignedIdentities", span.IsNone ? resource.Span : span, $"Registry '{resource.DisplayName}' no longer assigns user-assigned identity '{identityName}', which its customer-managed key is reached through in {previous.Description} ({previous.Comparison}); the registry loses access to its key and all its data becomes unreadable.");
            RuleContext.Relate(finding, beforeIdentity!.Span.IsNone ? before.Span : beforeIdentity.Span, $"the encryption identity in {previous.Description}");
            yield return finding;
            yield break;
        }

        if (stillAssigned is null)
        {
            var unresolved = resource.Get("identity") ?? new UnknownValue("the registry's identity is not resolved", resource.Span);
            yield return context.Inconclusive(Rule, resource, "identity.userAssignedIdentities", unresolved.IsKnown ? new UnknownValue("an assigned identity is not resolved", unresolved.Span) : unresolved, $"that registry '{resource.DisplayName}' still assigns identity '{identityName}'");
            yield break;
        }

        if (previous.Graph is null)
        {
            yield break;
        }

        var grantedBefore = FirstProven(EncryptionChain.KeyGrants(previous.Graph, identity));
        if (grantedBefore is null)
        {
            yield break;
        }

        var grantsNow = EncryptionChain.KeyGrants(context.Graph, identity);
        bool? grantedNow = false;
        foreach (var grant in grantsNow)
        {
            grantedNow = Values.Or(grantedNow, grant.GrantsTheIdentity);
        }

        var at = registry.KeyVaultProperties is { } kvp ? Values.GetPath(kvp, "identity") : null;
        var where = at is not null && !at.Span.IsNone ? at.Span : resource.Span;
        if (grantedNow == false)
        {
            var finding = context.Violation(Rule, resource, "properties.encryption.keyVaultProperties.identity", where, $"The grant that gave identity '{identityName}' access to registry '{resource.DisplayName}''s key in {previous.Description} ({previous.Comparison}) is gone; the registry loses access to its key and all its data becomes unreadable.");
            RuleContext.Relate(finding, grantedBefore.Span, $"the grant in {previous.Description}");
            yield return finding;
        }
        else if (grantedNow is null)
        {
            yield return context.Inconclusive(Rule, resource, "properties.encryption.keyVaultProperties.identity", new UnknownValue("a grant's principal or permissions are not resolved", where), $"that identity '{identityName}' keeps the key access it had in {previous.Description}");
        }
    }

    private static IEnumerable<Finding> KeyAndVault(RuleContext context, PreviousComparison previous, ResourceGraph graphBefore, CmkRegistry registry, PreviousRegistry before)
    {
        var resource = registry.Resource;
        var keyIdentifier = Values.GetPath(before.Body, "properties.encryption.keyVaultProperties.keyIdentifier");
        var (vault, key) = EncryptionChain.KeyLocation(keyIdentifier, before.Id.Scope);
        var at = registry.KeyVaultProperties is { } kvp ? Values.GetPath(kvp, "keyIdentifier") : null;
        var (vaultNow, keyNow) = EncryptionChain.KeyLocation(at, resource.Deployment.Scope);
        foreach (var (id, now, what) in new[] { (vault, vaultNow, "vault"), (key, keyNow, "key") })
        {
            // A registry moved to another key or vault may drop the old one.
            if (id is null || (now is not null && ResourceIdValue.Same(now, id) == false))
            {
                continue;
            }

            var declaredBefore = EncryptionChain.Declared(graphBefore, id);
            if (declaredBefore is null || EncryptionChain.Mentions(context.Graph, id) != false)
            {
                continue;
            }

            // Removed from the template: deleted by a complete-mode deployment or a deployment stack; in incremental mode only unmanaged. So a warning.
            var finding = context.Violation(Rule, resource, "properties.encryption.keyVaultProperties.keyIdentifier." + what, at is null || at.Span.IsNone ? resource.Span : at.Span, $"The {what} '{declaredBefore.DisplayName}' that holds registry '{resource.DisplayName}''s customer-managed key is declared in {previous.Description} ({previous.Comparison}) but no longer in the deployment; a complete-mode deployment or a deployment stack deletes it, and the registry's data becomes unreadable. Keep it, or declare it 'existing'.", Level.Warning);
            RuleContext.Relate(finding, declaredBefore.Span, $"the {what} in {previous.Description}");
            yield return finding;
        }
    }

    private static KeyGrant? FirstProven(List<KeyGrant> grants)
    {
        foreach (var grant in grants)
        {
            if (grant.GrantsTheIdentity == true)
            {
                return grant;
            }
        }

        return null;
    }
}
