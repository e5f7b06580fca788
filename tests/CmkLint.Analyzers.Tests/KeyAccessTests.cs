using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>CMK004 on C#: access policies and role assignments that do (not) let the encryption identity use the key.</summary>
public class KeyAccessTests
{
    /// <summary>Azure.Provisioning emits no dependency from the registry on the vault or the role assignment: CMK010 comes with every chain whose grant is right.</summary>
    private static readonly DiagnosticResult RegistryBeforeGrant =
        new DiagnosticResult("CMK010", DiagnosticSeverity.Warning).WithSpan("/src/Infrastructure.cs", 12, 24, 12, 59).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static string PolicyVault(string objectId, string keys, string after = "") => Snippets.ProvisioningWithVault($$"""

                var vault = new KeyVaultService("kv")
                {
                    Name = "kv",
                    Properties = new KeyVaultProperties
                    {
                        EnableSoftDelete = true,
                        EnablePurgeProtection = true,
                        AccessPolicies =
                        {
                            new KeyVaultAccessPolicy
                            {
                                ObjectId = {{objectId}},
                                Permissions = new IdentityAccessPermissions { Keys = {{keys}} },
                            },
                        },
                    },
                };{{after}}
        """);

    private static string RbacVault(string role) => Snippets.ProvisioningWithVault($$"""

                var vault = new KeyVaultService("kv")
                {
                    Name = "kv",
                    Properties = new KeyVaultProperties { EnableSoftDelete = true, EnablePurgeProtection = true, EnableRbacAuthorization = true },
                };
                vault.CreateRoleAssignment({{role}}, identity);
        """);

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk004_access_policy_with_get_wrap_and_unwrap_for_the_principal_id_is_not_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, PolicyVault("identity.PrincipalId.ToString()", "{ IdentityAccessKeyPermission.Get, IdentityAccessKeyPermission.WrapKey, IdentityAccessKeyPermission.UnwrapKey }"), RegistryBeforeGrant);

    [Fact]
    public Task Cmk004_access_policy_missing_wrap_key_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, PolicyVault("identity.PrincipalId.ToString()", "{|CMK004:{ IdentityAccessKeyPermission.Get, IdentityAccessKeyPermission.UnwrapKey }|}"));

    [Fact]
    public Task Cmk004_access_policy_with_client_id_as_object_id_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, PolicyVault("{|CMK004:identity.ClientId|}.ToString()", "{ IdentityAccessKeyPermission.Get, IdentityAccessKeyPermission.WrapKey, IdentityAccessKeyPermission.UnwrapKey }"));

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk004_reader_role_on_an_rbac_vault_is_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, RbacVault("{|CMK004:KeyVaultBuiltInRole.KeyVaultReader|}"));

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk004_crypto_service_encryption_user_role_on_an_rbac_vault_is_not_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, RbacVault("KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser"), RegistryBeforeGrant);

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk010_registry_that_does_not_depend_on_its_role_assignment_is_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, RbacVault("KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser"), RegistryBeforeGrant.WithMessage(
            "Registry 'acr' does not depend on role assignment 'kv_acrIdentity_role', which gives its encryption identity access to the key; Azure Resource Manager may create the registry first, and creation fails. Add the grant to registry.DependsOn."));

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk010_registry_depending_on_its_role_assignment_through_depends_on_is_not_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, Snippets.ProvisioningWithVault("""

                    var vault = new KeyVaultService("kv")
                    {
                        Name = "kv",
                        Properties = new KeyVaultProperties { EnableSoftDelete = true, EnablePurgeProtection = true, EnableRbacAuthorization = true },
                    };
                    var grant = vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
                    registry.DependsOn.Add(grant);
            """));

    [Fact]
    public Task Cmk010_registry_depending_on_an_inline_role_assignment_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Snippets.ProvisioningWithVault("""

                    var vault = new KeyVaultService("kv")
                    {
                        Name = "kv",
                        Properties = new KeyVaultProperties { EnableSoftDelete = true, EnablePurgeProtection = true, EnableRbacAuthorization = true },
                    };
                    registry.DependsOn.Add(vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity));
            """));

    [Fact]
    public Task Cmk010_registry_depending_on_the_vault_of_its_access_policy_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, PolicyVault("identity.PrincipalId.ToString()", "{ IdentityAccessKeyPermission.Get, IdentityAccessKeyPermission.WrapKey, IdentityAccessKeyPermission.UnwrapKey }", "\n                registry.DependsOn.Add(vault);"));

    [Fact]
    public Task Cmk010_depending_on_another_resource_does_not_hide_the_missing_grant_dependency() =>
        Verify.CSharpAsync(Sdk.Provisioning11, RbacVault("KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser").Replace("                vault.CreateRoleAssignment(", "                registry.DependsOn.Add(identity);\n                vault.CreateRoleAssignment(", System.StringComparison.Ordinal), RegistryBeforeGrant);
}
