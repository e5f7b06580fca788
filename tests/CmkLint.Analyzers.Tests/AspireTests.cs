using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>.NET Aspire's <c>ConfigureInfrastructure</c> callback: the registry comes from <c>GetProvisionableResources()</c> (unknown defaults) and the callback's statements set the rest.</summary>
public class AspireTests
{
    public static string Aspire(string body) => $$"""
        using System.Linq;
        using Aspire.Hosting;
        using Azure.Provisioning;
        using Azure.Provisioning.ContainerRegistry;
        using Azure.Provisioning.Resources;
        using Azure.Provisioning.Roles;

        public static class AppHost
        {
            public static void Configure(IDistributedApplicationBuilder builder)
            {
                builder.AddAzureContainerRegistry("acr").ConfigureInfrastructure(infra =>
                {
                    var registry = infra.GetProvisionableResources().OfType<ContainerRegistryService>().Single();
                    var identity = new UserAssignedIdentity("acrIdentity");
                    infra.Add(identity);{{body}}
                });
            }
        }
        """;

    private const string Cmk = """

                        registry.Sku.Name = ContainerRegistrySkuName.Premium;
                        registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                        registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($"{identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails());
                        registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                        registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                        registry.Encryption.KeyVaultProperties.Identity = identity.ClientId.ToString();
        """;

    [Fact]
    public Task An_aspire_customisation_that_turns_on_cmk_has_no_findings() => Verify.CSharpAsync(Sdk.Provisioning11, Aspire(Cmk));

    [Fact]
    public Task Cmk003_aspire_customisation_with_the_principal_id_is_reported_and_nothing_else() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Aspire(Cmk.Replace("Identity = identity.ClientId", "Identity = {|CMK003:identity.PrincipalId|}", System.StringComparison.Ordinal)));

    [Fact]
    public Task Cmk001_aspire_customisation_with_a_standard_sku_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Aspire(Cmk.Replace("registry.Sku.Name = ContainerRegistrySkuName.Premium;", "registry.Sku.Name = {|CMK001:ContainerRegistrySkuName.Standard|};", System.StringComparison.Ordinal)));

    [Fact]
    public Task An_aspire_customisation_that_leaves_the_sku_to_aspire_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Aspire(Cmk.Replace("registry.Sku.Name = ContainerRegistrySkuName.Premium;", string.Empty, System.StringComparison.Ordinal)));

    [Fact]
    public Task An_aspire_customisation_that_leaves_the_identity_to_aspire_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Aspire("""

                        registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                        registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
            """));
}
