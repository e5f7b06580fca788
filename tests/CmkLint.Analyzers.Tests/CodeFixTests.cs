using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class CodeFixTests
{
    [Fact]
    public Task Cmk001_fix_sets_the_provisioning_sku_to_premium() =>
        Verify.FixAsync(Sdk.Provisioning11, """
            using Azure.Provisioning.ContainerRegistry;

            public static class Infra
            {
                public static void Build()
                {
                    var registry = new ContainerRegistryService("acr")
                    {
                        Sku = new ContainerRegistrySku { Name = {|CMK001:ContainerRegistrySkuName.Standard|} },
                        Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled },
                    };
                }
            }
            """, """
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
    public Task Cmk001_fix_sets_a_pulumi_sku_string_to_premium() =>
        Verify.FixAsync(Sdk.Pulumi, """
            using Pulumi.AzureNative.ContainerRegistry;
            using Pulumi.AzureNative.ContainerRegistry.Inputs;

            public static class Stack
            {
                public static void Define() => new Registry("acr", new RegistryArgs
                {
                    Sku = new SkuArgs { Name = {|CMK001:"Standard"|} },
                    Encryption = new EncryptionPropertyArgs { Status = EncryptionStatus.Enabled },
                });
            }
            """, """
            using Pulumi.AzureNative.ContainerRegistry;
            using Pulumi.AzureNative.ContainerRegistry.Inputs;

            public static class Stack
            {
                public static void Define() => new Registry("acr", new RegistryArgs
                {
                    Sku = new SkuArgs { Name = "Premium" },
                    Encryption = new EncryptionPropertyArgs { Status = EncryptionStatus.Enabled },
                });
            }
            """);
}
