using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class KeyIdentifierRuleTests
{
    private const string At = "\"keyIdentifier\": ";

    /// <summary>Where the value starts: inside the brackets for an expression, at the opening quote for a literal.</summary>
    private static CmkLint.Text.LinePosition ValueStart(string json, string value) =>
        value.StartsWith('[') ? Locate(json, At + "\"[", value.Substring(1, 12)) : Locate(json, At, "\"" + value.Substring(0, 12));

    [Theory]
    [InlineData(KeyUri)]
    [InlineData("https://kv-cmk.vault.azure.net/keys/cmk")]
    [InlineData("https://KV-CMK.Vault.Azure.Net/keys/cmk/")]
    [InlineData("https://kv-cmk.vault.azure.cn/keys/cmk/0123456789abcdef0123456789abcdef")]
    [InlineData("https://kv-cmk.vault.usgovcloudapi.net/keys/cmk")]
    [InlineData("https://kv-cmk.vault.microsoftazure.de/keys/cmk")]
    [InlineData("https://hsm-cmk.managedhsm.azure.net/keys/cmk")]
    [InlineData("[concat(reference(resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')).vaultUri, 'keys/cmk')]")]
    [InlineData("[format('https://{0}{1}/keys/cmk', 'kv-cmk', environment().suffixes.keyvaultDns)]")]
    [InlineData("[concat('https://', uniqueString(resourceGroup().id), '.vault.azure.net/keys/cmk')]")]
    public void Cmk012_key_uris_in_every_cloud_and_form_are_accepted(string keyIdentifier)
    {
        var t = new CmkChainTemplate { KeyIdentifier = keyIdentifier };
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK012"));
    }

    [Theory]
    [InlineData("http://kv-cmk.vault.azure.net/keys/cmk", "https")]
    [InlineData("https://kv-cmk.vault.azure.net/secrets/cmk", "/secrets/")]
    [InlineData("https://kv-cmk.vault.azure.net/certificates/cmk", "/certificates/")]
    [InlineData("https://example.com/keys/cmk", "not a Key Vault or managed HSM host")]
    [InlineData("https://kv-cmk.vault.azure.net/keys/", "missing the key name")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-cmk/keys/cmk", "resource ID")]
    [InlineData("[resourceId('Microsoft.KeyVault/vaults/keys', 'kv-cmk', 'cmk')]", "resource ID")]
    [InlineData("[reference(resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')).vaultUri]", "without '/keys/{name}'")]
    [InlineData("[concat('https://', uniqueString(resourceGroup().id), '.blob.core.windows.net/keys/cmk')]", "not a Key Vault")]
    public void Cmk012_identifier_that_is_not_a_key_uri_is_reported_on_the_value(string keyIdentifier, string reason)
    {
        var t = new CmkChainTemplate { KeyIdentifier = keyIdentifier };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK012", Level.Error, ValueStart(json, keyIdentifier));
        Assert.Contains(reason, finding.Message);
    }

    [Fact]
    public void Cmk012_missing_key_identifier_is_reported_on_key_vault_properties()
    {
        var t = new CmkChainTemplate { KeyVaultProperties = "{ \"identity\": \"" + ClientId + "\" }" };
        var json = t.Build();
        Single(Lint(json), "CMK012", Level.Error, Locate(json, "\"keyVaultProperties\": ", "{"));
    }

    [Fact]
    public void Cmk012_key_identifier_from_a_parameter_without_value_is_inconclusive()
    {
        var t = new CmkChainTemplate { Parameters = """{ "keyUri": { "type": "string" } }""", KeyIdentifier = "[parameters('keyUri')]" };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK012"));
        Assert.Contains("keyUri", Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK012")).Message);
    }
}
