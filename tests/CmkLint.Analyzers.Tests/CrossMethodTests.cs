using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>Resources flowing between methods of the compilation: parameters, return values, fields, local functions and lambdas.</summary>
public class CrossMethodTests
{
    private const string Usings = """
        using System;
        using Azure.Provisioning;
        using Azure.Provisioning.ContainerRegistry;
        using Azure.Provisioning.KeyVault;
        using Azure.Provisioning.Resources;
        using Azure.Provisioning.Roles;

        """;

    /// <summary>A factory that builds the registry for a given identity; <paramref name="encryptionIdentity"/> is what it names as the key's identity.</summary>
    private static string Factory(string encryptionIdentity, string caller) => Usings + $$"""
        public static class Infra
        {
            public static ContainerRegistryService CreateRegistry(UserAssignedIdentity identity, string keyUri)
            {
                var registry = new ContainerRegistryService("acr");
                registry.Sku.Name = ContainerRegistrySkuName.Premium;
                registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                registry.Identity.UserAssignedIdentities[BicepFunction.Interpolate($"{identity.Id}").Compile().ToString()] = new UserAssignedIdentityDetails();
                registry.Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled };
                registry.Encryption.KeyVaultProperties.KeyIdentifier = keyUri;
                registry.Encryption.KeyVaultProperties.Identity = {{encryptionIdentity}};
                return registry;
            }

            public static void Build()
            {{{caller}}
            }
        }
        """;

    [Fact]
    public Task A_registry_from_a_factory_method_is_clean() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Factory("identity.ClientId.ToString()", """

                var identity = new UserAssignedIdentity("acrIdentity");
                var registry = CreateRegistry(identity, "https://kv.vault.azure.net/keys/acr");
            """));

    [Fact]
    public Task Cmk003_principal_id_in_a_factory_method_is_reported_once_in_the_factory() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Factory("{|CMK003:identity.PrincipalId|}.ToString()", """

                var identity = new UserAssignedIdentity("acrIdentity");
                var registry = CreateRegistry(identity, "https://kv.vault.azure.net/keys/acr");
            """));

    [Fact]
    public Task Cmk001_a_caller_that_lowers_the_sku_of_a_returned_registry_is_reported_in_the_caller() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Factory("identity.ClientId.ToString()", """

                var identity = new UserAssignedIdentity("acrIdentity");
                var registry = CreateRegistry(identity, "https://kv.vault.azure.net/keys/acr");
                registry.Sku.Name = {|CMK001:ContainerRegistrySkuName.Standard|};
            """));

    [Fact]
    public Task Cmk002_a_caller_that_takes_the_identity_away_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Factory("identity.ClientId.ToString()", """

                var identity = new UserAssignedIdentity("acrIdentity");
                var registry = CreateRegistry(identity, "https://kv.vault.azure.net/keys/acr");
                {|CMK002:registry.Identity.UserAssignedIdentities|}.Clear();
            """).Replace("Identity = identity.ClientId", "Identity = {|CMK003:identity.ClientId|}", System.StringComparison.Ordinal));

    /// <summary>The vault is built in one method, the registry in another: the vault rules see the registry's key through the caller.</summary>
    private static string VaultElsewhere(string purge) => Usings + $$"""
        public static class Infra
        {
            private static readonly UserAssignedIdentity Identity = new("acrIdentity");

            private static KeyVaultService CreateVault()
            {
                var vault = {|#0:new KeyVaultService("kv")|};
                vault.Name = "kv";
                vault.Properties.EnableSoftDelete = true;
                vault.Properties.EnableRbacAuthorization = true;{{purge}}
                return vault;
            }

            public static void Build()
            {
                var vault = CreateVault();
                var grant = vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, Identity);
                var registry = new ContainerRegistryService("acr");
                registry.Sku.Name = ContainerRegistrySkuName.Premium;
                registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($"{Identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails());
                registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                registry.Encryption.KeyVaultProperties.Identity = Identity.ClientId.ToString();
                registry.DependsOn.Add(grant);
            }
        }
        """;

    [Fact]
    public Task Cmk005_a_vault_from_another_method_without_purge_protection_is_reported_at_the_vault() =>
        Verify.CSharpAsync(Sdk.Provisioning11, VaultElsewhere(string.Empty), new DiagnosticResult("CMK005", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Cmk005_a_vault_from_another_method_with_purge_protection_turned_off_is_reported_at_the_value() =>
        Verify.CSharpAsync(Sdk.Provisioning11, VaultElsewhere("\n            vault.Properties.EnablePurgeProtection = {|CMK005:false|};").Replace("{|#0:new KeyVaultService(\"kv\")|}", "new KeyVaultService(\"kv\")", System.StringComparison.Ordinal));

    [Fact]
    public Task A_vault_from_another_method_with_purge_protection_is_clean() =>
        Verify.CSharpAsync(Sdk.Provisioning11, VaultElsewhere("\n            vault.Properties.EnablePurgeProtection = true;").Replace("{|#0:new KeyVaultService(\"kv\")|}", "new KeyVaultService(\"kv\")", System.StringComparison.Ordinal));

    [Fact]
    public Task Cmk003_an_encryption_set_by_a_local_function_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Usings + """
            public static class Infra
            {
                public static void Build()
                {
                    var identity = new UserAssignedIdentity("acrIdentity");
                    var registry = new ContainerRegistryService("acr");
                    registry.Sku.Name = ContainerRegistrySkuName.Premium;
                    AssignIdentity(registry.Identity);
                    Encrypt(identity.PrincipalId.ToString());

                    void AssignIdentity(ManagedServiceIdentity managed)
                    {
                        managed.ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned;
                        managed.UserAssignedIdentities.Add(BicepFunction.Interpolate($"{identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails());
                    }

                    void Encrypt(string clientId)
                    {
                        registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                        registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                        registry.Encryption.KeyVaultProperties.Identity = clientId;
                    }
                }
            }
            """.Replace("identity.PrincipalId.ToString()", "{|CMK003:identity.PrincipalId|}.ToString()", System.StringComparison.Ordinal));

    [Fact]
    public Task Cmk003_an_encryption_set_in_a_lambda_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Usings + """
            public static class Infra
            {
                public static void Build()
                {
                    var identity = new UserAssignedIdentity("acrIdentity");
                    var registry = new ContainerRegistryService("acr");
                    Action<ContainerRegistryService> encrypt = r =>
                    {
                        r.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                        r.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                        r.Encryption.KeyVaultProperties.Identity = {|CMK003:identity.PrincipalId|}.ToString();
                    };
                    registry.Sku.Name = ContainerRegistrySkuName.Premium;
                    registry.Identity.ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned;
                    registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($"{identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails());
                    Run(registry, encrypt);
                }

                private static void Run(ContainerRegistryService registry, Action<ContainerRegistryService> step) => step(registry);
            }
            """);

    [Fact]
    public Task Cmk003_a_method_that_encrypts_a_registry_it_is_given_is_reported_with_unknown_defaults() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Usings + """
            public static class Infra
            {
                public static void Encrypt(ContainerRegistryService registry, UserAssignedIdentity identity)
                {
                    registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                    registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($"{identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails());
                    registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                    registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                    registry.Encryption.KeyVaultProperties.Identity = {|CMK003:identity.PrincipalId|}.ToString();
                }
            }
            """);

    [Fact]
    public Task A_factory_whose_registry_is_returned_to_code_not_in_the_compilation_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Usings + """
            public static class Infra
            {
                public static ContainerRegistryService CreateRegistry()
                {
                    var registry = new ContainerRegistryService("acr");
                    registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                    registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                    return registry;
                }
            }
            """);
}
