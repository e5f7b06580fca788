using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class VaultTests
{
    [Fact]
    public Task Cmk005_vault_without_purge_protection_is_reported_and_fixed() =>
        Verify.FixAsync(Sdk.Provisioning11, Snippets.Provisioning(after: """

                    var vault = {|CMK005:new KeyVaultService("kv")|}
                    {
                        Name = "kv",
                        Properties = new KeyVaultProperties { EnableSoftDelete = true, EnableRbacAuthorization = true },
                    };
                    vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
            """).Replace("using Azure.Provisioning.Roles;", "using Azure.Provisioning.Roles;\nusing Azure.Provisioning.KeyVault;", System.StringComparison.Ordinal), Snippets.Provisioning(after: """

                    var vault = new KeyVaultService("kv")
                    {
                        Name = "kv",
                        Properties = new KeyVaultProperties { EnableSoftDelete = true, EnableRbacAuthorization = true, EnablePurgeProtection = true },
                    };
                    vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
            """).Replace("using Azure.Provisioning.Roles;", "using Azure.Provisioning.Roles;\nusing Azure.Provisioning.KeyVault;", System.StringComparison.Ordinal),
            // CMK010 too: Azure.Provisioning emits no dependency from the registry on the role assignment.
            new DiagnosticResult("CMK010", DiagnosticSeverity.Warning).WithSpan("/src/Infrastructure.cs", 12, 24, 12, 59).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Theory]
    [InlineData("{|CMK005:false|}", "")]
    [InlineData("false", "{|CMK005:")]
    public Task Cmk005_resource_manager_vault_without_purge_protection_is_reported(string purge, string open) =>
        Verify.CSharpAsync(Sdk.ResourceManager, Snippets.ResourceManager(parameters: ", Azure.ResourceManager.KeyVault.KeyVaultCollection vaults", before: $$"""

                    var properties = new Azure.ResourceManager.KeyVault.Models.KeyVaultProperties(System.Guid.Empty, new Azure.ResourceManager.KeyVault.Models.KeyVaultSku(Azure.ResourceManager.KeyVault.Models.KeyVaultSkuFamily.A, Azure.ResourceManager.KeyVault.Models.KeyVaultSkuName.Standard))
                    {
                        EnableSoftDelete = true,{{(open.Length == 0 ? " EnablePurgeProtection = " + purge + "," : string.Empty)}}
                    };
                    vaults.CreateOrUpdate(WaitUntil.Completed, "kv", {{open}}new Azure.ResourceManager.KeyVault.Models.KeyVaultCreateOrUpdateContent(AzureLocation.WestEurope, properties){{(open.Length == 0 ? string.Empty : "|}")}});
            """));

    [Fact]
    public Task Cmk005_resource_manager_vault_with_purge_protection_is_not_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Snippets.ResourceManager(parameters: ", Azure.ResourceManager.KeyVault.KeyVaultCollection vaults", before: """

                    var properties = new Azure.ResourceManager.KeyVault.Models.KeyVaultProperties(System.Guid.Empty, new Azure.ResourceManager.KeyVault.Models.KeyVaultSku(Azure.ResourceManager.KeyVault.Models.KeyVaultSkuFamily.A, Azure.ResourceManager.KeyVault.Models.KeyVaultSkuName.Standard))
                    {
                        EnableSoftDelete = true,
                        EnablePurgeProtection = true,
                    };
                    vaults.CreateOrUpdate(WaitUntil.Completed, "kv", new Azure.ResourceManager.KeyVault.Models.KeyVaultCreateOrUpdateContent(AzureLocation.WestEurope, properties));
            """));

    [Fact]
    public Task Cmk005_pulumi_vault_with_purge_protection_off_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, PulumiVault(" EnablePurgeProtection = {|CMK005:false|},", string.Empty, string.Empty), PulumiRegistryBeforeGrant);

    [Fact]
    public Task Cmk005_pulumi_vault_without_purge_protection_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, PulumiVault(string.Empty, "{|CMK005:", "|}"), PulumiRegistryBeforeGrant);

    [Fact]
    public Task Cmk005_pulumi_vault_with_purge_protection_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, PulumiVault(" EnablePurgeProtection = true,", string.Empty, string.Empty), PulumiRegistryBeforeGrant);

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk009_firewalled_vault_with_a_user_assigned_encryption_identity_is_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, FirewalledVault("KeyVaultNetworkRuleAction.Deny", "{|CMK009:identity.ClientId|}.ToString()"), RegistryBeforeGrant);

    [Fact]
    public Task Cmk009_vault_open_to_the_network_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, FirewalledVault("KeyVaultNetworkRuleAction.Allow", "identity.ClientId.ToString()"), RegistryBeforeGrant);

    /// <summary>Azure.Provisioning emits no dependency from the registry on the role assignment (CMK010).</summary>
    private static readonly DiagnosticResult RegistryBeforeGrant =
        new DiagnosticResult("CMK010", DiagnosticSeverity.Warning).WithSpan("/src/Infrastructure.cs", 12, 24, 12, 59).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>Pulumi orders the registry after the vault only through an explicit <c>DependsOn</c> option (CMK010), which these snippets do not set.</summary>
    private static readonly DiagnosticResult PulumiRegistryBeforeGrant =
        new DiagnosticResult("CMK010", DiagnosticSeverity.Warning).WithSpan("/src/Infrastructure.cs", 13, 24, 23, 11).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static string FirewalledVault(string defaultAction, string encryptionIdentity) => Snippets.ProvisioningWithVault($$"""

                    var vault = new KeyVaultService("kv")
                    {
                        Name = "kv",
                        Properties = new KeyVaultProperties
                        {
                            EnableSoftDelete = true,
                            EnablePurgeProtection = true,
                            EnableRbacAuthorization = true,
                            NetworkRuleSet = new KeyVaultNetworkRuleSet { DefaultAction = {{defaultAction}}, Bypass = KeyVaultNetworkRuleBypassOption.AzureServices },
                        },
                    };
                    vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
            """, encryptionIdentity);

    private static string PulumiVault(string purge, string open, string close) => Snippets.PulumiWithVault($$"""

                    var vault = {{open}}new Vault("kv", new VaultArgs
                    {
                        VaultName = "kv",
                        ResourceGroupName = "rg",
                        Properties = new VaultPropertiesArgs
                        {
                            TenantId = identity.TenantId,
                            EnableSoftDelete = true,{{purge}}
                            AccessPolicies = { new AccessPolicyEntryArgs { ObjectId = identity.PrincipalId, TenantId = identity.TenantId, Permissions = new PermissionsArgs { Keys = { (KeyPermission)KeyPermissions.Get, (KeyPermission)KeyPermissions.WrapKey, (KeyPermission)KeyPermissions.UnwrapKey } } } },
                        },
                    }){{close}};
            """);
}
