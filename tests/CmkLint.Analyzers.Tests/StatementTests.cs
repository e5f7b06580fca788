using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>Azure.Provisioning built statement by statement: nested property assignments, <c>Add</c>, indexer sets, <c>Clear()</c>, last write wins, writes under <c>if</c>.</summary>
public class StatementTests
{
    /// <summary>A CMK registry built one statement at a time (Azure.Provisioning 1.1); <paramref name="body"/> follows the declarations.</summary>
    public static string Statements(string body, string parameters = "") => $$"""
        using Azure.Provisioning;
        using Azure.Provisioning.ContainerRegistry;
        using Azure.Provisioning.Resources;
        using Azure.Provisioning.Roles;

        public static class Infra
        {
            public static void Build({{parameters}})
            {
                var identity = new UserAssignedIdentity("acrIdentity");
                var registry = new ContainerRegistryService("acr");
                var key = BicepFunction.Interpolate($"{identity.Id}").Compile().ToString();{{body}}
            }
        }
        """;

    /// <summary>Every statement of a correct CMK registry; a test replaces one.</summary>
    public const string Complete = """

                registry.Sku.Name = ContainerRegistrySkuName.Premium;
                registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                registry.Identity.UserAssignedIdentities.Add(key, new UserAssignedIdentityDetails());
                registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                registry.Encryption.KeyVaultProperties.Identity = identity.ClientId.ToString();
        """;

    [Fact]
    public Task A_registry_built_statement_by_statement_has_no_findings() => Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete));

    [Fact]
    public Task A_registry_built_statement_by_statement_in_the_wrapped_shape_has_no_findings() =>
        Verify.CSharpAsync(Sdk.Provisioning10, Statements("""

                    registry.Sku = new ContainerRegistrySku { Name = ContainerRegistrySkuName.Premium };
                    var managed = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                    managed.UserAssignedIdentities[key] = new UserAssignedIdentityDetails();
                    registry.Identity = managed;
                    registry.Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled };
                    registry.Encryption.Value.KeyVaultProperties = new ContainerRegistryKeyVaultProperties { KeyIdentifier = "https://kv.vault.azure.net/keys/acr" };
                    registry.Encryption.Value.KeyVaultProperties.Value.Identity = identity.ClientId.ToString();
            """));

    [Fact]
    public Task Cmk003_principal_id_set_after_identities_added_with_add_is_reported_and_cmk002_is_not() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete.Replace("registry.Encryption.KeyVaultProperties.Identity = identity.ClientId.ToString();", "registry.Encryption.KeyVaultProperties.Identity = {|CMK003:identity.PrincipalId|}.ToString();", System.StringComparison.Ordinal)));

    [Fact]
    public Task Cmk003_principal_id_with_identities_set_through_the_indexer_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete
            .Replace("registry.Identity.UserAssignedIdentities.Add(key, new UserAssignedIdentityDetails());", "registry.Identity.UserAssignedIdentities[key] = new UserAssignedIdentityDetails();", System.StringComparison.Ordinal)
            .Replace("registry.Encryption.KeyVaultProperties.Identity = identity.ClientId.ToString();", "registry.Encryption.KeyVaultProperties.Identity = {|CMK003:identity.PrincipalId|}.ToString();", System.StringComparison.Ordinal)));

    [Fact]
    public Task Cmk002_identities_cleared_after_they_were_added_is_reported_at_the_clear() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete
            .Replace(
                "registry.Identity.UserAssignedIdentities.Add(key, new UserAssignedIdentityDetails());",
                "registry.Identity.UserAssignedIdentities.Add(key, new UserAssignedIdentityDetails());\n            {|CMK002:registry.Identity.UserAssignedIdentities|}.Clear();",
                System.StringComparison.Ordinal)
            .Replace("Identity = identity.ClientId", "Identity = {|CMK003:identity.ClientId|}", System.StringComparison.Ordinal)));

    [Fact]
    public Task Cmk001_the_last_sku_written_wins() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete + """

                    registry.Sku.Name = {|CMK001:ContainerRegistrySkuName.Standard|};
            """));

    [Fact]
    public Task Cmk001_a_standard_sku_replaced_by_premium_later_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements("""

                    registry.Sku.Name = ContainerRegistrySkuName.Standard;
            """ + Complete));

    [Fact]
    public Task Cmk001_a_sku_written_under_a_condition_that_is_not_known_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete + """

                    if (!premium)
                    {
                        registry.Sku.Name = ContainerRegistrySkuName.Standard;
                    }
            """, parameters: "bool premium"));

    [Fact]
    public Task Cmk001_a_sku_written_under_a_condition_that_is_always_true_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete + """

                    const bool cheap = true;
                    if (cheap)
                    {
                        registry.Sku.Name = {|CMK001:ContainerRegistrySkuName.Basic|};
                    }
                    else
                    {
                        registry.Sku.Name = ContainerRegistrySkuName.Premium;
                    }
            """));

    [Fact]
    public Task Cmk001_a_sku_that_is_basic_or_standard_by_a_condition_that_is_not_known_is_inconclusive_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete + """

                    if (small)
                    {
                        registry.Sku.Name = ContainerRegistrySkuName.Basic;
                    }
                    else
                    {
                        registry.Sku.Name = ContainerRegistrySkuName.Standard;
                    }
            """, parameters: "bool small"));

    [Fact]
    public Task Cmk002_identity_added_only_under_a_condition_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete.Replace(
            "registry.Identity.UserAssignedIdentities.Add(key, new UserAssignedIdentityDetails());",
            "if (withIdentity) { registry.Identity.UserAssignedIdentities.Add(key, new UserAssignedIdentityDetails()); }",
            System.StringComparison.Ordinal), parameters: "bool withIdentity"));

    [Fact]
    public Task Cmk006_content_trust_turned_on_by_a_nested_assignment_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Statements(Complete + """

                    registry.Policies.TrustPolicy.Status = {|CMK006:ContainerRegistryPolicyStatus.Enabled|};
            """));
}
