namespace CmkLint.Analyzers.Tests;

/// <summary>Complete, correct CMK registries per SDK family, with holes for the one thing a test gets wrong.</summary>
public static class Snippets
{
    /// <summary>Azure.Provisioning (1.0 and 1.1 alike): a user-assigned identity, assigned to the registry, whose client ID is the encryption identity.</summary>
    public static string Provisioning(string sku = "ContainerRegistrySkuName.Premium", string encryptionIdentity = "identity.ClientId.ToString()", string extra = "", string after = "", string parameters = "", string keyIdentifier = "\"https://kv.vault.azure.net/keys/acr\"") => $$"""
        using Azure.Provisioning;
        using Azure.Provisioning.ContainerRegistry;
        using Azure.Provisioning.Resources;
        using Azure.Provisioning.Roles;

        public static class Infra
        {
            public static void Build({{parameters}})
            {
                var identity = new UserAssignedIdentity("acrIdentity");
                var registry = new ContainerRegistryService("acr")
                {
                    Sku = new ContainerRegistrySku { Name = {{sku}} },
                    Identity = new ManagedServiceIdentity
                    {
                        ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned,
                        UserAssignedIdentities = { { BicepFunction.Interpolate($"{identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails() } },
                    },
                    Encryption = new ContainerRegistryEncryption
                    {
                        Status = ContainerRegistryEncryptionStatus.Enabled,
                        KeyVaultProperties = new ContainerRegistryKeyVaultProperties
                        {
                            Identity = {{encryptionIdentity}},
                            KeyIdentifier = {{keyIdentifier}},
                        },
                    },{{extra}}
                };{{after}}
            }
        }
        """;

    /// <summary>The Azure.Provisioning chain with a key vault (and what grants access to it) written after the registry.</summary>
    public static string ProvisioningWithVault(string vault, string encryptionIdentity = "identity.ClientId.ToString()", string keyIdentifier = "\"https://kv.vault.azure.net/keys/acr\"") =>
        Provisioning(encryptionIdentity: encryptionIdentity, after: vault, keyIdentifier: keyIdentifier)
            .Replace("using Azure.Provisioning.Roles;", "using Azure.Provisioning.Roles;\nusing Azure.Provisioning.KeyVault;", System.StringComparison.Ordinal);

    /// <summary>Pulumi Azure Native: the same chain with <c>Registry</c>, <c>RegistryArgs</c> and a managed identity resource.</summary>
    public static string Pulumi(string sku = "SkuName.Premium", string encryptionIdentity = "identity.ClientId", string extra = "", string keyIdentifier = "\"https://kv.vault.azure.net/keys/k\"", string after = "") => $$"""
        using Pulumi.AzureNative.ContainerRegistry;
        using Pulumi.AzureNative.ContainerRegistry.Inputs;
        using Pulumi.AzureNative.ManagedIdentity;

        public static class Stack
        {
            public static void Define()
            {
                var identity = new UserAssignedIdentity("acr-identity", new UserAssignedIdentityArgs { ResourceGroupName = "rg" });
                var registry = new Registry("acr", new RegistryArgs
                {
                    ResourceGroupName = "rg",
                    Sku = new SkuArgs { Name = {{sku}} },
                    Identity = new IdentityPropertiesArgs { Type = ResourceIdentityType.UserAssigned, UserAssignedIdentities = { identity.Id } },
                    Encryption = new EncryptionPropertyArgs
                    {
                        Status = EncryptionStatus.Enabled,
                        KeyVaultProperties = new KeyVaultPropertiesArgs { Identity = {{encryptionIdentity}}, KeyIdentifier = {{keyIdentifier}} },
                    },{{extra}}
                });{{after}}
            }
        }
        """;

    /// <summary>The Pulumi chain with a key vault written after the registry; <c>KeyPermission</c> names the union a permission list holds.</summary>
    public static string PulumiWithVault(string vault, string encryptionIdentity = "identity.ClientId") =>
        Pulumi(encryptionIdentity: encryptionIdentity, after: vault).Replace(
            "using Pulumi.AzureNative.ManagedIdentity;",
            "using Pulumi.AzureNative.ManagedIdentity;\nusing Pulumi.AzureNative.KeyVault;\nusing Pulumi.AzureNative.KeyVault.Inputs;\nusing KeyPermission = Pulumi.InputUnion<string, Pulumi.AzureNative.KeyVault.KeyPermissions>;",
            System.StringComparison.Ordinal);

    /// <summary>Azure.ResourceManager: the identity exists already and is named by its resource ID; its client ID is a literal.</summary>
    public static string ResourceManager(string sku = "ContainerRegistrySkuName.Premium", string extra = "", string before = "", string parameters = "") => $$"""
        using Azure;
        using Azure.Core;
        using Azure.ResourceManager.ContainerRegistry;
        using Azure.ResourceManager.ContainerRegistry.Models;
        using Azure.ResourceManager.Models;

        public static class Infra
        {
            public static void Create(ContainerRegistryCollection registries{{parameters}})
            {{{before}}
                var data = new ContainerRegistryData(AzureLocation.WestEurope, new ContainerRegistrySku({{sku}}))
                {
                    Identity = new ManagedServiceIdentity(ManagedServiceIdentityType.UserAssigned)
                    {
                        UserAssignedIdentities = { [new ResourceIdentifier("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/acr-id")] = new UserAssignedIdentity() },
                    },
                    Encryption = new ContainerRegistryEncryption
                    {
                        Status = ContainerRegistryEncryptionStatus.Enabled,
                        KeyVaultProperties = new ContainerRegistryKeyVaultProperties { Identity = "00000000-0000-0000-0000-000000000001", KeyIdentifier = "https://kv.vault.azure.net/keys/k" },
                    },{{extra}}
                };
                registries.CreateOrUpdate(WaitUntil.Completed, "acr", data);
            }
        }
        """;
}
