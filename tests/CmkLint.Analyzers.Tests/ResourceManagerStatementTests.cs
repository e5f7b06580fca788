using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>Azure.ResourceManager built statement by statement: <c>ContainerRegistryData</c> then <c>CreateOrUpdate</c>, a patch through <c>Update</c>, the vault read back through <c>KeyVaultData</c>.</summary>
public class ResourceManagerStatementTests
{
    private static string Registry(string statements, string before = "") => $$"""
        using System;
        using Azure;
        using Azure.Core;
        using Azure.ResourceManager.ContainerRegistry;
        using Azure.ResourceManager.ContainerRegistry.Models;
        using Azure.ResourceManager.KeyVault;
        using Azure.ResourceManager.KeyVault.Models;
        using Azure.ResourceManager.Models;

        public static class Infra
        {
            public static void Create(ContainerRegistryCollection registries, KeyVaultCollection vaults)
            {{{before}}
                var data = new ContainerRegistryData(AzureLocation.WestEurope, new ContainerRegistrySku(ContainerRegistrySkuName.Premium));
                data.Identity = new ManagedServiceIdentity(ManagedServiceIdentityType.UserAssigned);
                data.Identity.UserAssignedIdentities[new ResourceIdentifier("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/acr-id")] = new UserAssignedIdentity();
                data.Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled };
                data.Encryption.KeyVaultProperties = new ContainerRegistryKeyVaultProperties();
                data.Encryption.KeyVaultProperties.Identity = "00000000-0000-0000-0000-000000000001";{{statements}}
                registries.CreateOrUpdate(WaitUntil.Completed, "acr", data);
            }
        }
        """;

    private const string KeyLiteral = "\n            data.Encryption.KeyVaultProperties.KeyIdentifier = \"https://kv.vault.azure.net/keys/k\";";

    [Fact]
    public Task A_resource_manager_registry_built_statement_by_statement_is_clean() => Verify.CSharpAsync(Sdk.ResourceManager, Registry(KeyLiteral));

    [Fact]
    public Task Cmk001_a_resource_manager_sku_replaced_by_a_statement_is_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Registry(KeyLiteral + "\n            data.Sku = new ContainerRegistrySku({|CMK001:ContainerRegistrySkuName.Standard|});"));

    [Fact]
    public Task Cmk002_resource_manager_identities_removed_with_clear_are_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Registry(KeyLiteral + "\n            {|CMK002:data.Identity.UserAssignedIdentities|}.Clear();"));

    private const string Vault = """

                var properties = new KeyVaultProperties(Guid.Empty, new KeyVaultSku(KeyVaultSkuFamily.A, KeyVaultSkuName.Standard));
                properties.EnableSoftDelete = true;
                properties.EnableRbacAuthorization = true;
                properties.EnablePurgeProtection = PURGE;
                var created = vaults.CreateOrUpdate(WaitUntil.Completed, "kv", new KeyVaultCreateOrUpdateContent(AzureLocation.WestEurope, properties));
                var vaultUri = created.Value.Data.Properties.VaultUri;
        """;

    [Fact]
    public Task Cmk005_a_vault_read_back_through_key_vault_data_without_purge_protection_is_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Registry("\n            data.Encryption.KeyVaultProperties.KeyIdentifier = $\"{vaultUri}keys/k\";", Vault.Replace("PURGE", "{|CMK005:false|}", System.StringComparison.Ordinal)));

    [Fact]
    public Task A_vault_read_back_through_key_vault_data_with_purge_protection_is_clean() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Registry("\n            data.Encryption.KeyVaultProperties.KeyIdentifier = $\"{vaultUri}keys/k\";", Vault.Replace("PURGE", "true", System.StringComparison.Ordinal)));

    private static string Update(string encryption) => $$"""
        using Azure;
        using Azure.ResourceManager.ContainerRegistry;
        using Azure.ResourceManager.ContainerRegistry.Models;

        public static class Rotation
        {
            public static void Apply(ContainerRegistryResource registry)
            {
                registry.Update(WaitUntil.Completed, Patch());
            }

            private static ContainerRegistryPatch Patch()
            {
                var encryption = new ContainerRegistryEncryption();
                encryption.Status = {{encryption}};
                var patch = new ContainerRegistryPatch();
                {|#0:patch.Encryption = encryption|};
                return patch;
            }
        }
        """;

    [Fact]
    public Task Cmk007_encryption_enabled_through_a_patch_built_by_statements_is_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Update("ContainerRegistryEncryptionStatus.Enabled").Replace("{|#0:", "{|CMK007:", System.StringComparison.Ordinal));

    [Fact]
    public Task Cmk007_encryption_disabled_through_a_patch_is_not_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Update("ContainerRegistryEncryptionStatus.Disabled").Replace("{|#0:patch.Encryption = encryption|}", "patch.Encryption = encryption", System.StringComparison.Ordinal));
}
