using System;
using System.Collections.Generic;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// The C# infrastructure APIs CmkLint recognises (SDK-SHAPES.md), by full metadata name: Azure.Provisioning
/// 1.0 and 1.1, Azure.ResourceManager and Pulumi Azure Native. Variable names never matter, only types.
/// </summary>
internal static class SdkShapes
{
    public const string RegistryType = "Microsoft.ContainerRegistry/registries";
    public const string VaultType = "Microsoft.KeyVault/vaults";
    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    private static readonly Dictionary<string, SdkShape> ByName = Build();

    /// <summary>Types of which one is enough to say a compilation uses a supported SDK.</summary>
    public static readonly string[] GateTypes =
    {
        "Azure.Provisioning.ContainerRegistry.ContainerRegistryService",
        "Azure.Provisioning.KeyVault.KeyVaultService",
        "Azure.ResourceManager.ContainerRegistry.ContainerRegistryData",
        "Azure.ResourceManager.ContainerRegistry.Models.ContainerRegistryPatch",
        "Azure.ResourceManager.KeyVault.Models.KeyVaultCreateOrUpdateContent",
        "Pulumi.AzureNative.ContainerRegistry.Registry",
        "Pulumi.AzureNative.KeyVault.Vault",
    };

    /// <summary>Built-in role names (as the SDKs spell them) → role definition GUIDs (RULES.md CMK004).</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleIds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KeyVaultCryptoServiceEncryptionUser"] = "e147488a-f6f5-4113-8e2d-b22465e65bf6",
        ["KeyVaultCryptoUser"] = "12338af0-0e69-4776-bea7-57ae8d297424",
        ["KeyVaultCryptoOfficer"] = "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
        ["KeyVaultAdministrator"] = "00482a5a-887f-4fb3-b363-3b7fe8e74483",
        ["KeyVaultReader"] = "21090545-7ca7-4776-b22c-e363652d74d2",
        ["KeyVaultSecretsUser"] = "4633458b-17de-408a-b874-0445c86b69e6",
    };

    public static SdkShape? Find(string metadataName) => ByName.TryGetValue(metadataName, out var shape) ? shape : null;

    private static Dictionary<string, SdkShape> Build()
    {
        var shapes = new List<SdkShape>();

        // Azure.Provisioning (1.0 wraps nested models in BicepValue<T>, 1.1 does not: same names either way).
        shapes.Add(Registry(new SdkShape("Azure.Provisioning.ContainerRegistry.ContainerRegistryService", RegistryType).Parameter("bicepIdentifier", "@symbol").Map("Name", "name"))
            .Map("IsAdminUserEnabled", "properties.adminUserEnabled").Map("PublicNetworkAccess", "properties.publicNetworkAccess")
            .Output("Id", "id").Output("Name", "name").Output("LoginServer", "properties.loginServer"));
        shapes.AddRange(RegistryModels("Azure.Provisioning.ContainerRegistry.", "Azure.Provisioning.Resources.ManagedServiceIdentity", "ManagedServiceIdentityType"));
        shapes.Add(Vault(new SdkShape("Azure.Provisioning.KeyVault.KeyVaultService", VaultType).Parameter("bicepIdentifier", "@symbol").Map("Name", "name"))
            .Output("Id", "id").Output("Name", "name"));
        shapes.AddRange(VaultModels("Azure.Provisioning.KeyVault.", "KeyVaultAccessPolicy", "IdentityAccessPermissions", "KeyVaultNetworkRuleSet", "KeyVaultProperties", "NetworkRuleSet"));
        shapes.Add(new SdkShape("Azure.Provisioning.Roles.UserAssignedIdentity", IdentityType).Parameter("bicepIdentifier", "@symbol").Map("Name", "name").Map("Location", "location")
            .Output("ClientId", "properties.clientId").Output("PrincipalId", "properties.principalId").Output("TenantId", "properties.tenantId").Output("Id", "id").Output("Name", "name"));

        // Azure.ResourceManager: the data object is the resource body; CreateOrUpdate names it.
        shapes.Add(Registry(new SdkShape("Azure.ResourceManager.ContainerRegistry.ContainerRegistryData", RegistryType) { IsResourceData = true }.Parameter("location", "location").Parameter("sku", "sku"))
            .Map("IsAdminUserEnabled", "properties.adminUserEnabled"));
        shapes.Add(Registry(new SdkShape("Azure.ResourceManager.ContainerRegistry.Models.ContainerRegistryPatch") { IsUpdate = true }));
        shapes.AddRange(RegistryModels("Azure.ResourceManager.ContainerRegistry.Models.", "Azure.ResourceManager.Models.ManagedServiceIdentity", "ManagedServiceIdentityType"));
        shapes.Add(new SdkShape("Azure.ResourceManager.ContainerRegistry.Models.ContainerRegistrySku").Parameter("name", "name").Map("Name", "name"));
        shapes.Add(new SdkShape("Azure.ResourceManager.Models.ManagedServiceIdentity").Parameter("managedServiceIdentityType", "type").Map("ManagedServiceIdentityType", "type").Map("UserAssignedIdentities", "userAssignedIdentities"));
        shapes.Add(new SdkShape("Azure.ResourceManager.KeyVault.Models.KeyVaultCreateOrUpdateContent", VaultType) { IsResourceData = true }.Parameter("location", "location").Parameter("properties", "properties").Map("Properties", "properties"));
        // KeyVaultData: what a created vault reads back (vault.Data.Properties.VaultUri).
        shapes.Add(new SdkShape("Azure.ResourceManager.KeyVault.KeyVaultData", VaultType) { IsResourceData = true }.Map("Properties", "properties"));
        shapes.AddRange(VaultModels("Azure.ResourceManager.KeyVault.Models.", "KeyVaultAccessPolicy", "IdentityAccessPermissions", "KeyVaultNetworkRuleSet", "KeyVaultProperties", "NetworkRuleSet"));
        shapes.Add(new SdkShape("Azure.ResourceManager.KeyVault.Models.KeyVaultProperties").Parameter("tenantId", "tenantId").Parameter("sku", "sku"));
        shapes.Add(new SdkShape("Azure.ResourceManager.KeyVault.Models.KeyVaultAccessPolicy").Parameter("tenantId", "tenantId").Parameter("objectId", "objectId").Parameter("permissions", "permissions"));

        // Pulumi Azure Native: new Registry(name, args): the args object is the resource body.
        shapes.Add(new SdkShape("Pulumi.AzureNative.ContainerRegistry.Registry", RegistryType).Parameter("name", "@symbol").Parameter("args", "").Parameter("options", "@options")
            .Output("Id", "id").Output("LoginServer", "properties.loginServer"));
        shapes.Add(Registry(new SdkShape("Pulumi.AzureNative.ContainerRegistry.RegistryArgs")).Map("RegistryName", "name").Map("AdminUserEnabled", "properties.adminUserEnabled"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ContainerRegistry.Inputs.SkuArgs").Map("Name", "name"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ContainerRegistry.Inputs.IdentityPropertiesArgs").Map("Type", "type").Map("UserAssignedIdentities", "userAssignedIdentities"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ContainerRegistry.Inputs.EncryptionPropertyArgs").Map("Status", "status").Map("KeyVaultProperties", "keyVaultProperties"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ContainerRegistry.Inputs.KeyVaultPropertiesArgs").Map("Identity", "identity").Map("KeyIdentifier", "keyIdentifier"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ContainerRegistry.Inputs.PoliciesArgs").Map("TrustPolicy", "trustPolicy"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ContainerRegistry.Inputs.TrustPolicyArgs").Map("Status", "status").Map("Type", "type"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.KeyVault.Vault", VaultType).Parameter("name", "@symbol").Parameter("args", "").Parameter("options", "@options").Output("Id", "id"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.KeyVault.VaultArgs").Map("VaultName", "name").Map("Location", "location").Map("Properties", "properties"));
        shapes.AddRange(VaultModels("Pulumi.AzureNative.KeyVault.Inputs.", "AccessPolicyEntryArgs", "PermissionsArgs", "NetworkRuleSetArgs", "VaultPropertiesArgs", "NetworkAcls"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ManagedIdentity.UserAssignedIdentity", IdentityType).Parameter("name", "@symbol").Parameter("args", "").Parameter("options", "@options")
            .Output("ClientId", "properties.clientId").Output("PrincipalId", "properties.principalId").Output("TenantId", "properties.tenantId").Output("Id", "id"));
        // CustomResourceOptions.DependsOn (declared on ResourceOptions): the resource's explicit dependencies.
        shapes.Add(new SdkShape("Pulumi.CustomResourceOptions").Map("DependsOn", "dependsOn"));
        shapes.Add(new SdkShape("Pulumi.ResourceOptions").Map("DependsOn", "dependsOn"));
        shapes.Add(new SdkShape("Pulumi.AzureNative.ManagedIdentity.UserAssignedIdentityArgs").Map("ResourceName", "name").Map("Location", "location"));

        var map = new Dictionary<string, SdkShape>(StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            if (map.TryGetValue(shape.MetadataName, out var existing))
            {
                // A second entry for the same type adds constructor parameters (Azure.ResourceManager's models).
                foreach (var p in shape.ConstructorParameters)
                {
                    existing.Parameter(p.Key, p.Value);
                }

                continue;
            }

            map[shape.MetadataName] = shape;
        }

        return map;
    }

    private static SdkShape Registry(SdkShape shape) => shape
        .Map("Location", "location").Map("Sku", "sku").Map("Identity", "identity")
        .Map("Encryption", "properties.encryption").Map("Policies", "properties.policies");

    /// <summary>The nested registry models that Azure.Provisioning and Azure.ResourceManager name alike.</summary>
    private static IEnumerable<SdkShape> RegistryModels(string ns, string identityType, string identityTypeProperty)
    {
        yield return new SdkShape(ns + "ContainerRegistrySku").Map("Name", "name");
        yield return new SdkShape(ns + "ContainerRegistryEncryption").Map("Status", "status").Map("KeyVaultProperties", "keyVaultProperties");
        yield return new SdkShape(ns + "ContainerRegistryKeyVaultProperties").Map("KeyIdentifier", "keyIdentifier").Map("Identity", "identity");
        yield return new SdkShape(ns + "ContainerRegistryPolicies").Map("TrustPolicy", "trustPolicy");
        yield return new SdkShape(ns + "ContainerRegistryTrustPolicy").Map("Status", "status").Map("PolicyType", "type");
        yield return new SdkShape(identityType).Map(identityTypeProperty, "type").Map("UserAssignedIdentities", "userAssignedIdentities");
    }

    private static IEnumerable<SdkShape> VaultModels(string ns, string accessPolicy, string permissions, string networkRules, string properties, string networkRulesProperty)
    {
        yield return new SdkShape(ns + properties)
            .Map("TenantId", "tenantId").Map("Sku", "sku").Map("AccessPolicies", "accessPolicies")
            .Map("EnableSoftDelete", "enableSoftDelete").Map("EnablePurgeProtection", "enablePurgeProtection")
            .Map("EnableRbacAuthorization", "enableRbacAuthorization").Map("SoftDeleteRetentionInDays", "softDeleteRetentionInDays")
            .Map(networkRulesProperty, "networkAcls").Map("PublicNetworkAccess", "publicNetworkAccess").Map("CreateMode", "createMode")
            .Output("VaultUri", "vaultUri");
        yield return new SdkShape(ns + accessPolicy).Map("TenantId", "tenantId").Map("ObjectId", "objectId").Map("ApplicationId", "applicationId").Map("Permissions", "permissions");
        yield return new SdkShape(ns + permissions).Map("Keys", "keys").Map("Secrets", "secrets");
        yield return new SdkShape(ns + networkRules).Map("Bypass", "bypass").Map("DefaultAction", "defaultAction");
        yield return new SdkShape(ns + "KeyVaultSku").Map("Name", "name").Map("Family", "family");
    }

    private static SdkShape Vault(SdkShape shape) => shape.Map("Location", "location").Map("Properties", "properties");
}
