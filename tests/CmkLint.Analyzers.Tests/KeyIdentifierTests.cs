using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>
/// CMK012 (the key identifier is a key URI) and CMK013 (versionless) on literal key URIs in C#.
/// CMK011 (key type, size and operations) has no C# form: none of the three SDK families used here declares a
/// Key Vault key resource (Azure.Provisioning has no key type; keys are made with Azure.Security.KeyVault.Keys at run time).
/// CMK015 (registry tasks' log retention) has no C# form either: no registry task type is recognised in any of the families.
/// </summary>
public class KeyIdentifierTests
{
    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk012_secret_uri_as_the_key_identifier_is_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, Snippets.Provisioning(keyIdentifier: "{|CMK012:\"https://kv.vault.azure.net/secrets/acr\"|}"));

    [Fact]
    public Task Cmk012_pulumi_secret_uri_as_the_key_identifier_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Snippets.Pulumi(keyIdentifier: "{|CMK012:\"https://kv.vault.azure.net/secrets/k\"|}"));

    [Theory]
    [InlineData(Sdk.Provisioning10)]
    [InlineData(Sdk.Provisioning11)]
    public Task Cmk013_versioned_key_uri_is_reported(Sdk sdk) =>
        Verify.CSharpAsync(sdk, Snippets.Provisioning(keyIdentifier: "{|CMK013:\"https://kv.vault.azure.net/keys/acr/0123456789abcdef0123456789abcdef\"|}"));

    [Fact]
    public Task Cmk013_pulumi_versioned_key_uri_is_reported() =>
        Verify.CSharpAsync(Sdk.Pulumi, Snippets.Pulumi(keyIdentifier: "{|CMK013:\"https://kv.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef\"|}"));

    [Fact]
    public Task Cmk013_key_uri_built_from_the_vault_uri_without_a_version_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Snippets.ProvisioningWithVault(
            """

                    var vault = KeyVaultService.FromExisting("kv");
            """,
            keyIdentifier: "\"https://kv.vault.azure.net/keys/acr\""));
}
