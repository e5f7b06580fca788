using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class VersionlessKeyRuleTests
{
    [Fact]
    public void Cmk013_versionless_key_uri_is_clean()
    {
        Assert.Empty(Of(new CmkChainTemplate().Lint(includeInconclusive: true), "CMK013"));
    }

    [Fact]
    public void Cmk013_key_uri_with_version_is_a_note_on_the_key_identifier()
    {
        var t = new CmkChainTemplate { KeyIdentifier = KeyUriWithVersion };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK013", Level.Note, Locate(json, "\"keyIdentifier\": \"[", "reference("));
        Assert.Contains("key rotation", finding.Message);
    }

    [Fact]
    public void Cmk013_literal_uri_with_a_version_segment_is_a_note_naming_the_version()
    {
        var t = new CmkChainTemplate { KeyIdentifier = "https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef" };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK013", Level.Note, Locate(json, "\"keyIdentifier\": ", "\"https"));
        Assert.Contains("'0123456789abcdef0123456789abcdef'", finding.Message);
    }

    [Fact]
    public void Cmk013_version_built_from_the_vault_uri_is_recognised()
    {
        var t = new CmkChainTemplate { KeyIdentifier = "[concat(reference(resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')).vaultUri, 'keys/cmk/abc123')]" };
        Assert.Single(Of(t.Lint(), "CMK013"));
    }

    [Fact]
    public void Cmk013_version_from_a_parameter_without_value_is_inconclusive()
    {
        var t = new CmkChainTemplate
        {
            Parameters = """{ "keyVersion": { "type": "string" } }""",
            KeyIdentifier = "[concat('https://kv-cmk.vault.azure.net/keys/cmk/', parameters('keyVersion'))]",
        };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK013"));
        Assert.Equal(FindingKind.Inconclusive, Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK013")).Kind);
    }
}
