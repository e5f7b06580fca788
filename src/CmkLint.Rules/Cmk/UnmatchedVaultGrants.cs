using System;
using System.Collections.Generic;
using System.Globalization;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.Cmk;

/// <summary>
/// Grants of key use to the encryption identity when the key's vault cannot be matched (the key
/// identifier is a parameter, as in Microsoft's "Encrypt registry using a customer-managed key"
/// template): access policies with get, wrapKey and unwrapKey for the identity's principal ID, and
/// role assignments of a key role to it, on whatever vault. The registry still has to wait for them.
/// </summary>
public static class UnmatchedVaultGrants
{
    /// <summary>The grants of the graph that give <paramref name="identity"/> key use on some vault.</summary>
    public static List<KeyAccessGrant> For(ResourceGraph graph, ResourceIdValue identity)
    {
        var grants = new List<KeyAccessGrant>();
        foreach (var vault in graph.OfType(KeyIdentifier.VaultType))
        {
            if (!vault.Existing)
            {
                AddPolicies(grants, vault, "inline", identity);
            }
        }

        foreach (var resource in graph.OfType(KeyIdentifier.VaultType + "/accessPolicies"))
        {
            string operation = (resource.Id.LastName ?? "add").ToLowerInvariant();
            if (!resource.Existing && operation != "remove")
            {
                AddPolicies(grants, resource, operation, identity);
            }
        }

        foreach (var resource in graph.Resources)
        {
            if (resource.Existing || !string.Equals(resource.Type, "Microsoft.Authorization/roleAssignments", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var principal = resource.Get("properties.principalId");
            var role = resource.Get("properties.roleDefinitionId");
            if (KeyAccessGrant.MatchPrincipal(principal, identity) == PrincipalMatch.Identity && KeyPermissions.PermitsKeyRole(role) == true && !resource.IsConditional)
            {
                grants.Add(new KeyAccessGrant(GrantKind.RoleAssignment, resource, "properties", "assignment") { Principal = principal, Match = PrincipalMatch.Identity, Permission = role, Permits = true, Deployed = true });
            }
        }

        return grants;
    }

    private static void AddPolicies(List<KeyAccessGrant> grants, ResourceInstance resource, string operation, ResourceIdValue identity)
    {
        if (resource.IsConditional || resource.Get("properties.accessPolicies") is not ArrayValue policies)
        {
            return;
        }

        for (int i = 0; i < policies.Items.Count; i++)
        {
            var policy = policies.Items[i];
            var principal = Values.GetPath(policy, "objectId");
            var keys = Values.GetPath(policy, "permissions.keys");
            if (KeyAccessGrant.MatchPrincipal(principal, identity) == PrincipalMatch.Identity && KeyPermissions.PermitsKeyUse(keys) == true)
            {
                string path = "properties.accessPolicies[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                grants.Add(new KeyAccessGrant(GrantKind.AccessPolicy, resource, path, operation) { Entry = policy, Principal = principal, Match = PrincipalMatch.Identity, Permission = keys, Permits = true, Deployed = true });
            }
        }
    }
}
