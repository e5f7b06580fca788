using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;

namespace CmkLint.Rules;

/// <summary>CMK004: the encryption identity must be able to get, wrap and unwrap the key.</summary>
public sealed class KeyAccessRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK004",
        "cmk-key-access",
        "The registry's encryption identity must be granted get, wrapKey and unwrapKey on the key.",
        "The registry wraps and unwraps its data encryption key with the customer-managed key, as its encryption identity. On a vault that uses access policies, a policy for the identity's principal (object) ID must grant get, wrapKey and unwrapKey (or all); the client ID used as objectId grants nothing. On a vault with enableRbacAuthorization, a role assignment for the principal ID at the vault, key or a parent scope must give Key Vault Crypto Service Encryption User, Crypto User, Crypto Officer or Administrator; access policies on such a vault are ignored. Without access, registry creation fails, or the registry's data becomes unreadable.",
        Level.Error,
        "8.0",
        "security",
        "cmk",
        "container-registry",
        "key-vault");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        const string IdentityPath = "properties.encryption.keyVaultProperties.identity";
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var registry = chain.Resource;
            var identityId = chain.Identity.Identity;
            if (identityId is null)
            {
                if (chain.Identity.Kind is IdentityValueKind.Unresolved or IdentityValueKind.GuidLiteral)
                {
                    yield return context.Inconclusive(Rule, registry, IdentityPath, chain.Identity.Value!, $"that the encryption identity of registry '{registry.DisplayName}' can use the key (the identity is not known)");
                }

                continue;
            }

            string identityName = "'" + (identityId.Instance?.DisplayName ?? identityId.QuotableLastName ?? Phrasing.For(registry, registry.Span).Describe(identityId)) + "'";
            if (chain.Key.IsManagedHsm)
            {
                yield return context.Inconclusive(Rule, registry, IdentityPath, chain.KeyIdentifierValue ?? chain.Identity.Value!, $"that identity {identityName} can use a managed HSM key (managed HSM local role assignments are not analysed)");
                continue;
            }

            var vault = chain.DeployedVault;
            if (vault is null)
            {
                yield return context.Inconclusive(Rule, registry, IdentityPath, chain.VaultUnresolved ?? chain.KeyIdentifierValue ?? chain.Identity.Value!, $"that identity {identityName} can use the key of registry '{registry.DisplayName}'");
                continue;
            }

            var access = chain.Access;
            bool? rbac = access.Rbac;
            bool? granted = access.Granted;

            if (granted == true)
            {
                continue;
            }

            if (granted is null)
            {
                yield return context.Inconclusive(Rule, registry, IdentityPath, access.Unresolved ?? chain.Identity.Value!, $"that vault '{vault.DisplayName}' gives identity {identityName} {Needed(Phrasing.For(registry, registry.Span))}");
                continue;
            }

            var finding = Explain(context, chain, rbac, identityName);
            RuleContext.Relate(finding, vault, rbac == true ? "the vault (RBAC authorization)" : "the vault (access policies)");
            if (chain.KeyResource is { } key)
            {
                RuleContext.Relate(finding, key, "the key");
            }

            if (chain.Identity.Instance is { } identity)
            {
                RuleContext.Relate(finding, identity, "the encryption identity");
            }

            if (!finding.Span.Equals(chain.Identity.Value!.Span))
            {
                RuleContext.Relate(finding, chain.Identity.Value!.Span, "the registry's encryption identity");
            }

            yield return finding;
        }
    }

    /// <summary>The violation at the value closest to a grant (the classic mistakes first), else at the registry's identity.</summary>
    private static Finding Explain(RuleContext context, CmkChain chain, bool? rbac, string identityName)
    {
        var vault = chain.DeployedVault!;
        string vaultName = "'" + vault.DisplayName + "'";
        KeyAccessGrant? pick = null;

        foreach (var g in chain.Grants)
        {
            if (!g.Removes && g.Match == PrincipalMatch.ClientIdOfIdentity && g.Covers != false)
            {
                string field = g.Kind == GrantKind.AccessPolicy ? "objectId" : "principalId";
                var phrasing = Phrasing.For(g.Resource, g.Principal?.Span ?? g.Resource.Span);
                string principalId = phrasing.Choose(phrasing.RuntimeProperty(chain.Identity.Instance, "principalId", "the identity"), phrasing.RuntimeProperty(chain.Identity.Instance, "principalId", "..."), phrasing.RuntimeProperty(chain.Identity.Instance, "principalId", "the identity"));
                return At(context, g, field, g.Principal, $"The {Describe(g)} for identity {identityName} on vault {vaultName} uses the identity's client ID as {phrasing.Property(field)}; Key Vault needs its principal (object) ID ({principalId}), so the registry cannot use the key.");
            }
        }

        foreach (var g in chain.Grants)
        {
            if (g.Removes || g.Match != PrincipalMatch.Identity || g.Covers == false)
            {
                continue;
            }

            if (rbac == true && g.Kind == GrantKind.AccessPolicy && g.Permits == true)
            {
                var phrasing = Phrasing.For(g.Resource, g.Principal?.Span ?? g.Resource.Span);
                return At(context, g, "objectId", g.Principal, $"Vault {vaultName} uses RBAC authorization ({phrasing.Assignment("enableRbacAuthorization", true)}), so the access policy for identity {identityName} is ignored; assign the identity {CryptoServiceEncryptionUser(phrasing)} on the vault or key instead.");
            }

            if (rbac == false && g.Kind == GrantKind.RoleAssignment && g.Permits == true && g.Covers == true)
            {
                var phrasing = Phrasing.For(g.Resource, g.Permission?.Span ?? g.Resource.Span);
                return At(context, g, "roleDefinitionId", g.Permission, $"Vault {vaultName} uses access policies ({phrasing.Property("enableRbacAuthorization")} is not true), so the role assignment for identity {identityName} gives no key access; add an access policy with {Needed(phrasing)} for its principal ID, or enable RBAC authorization.");
            }

            if (KeyAccess.Counts(g.Kind, rbac) && g.Permits == false)
            {
                pick ??= g;
            }
        }

        if (pick is not null)
        {
            var phrasing = Phrasing.For(pick.Resource, pick.Permission?.Span ?? pick.Resource.Span);
            return pick.Kind == GrantKind.AccessPolicy
                ? At(context, pick, "permissions.keys", pick.Permission, $"The access policy for identity {identityName} on vault {vaultName} grants {(pick.Permission is { } permission ? phrasing.Describe(permission) : "no key permissions")}; the registry needs {Needed(phrasing)}.")
                : At(context, pick, "roleDefinitionId", pick.Permission, $"The role assigned to identity {identityName} for vault {vaultName} cannot wrap and unwrap keys; use {CryptoServiceEncryptionUser(phrasing)} (e147488a-f6f5-4113-8e2d-b22465e65bf6).");
        }

        foreach (var g in chain.Grants)
        {
            if (g.Kind == GrantKind.RoleAssignment && g.Match == PrincipalMatch.Identity && g.Permits == true && g.Covers == false && rbac != false)
            {
                return At(context, g, "scope", g.Target, $"The role assignment for identity {identityName} is scoped to {(g.Target is { } target ? Phrasing.For(g.Resource, target.Span).Describe(target) : "another scope")}, which does not hold vault {vaultName} or its key.");
            }
        }

        var registry = chain.Resource;
        string how = rbac == true ? "role assignment (vault, key, resource group or subscription scope)" : rbac == false ? "access policy" : "access policy or role assignment";
        var missing = context.Violation(Rule, registry, "properties.encryption.keyVaultProperties.identity", chain.Identity.Value!.Span, $"No {how} gives the encryption identity {identityName} of registry '{registry.DisplayName}' {Needed(Phrasing.For(registry, chain.Identity.Value!.Span))} on vault {vaultName}; the registry cannot use its key.");
        RuleContext.RelateParameter(missing, chain.Identity.Value!);
        return missing;
    }

    /// <summary>The key permissions a registry needs, as the file's language names them.</summary>
    private static string Needed(Phrasing phrasing) => phrasing.Choose("get, wrapKey and unwrapKey", "get, wrapKey and unwrapKey", "Get, WrapKey and UnwrapKey");

    /// <summary>The built-in role a registry's identity needs: Azure.Provisioning names it by <c>KeyVaultBuiltInRole</c>, the others by its name.</summary>
    private static string CryptoServiceEncryptionUser(Phrasing phrasing) =>
        phrasing.Sdk == Model.SdkFamily.Provisioning ? "KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser" : "'Key Vault Crypto Service Encryption User'";

    private static string Describe(KeyAccessGrant g) => g.Kind == GrantKind.RoleAssignment ? "role assignment" : g.Operation == "inline" ? "access policy" : $"access policy ('{g.Operation}')";

    private static Finding At(RuleContext context, KeyAccessGrant grant, string field, Value? value, string message)
    {
        var span = value?.Span ?? grant.Resource.Span;
        var finding = context.Violation(Rule, grant.Resource, grant.Path + "." + field, span, message);
        if (value is not null)
        {
            RuleContext.RelateParameter(finding, value);
        }

        if (grant.Operation != "inline")
        {
            // An inline policy's resource is the vault, related anyway.
            RuleContext.Relate(finding, grant.Resource, grant.Kind == GrantKind.RoleAssignment ? "the role assignment" : "the access policy resource");
        }

        return finding;
    }
}
