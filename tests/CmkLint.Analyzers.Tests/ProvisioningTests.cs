using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class ProvisioningTests
{
    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk001_standard_sku_with_cmk_is_reported_on_the_sku_value(Sdk sdk) =>
        Verify.CSharpAsync(sdk, """
            using Azure.Provisioning.ContainerRegistry;
            using Azure.Provisioning.Roles;

            public static class Infra
            {
                public static void Build()
                {
                    var identity = new UserAssignedIdentity("acrIdentity");
                    var registry = new ContainerRegistryService("acr")
                    {
                        Sku = new ContainerRegistrySku { Name = {|CMK001:ContainerRegistrySkuName.Standard|} },
                        Encryption = new ContainerRegistryEncryption
                        {
                            Status = ContainerRegistryEncryptionStatus.Enabled,
                            KeyVaultProperties = new ContainerRegistryKeyVaultProperties
                            {
                                Identity = identity.ClientId.ToString(),
                                KeyIdentifier = "https://kv.vault.azure.net/keys/acr",
                            },
                        },
                    };
                }
            }
            """);

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk001_premium_sku_with_cmk_is_not_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, """
            using Azure.Provisioning.ContainerRegistry;

            public static class Infra
            {
                public static void Build()
                {
                    var registry = new ContainerRegistryService("acr")
                    {
                        Sku = new ContainerRegistrySku { Name = ContainerRegistrySkuName.Premium },
                        Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled },
                    };
                }
            }
            """);

    [Fact]
    public Task Cmk001_sku_set_by_a_later_statement_is_reported_there() =>
        Verify.CSharpAsync(Sdk.Provisioning11, """
            using Azure.Provisioning.ContainerRegistry;

            public static class Infra
            {
                public static void Build()
                {
                    var registry = new ContainerRegistryService("acr");
                    registry.Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled };
                    registry.Sku.Name = {|CMK001:ContainerRegistrySkuName.Basic|};
                }
            }
            """);

    [Fact]
    public Task Cmk001_nested_initializer_in_the_unwrapped_shape_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, """
            using Azure.Provisioning.ContainerRegistry;

            public static class Infra
            {
                public static void Build()
                {
                    var registry = new ContainerRegistryService("acr")
                    {
                        Sku = { Name = {|CMK001:ContainerRegistrySkuName.Standard|} },
                        Encryption = { Status = ContainerRegistryEncryptionStatus.Enabled },
                    };
                }
            }
            """);

    [Fact]
    public Task Cmk001_sku_from_a_method_parameter_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, """
            using Azure.Provisioning.ContainerRegistry;

            public static class Infra
            {
                public static void Build(ContainerRegistrySkuName sku)
                {
                    var registry = new ContainerRegistryService("acr")
                    {
                        Sku = new ContainerRegistrySku { Name = sku },
                        Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled },
                    };
                }
            }
            """);
}
