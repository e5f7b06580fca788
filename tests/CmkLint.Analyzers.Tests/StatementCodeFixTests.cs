using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>The code fixes on the statement-by-statement and Aspire shapes.</summary>
public class StatementCodeFixTests
{
    [Fact]
    public Task Cmk001_fix_sets_a_sku_assigned_by_a_statement_to_premium() =>
        Verify.FixAsync(
            Sdk.Provisioning11,
            StatementTests.Statements(StatementTests.Complete + "\n            registry.Sku.Name = {|CMK001:ContainerRegistrySkuName.Standard|};"),
            StatementTests.Statements(StatementTests.Complete + "\n            registry.Sku.Name = ContainerRegistrySkuName.Premium;"));

    [Fact]
    public Task Cmk003_fix_uses_the_client_id_in_a_nested_assignment() =>
        Verify.FixAsync(
            Sdk.Provisioning11,
            StatementTests.Statements(StatementTests.Complete.Replace("Identity = identity.ClientId", "Identity = {|CMK003:identity.PrincipalId|}", System.StringComparison.Ordinal)),
            StatementTests.Statements(StatementTests.Complete));

    [Fact]
    public Task Cmk003_fix_uses_the_client_id_in_an_aspire_customisation() =>
        Verify.FixAsync(
            Sdk.Provisioning11,
            AspireTests.Aspire("\n                registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };\n                registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($\"{identity.Id}\").Compile().ToString(), new UserAssignedIdentityDetails());\n                registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;\n                registry.Encryption.KeyVaultProperties.KeyIdentifier = \"https://kv.vault.azure.net/keys/acr\";\n                registry.Encryption.KeyVaultProperties.Identity = {|CMK003:identity.PrincipalId|}.ToString();"),
            AspireTests.Aspire("\n                registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };\n                registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($\"{identity.Id}\").Compile().ToString(), new UserAssignedIdentityDetails());\n                registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;\n                registry.Encryption.KeyVaultProperties.KeyIdentifier = \"https://kv.vault.azure.net/keys/acr\";\n                registry.Encryption.KeyVaultProperties.Identity = identity.ClientId.ToString();"));

    [Fact]
    public Task Cmk005_fix_turns_on_purge_protection_assigned_by_a_statement() =>
        Verify.FixAsync(
            Sdk.Provisioning11,
            Vault("{|CMK005:false|}"),
            Vault("true"));

    private static string Vault(string purge) => StatementTests.Statements(StatementTests.Complete + $$"""

                    var vault = new Azure.Provisioning.KeyVault.KeyVaultService("kv");
                    vault.Name = "kv";
                    vault.Properties.EnableSoftDelete = true;
                    vault.Properties.EnableRbacAuthorization = true;
                    vault.Properties.EnablePurgeProtection = {{purge}};
                    registry.DependsOn.Add(vault.CreateRoleAssignment(Azure.Provisioning.KeyVault.KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity));
            """);
}
