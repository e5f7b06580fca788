using System;
using System.Collections.Generic;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// The engine's rules phrase findings in ARM terms (<c>keyVaultProperties.identity</c>,
/// <c>reference(id).clientId</c>, <c>"enablePurgeProtection": true</c>). In C# the same places are SDK
/// properties, so the analyzer rewrites those phrases into the names of the SDK the code uses
/// (<c>Encryption.KeyVaultProperties.Identity</c>, <c>identity.ClientId</c>, <c>EnablePurgeProtection = true</c>).
/// Longer phrases come first so that a path is replaced whole, never a part of it.
/// </summary>
internal static class SdkVocabulary
{
    private static readonly (string Arm, string CSharp)[] Common =
    {
        ("properties.encryption.keyVaultProperties.identity", "Encryption.KeyVaultProperties.Identity"),
        ("keyVaultProperties.identity", "Encryption.KeyVaultProperties.Identity"),
        ("keyVaultProperties.keyIdentifier", "Encryption.KeyVaultProperties.KeyIdentifier"),
        ("identity.userAssignedIdentities", "Identity.UserAssignedIdentities"),
        ("has no properties.encryption", "has no Encryption"),
        ("sets properties.encryption with", "sets Encryption with"),
        ("leaves 'encryption' out", "leaves Encryption out"),
        ("(reference(...).principalId)", "(identity.PrincipalId)"),
        (", e.g. reference(key).keyUri", string.Empty),
        ("the versionless key URI (properties.keyUri)", "the versionless key URI (https://{vault}.vault.azure.net/keys/{name})"),
        ("(enableRbacAuthorization: true)", "(EnableRbacAuthorization = true)"),
        ("enableRbacAuthorization is not true", "EnableRbacAuthorization is not true"),
        ("set \"enablePurgeProtection\": true", "set EnablePurgeProtection = true"),
        ("sets enablePurgeProtection to", "sets EnablePurgeProtection to"),
        ("set \"enableSoftDelete\": true", "set EnableSoftDelete = true"),
        ("does not set enableSoftDelete", "does not set EnableSoftDelete"),
        ("client ID as objectId", "client ID as ObjectId"),
        ("client ID as principalId", "client ID as PrincipalId"),
        ("get, wrapKey and unwrapKey", "Get, WrapKey and UnwrapKey"),
        ("publicNetworkAccess is Disabled", "Properties.PublicNetworkAccess is Disabled"),
        ("the client ID of", "the ClientId of"),
        (".properties.principalId)", ".PrincipalId)"),
        (".properties.clientId)", ".ClientId)"),
    };

    private static readonly Dictionary<SdkFamily, (string Arm, string CSharp)[]> ByFamily = new()
    {
        [SdkFamily.Provisioning] = new[]
        {
            ("Set policies.trustPolicy.status to 'disabled'", "Set Policies.TrustPolicy.Status to ContainerRegistryPolicyStatus.Disabled"),
            ("CMK requires 'Premium'", "CMK requires ContainerRegistrySkuName.Premium"),
            ("('UserAssigned')", "(ManagedServiceIdentityType.UserAssigned)"),
            ("networkAcls.bypass", "Properties.NetworkRuleSet.Bypass"),
            ("networkAcls.defaultAction", "Properties.NetworkRuleSet.DefaultAction"),
            ("'Key Vault Crypto Service Encryption User'", "KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser"),
            ("Add the grant to the registry's dependsOn.", "Add the grant to registry.DependsOn."),
        },
        [SdkFamily.ResourceManager] = new[]
        {
            ("Set policies.trustPolicy.status to 'disabled'", "Set Policies.TrustPolicy.Status to ContainerRegistryPolicyStatus.Disabled"),
            ("CMK requires 'Premium'", "CMK requires ContainerRegistrySkuName.Premium"),
            ("('UserAssigned')", "(ManagedServiceIdentityType.UserAssigned)"),
            ("networkAcls.bypass", "Properties.NetworkRuleSet.Bypass"),
            ("networkAcls.defaultAction", "Properties.NetworkRuleSet.DefaultAction"),
            ("Add the grant to the registry's dependsOn.", "Create the grant before the registry."),
        },
        [SdkFamily.Pulumi] = new[]
        {
            ("Set policies.trustPolicy.status to 'disabled'", "Set Policies.TrustPolicy.Status to PolicyStatus.Disabled"),
            ("CMK requires 'Premium'", "CMK requires SkuName.Premium"),
            ("('UserAssigned')", "(ResourceIdentityType.UserAssigned)"),
            ("networkAcls.bypass", "Properties.NetworkAcls.Bypass"),
            ("networkAcls.defaultAction", "Properties.NetworkAcls.DefaultAction"),
            ("Add the grant to the registry's dependsOn.", "Add the grant to the registry's CustomResourceOptions.DependsOn."),
        },
    };

    /// <summary>The finding's message in the terms of <paramref name="family"/>.</summary>
    public static string Phrase(string message, SdkFamily family)
    {
        if (ByFamily.TryGetValue(family, out var own))
        {
            message = ReplaceAll(message, own);
        }

        message = ReplaceAll(message, Common);
        return ClientIdReference(message);
    }

    private static string ReplaceAll(string message, (string Arm, string CSharp)[] phrases)
    {
        foreach (var (arm, csharp) in phrases)
        {
            if (message.IndexOf(arm, StringComparison.Ordinal) >= 0)
            {
                message = message.Replace(arm, csharp);
            }
        }

        return message;
    }

    /// <summary><c>reference(acrIdentity).clientId (properties.clientId)</c> → <c>acrIdentity.ClientId</c>.</summary>
    private static string ClientIdReference(string message)
    {
        const string Suffix = ").clientId (properties.clientId)";
        int end = message.IndexOf(Suffix, StringComparison.Ordinal);
        int start = end < 0 ? -1 : message.LastIndexOf("reference(", end, StringComparison.Ordinal);
        if (start < 0)
        {
            return message;
        }

        string name = message.Substring(start + "reference(".Length, end - start - "reference(".Length).Trim('\'');
        return message.Substring(0, start) + name + ".ClientId" + message.Substring(end + Suffix.Length);
    }
}
