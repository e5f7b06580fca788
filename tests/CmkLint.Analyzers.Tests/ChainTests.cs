using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>The complete chains of <see cref="Snippets"/> are clean, and each rule fires on its one defect, per SDK family.</summary>
public class ChainTests
{
    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task A_complete_provisioning_cmk_registry_has_no_findings(Sdk sdk) => Verify.CSharpAsync(sdk, Snippets.Provisioning());

    [Fact]
    public Task A_complete_pulumi_cmk_registry_has_no_findings() => Verify.CSharpAsync(Sdk.Pulumi, Snippets.Pulumi());

    [Fact]
    public Task A_complete_resource_manager_cmk_registry_has_no_findings() => Verify.CSharpAsync(Sdk.ResourceManager, Snippets.ResourceManager());

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk001_standard_sku_is_reported_on_the_sku_value(Sdk sdk) =>
        Verify.CSharpAsync(sdk, Snippets.Provisioning(sku: "{|CMK001:ContainerRegistrySkuName.Standard|}"));

    [Fact]
    public Task Cmk001_pulumi_standard_sku_is_reported() => Verify.CSharpAsync(Sdk.Pulumi, Snippets.Pulumi(sku: "{|CMK001:SkuName.Standard|}"));

    [Fact]
    public Task Cmk001_pulumi_sku_written_as_a_string_is_reported() => Verify.CSharpAsync(Sdk.Pulumi, Snippets.Pulumi(sku: "{|CMK001:\"Basic\"|}"));

    [Fact]
    public Task Cmk001_resource_manager_standard_sku_is_reported() =>
        Verify.CSharpAsync(Sdk.ResourceManager, Snippets.ResourceManager(sku: "{|CMK001:ContainerRegistrySkuName.Standard|}"));

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk003_principal_id_as_the_encryption_identity_is_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, Snippets.Provisioning(encryptionIdentity: "{|CMK003:identity.PrincipalId|}.ToString()"));

    [Fact]
    public Task Cmk003_pulumi_principal_id_as_the_encryption_identity_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Snippets.Pulumi(encryptionIdentity: "{|CMK003:identity.PrincipalId|}"));

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk006_content_trust_on_a_cmk_registry_is_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, Snippets.Provisioning(extra: """

                    Policies = new ContainerRegistryPolicies
                    {
                        TrustPolicy = new ContainerRegistryTrustPolicy { Status = {|CMK006:ContainerRegistryPolicyStatus.Enabled|} },
                    },
            """));

    [Fact]
    public Task Cmk006_pulumi_content_trust_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Snippets.Pulumi(extra: """

                    Policies = new PoliciesArgs { TrustPolicy = new TrustPolicyArgs { Status = {|CMK006:PolicyStatus.Enabled|} } },
            """));

    [Fact]
    public Task Cmk002_registry_without_identity_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, """
            using Pulumi.AzureNative.ContainerRegistry;
            using Pulumi.AzureNative.ContainerRegistry.Inputs;

            public static class Stack
            {
                public static void Define()
                {
                    var registry = {|CMK002:new Registry("acr", new RegistryArgs
                    {
                        Sku = new SkuArgs { Name = SkuName.Premium },
                        Encryption = new EncryptionPropertyArgs { Status = EncryptionStatus.Enabled, KeyVaultProperties = {|CMK002:new KeyVaultPropertiesArgs { KeyIdentifier = "https://kv.vault.azure.net/keys/k" }|} },
                    })|};
                }
            }
            """);
}
