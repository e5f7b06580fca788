using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class PulumiTests
{
    [Fact]
    public Task Cmk001_standard_sku_with_cmk_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, """
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
                        Sku = new SkuArgs { Name = {|CMK001:SkuName.Standard|} },
                        Encryption = new EncryptionPropertyArgs
                        {
                            Status = EncryptionStatus.Enabled,
                            KeyVaultProperties = new KeyVaultPropertiesArgs { Identity = identity.ClientId, KeyIdentifier = "https://kv.vault.azure.net/keys/k" },
                        },
                    });
                }
            }
            """);

    [Fact]
    public Task Cmk001_sku_written_as_a_string_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, """
            using Pulumi.AzureNative.ContainerRegistry;
            using Pulumi.AzureNative.ContainerRegistry.Inputs;

            public static class Stack
            {
                public static void Define()
                {
                    var args = new RegistryArgs
                    {
                        Sku = new SkuArgs { Name = {|CMK001:"Basic"|} },
                        Encryption = new EncryptionPropertyArgs { Status = "Enabled" },
                    };
                    var registry = new Registry("acr", args);
                }
            }
            """);

    [Fact]
    public Task Cmk001_premium_sku_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, """
            using Pulumi.AzureNative.ContainerRegistry;
            using Pulumi.AzureNative.ContainerRegistry.Inputs;

            public static class Stack
            {
                public static void Define()
                {
                    var registry = new Registry("acr", new RegistryArgs
                    {
                        Sku = new SkuArgs { Name = SkuName.Premium },
                        Encryption = new EncryptionPropertyArgs { Status = EncryptionStatus.Enabled },
                    });
                }
            }
            """);
}
