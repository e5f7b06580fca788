using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class CodeFixTests
{
    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk001_fix_sets_the_provisioning_sku_to_premium(Sdk sdk) =>
        Verify.FixAsync(sdk, Snippets.Provisioning(sku: "{|CMK001:ContainerRegistrySkuName.Standard|}"), Snippets.Provisioning(sku: "ContainerRegistrySkuName.Premium"));

    [Fact]
    public Task Cmk001_fix_sets_a_pulumi_sku_string_to_premium() =>
        Verify.FixAsync(Sdk.Pulumi, Snippets.Pulumi(sku: "{|CMK001:\"Standard\"|}"), Snippets.Pulumi(sku: "\"Premium\""));

    [Fact]
    public Task Cmk001_fix_sets_the_resource_manager_sku_to_premium() =>
        Verify.FixAsync(Sdk.ResourceManager, Snippets.ResourceManager(sku: "{|CMK001:ContainerRegistrySkuName.Standard|}"), Snippets.ResourceManager());

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk003_fix_uses_the_client_id_instead_of_the_principal_id(Sdk sdk) =>
        Verify.FixAsync(sdk, Snippets.Provisioning(encryptionIdentity: "{|CMK003:identity.PrincipalId|}.ToString()"), Snippets.Provisioning());

    [Fact]
    public Task Cmk003_fix_uses_the_pulumi_client_id() =>
        Verify.FixAsync(Sdk.Pulumi, Snippets.Pulumi(encryptionIdentity: "{|CMK003:identity.PrincipalId|}"), Snippets.Pulumi());

    [Fact]
    public Task Cmk006_fix_removes_content_trust() =>
        Verify.FixAsync(Sdk.Provisioning11, Snippets.Provisioning(extra: """

                    Policies = new ContainerRegistryPolicies
                    {
                        TrustPolicy = new ContainerRegistryTrustPolicy { Status = {|CMK006:ContainerRegistryPolicyStatus.Enabled|} },
                    },
            """), Snippets.Provisioning(extra: """

                    Policies = new ContainerRegistryPolicies
                    {
                    },
            """));
}
