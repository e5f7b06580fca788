using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>Pulumi Azure Native beyond one initializer: <c>CustomResourceOptions.DependsOn</c>, <c>Output.Apply</c>, args built statement by statement.</summary>
public class PulumiTests
{
    /// <summary>An identity, a vault whose access policy lets it use the key, then the registry; <paramref name="options"/> is the registry's third argument.</summary>
    private static string Stack(string options, string encryptionIdentity = "identity.ClientId", string args = "") => $$"""
        using Pulumi;
        using Pulumi.AzureNative.ContainerRegistry;
        using Pulumi.AzureNative.ContainerRegistry.Inputs;
        using Pulumi.AzureNative.KeyVault;
        using Pulumi.AzureNative.KeyVault.Inputs;
        using Pulumi.AzureNative.ManagedIdentity;
        using KeyPermission = Pulumi.InputUnion<string, Pulumi.AzureNative.KeyVault.KeyPermissions>;

        public static class Stack
        {
            public static void Define()
            {
                var identity = new UserAssignedIdentity("acr-identity", new UserAssignedIdentityArgs { ResourceGroupName = "rg" });
                var vault = new Vault("kv", new VaultArgs
                {
                    VaultName = "kv",
                    ResourceGroupName = "rg",
                    Properties = new VaultPropertiesArgs
                    {
                        TenantId = identity.TenantId,
                        EnableSoftDelete = true,
                        EnablePurgeProtection = true,
                        AccessPolicies = { new AccessPolicyEntryArgs { ObjectId = identity.PrincipalId, TenantId = identity.TenantId, Permissions = new PermissionsArgs { Keys = { (KeyPermission)KeyPermissions.Get, (KeyPermission)KeyPermissions.WrapKey, (KeyPermission)KeyPermissions.UnwrapKey } } } },
                    },
                });
                var args = new RegistryArgs { ResourceGroupName = "rg" };
                args.Sku = new SkuArgs { Name = SkuName.Premium };
                args.Identity = new IdentityPropertiesArgs { Type = ResourceIdentityType.UserAssigned, UserAssignedIdentities = { identity.Id } };
                args.Encryption = new EncryptionPropertyArgs
                {
                    Status = EncryptionStatus.Enabled,
                    KeyVaultProperties = new KeyVaultPropertiesArgs { Identity = {{encryptionIdentity}}, KeyIdentifier = "https://kv.vault.azure.net/keys/k" },
                };{{args}}
                var registry = {|#0:new Registry("acr", args{{options}})|};
            }
        }
        """;

    private static readonly DiagnosticResult RegistryBeforeVault =
        new DiagnosticResult("CMK010", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage("Registry 'acr' does not depend on vault 'kv' (its access policy), which gives its encryption identity access to the key; Azure Resource Manager may create the registry first, and creation fails. Add the grant to the registry's CustomResourceOptions.DependsOn.");

    [Fact]
    public Task Cmk010_a_pulumi_registry_that_depends_on_its_vault_through_options_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Stack(", new CustomResourceOptions { DependsOn = { vault } }"));

    [Fact]
    public Task Cmk010_pulumi_options_kept_in_a_local_are_read() =>
        Verify.CSharpAsync(Sdk.Pulumi, Stack(", options", args: "\n            var options = new CustomResourceOptions();\n            options.DependsOn.Add(vault);"));

    [Fact]
    public Task Cmk010_a_pulumi_registry_without_depends_on_is_reported_in_pulumi_terms() =>
        Verify.CSharpAsync(Sdk.Pulumi, Stack(string.Empty), RegistryBeforeVault);

    [Fact]
    public Task Cmk010_pulumi_options_depending_on_something_else_are_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Stack(", new CustomResourceOptions { DependsOn = { identity } }"), RegistryBeforeVault);

    [Fact]
    public Task Cmk003_a_principal_id_through_output_apply_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Stack(", new CustomResourceOptions { DependsOn = { vault } }", "{|CMK003:identity.PrincipalId|}.Apply(id => id)"));

    [Fact]
    public Task A_client_id_through_output_apply_is_clean() =>
        Verify.CSharpAsync(Sdk.Pulumi, Stack(", new CustomResourceOptions { DependsOn = { vault } }", "identity.ClientId.Apply(id => id)"));

    [Fact]
    public Task Cmk001_a_pulumi_sku_set_on_the_args_after_they_are_made_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Stack(", new CustomResourceOptions { DependsOn = { vault } }", args: "\n            args.Sku = new SkuArgs { Name = {|CMK001:SkuName.Standard|} };"));
}
