using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class ResourceManagerTests
{
    [Fact]
    public Task Cmk007_encryption_set_through_a_registry_patch_is_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, """
            using Azure;
            using Azure.ResourceManager.ContainerRegistry;
            using Azure.ResourceManager.ContainerRegistry.Models;

            public static class Infra
            {
                public static void Update(ContainerRegistryResource registry)
                {
                    var patch = new ContainerRegistryPatch
                    {
                        {|CMK007:Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled }|},
                    };
                    registry.Update(WaitUntil.Completed, patch);
                }
            }
            """);

    [Fact]
    public Task Cmk007_encryption_assigned_to_a_patch_later_is_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, """
            using Azure.ResourceManager.ContainerRegistry.Models;

            public static class Infra
            {
                public static ContainerRegistryPatch Patch()
                {
                    var patch = new ContainerRegistryPatch();
                    {|CMK007:patch.Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled }|};
                    return patch;
                }
            }
            """);

    [Fact]
    public Task Cmk007_a_patch_that_does_not_touch_encryption_is_not_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, """
            using Azure.ResourceManager.ContainerRegistry.Models;

            public static class Infra
            {
                public static ContainerRegistryPatch Patch() => new ContainerRegistryPatch { Sku = new ContainerRegistrySku(ContainerRegistrySkuName.Premium) };
            }
            """);
}
