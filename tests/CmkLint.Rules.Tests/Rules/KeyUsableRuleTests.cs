using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class KeyUsableRuleTests
{
    [Fact]
    public void Cmk011_enabled_rsa_key_is_clean()
    {
        var t = new CmkChainTemplate { KeyProperties = """{ "kty": "RSA-HSM", "keyOps": ["wrapKey", "unwrapKey"], "attributes": { "enabled": true, "exp": 1893456000 } }""" };
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK011"));
    }

    [Fact]
    public void Cmk011_elliptic_curve_key_is_reported_on_kty()
    {
        var t = new CmkChainTemplate { KeyProperties = """{ "kty": "EC", "curveName": "P-256" }""" };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK011", Level.Error, Locate(json, "\"kty\": ", "\"EC\""));
        Assert.Contains("'RSA' or 'RSA-HSM'", finding.Message);
    }

    [Fact]
    public void Cmk011_key_ops_without_unwrap_is_reported_on_key_ops()
    {
        var t = new CmkChainTemplate { KeyProperties = """{ "kty": "RSA", "keyOps": ["encrypt", "wrapKey"] }""" };
        var json = t.Build();
        Single(Lint(json), "CMK011", Level.Error, Locate(json, "\"keyOps\": ", "["));
    }

    [Fact]
    public void Cmk011_disabled_key_is_reported_on_enabled()
    {
        var t = new CmkChainTemplate { KeyProperties = """{ "kty": "RSA", "Attributes": { "Enabled": false } }""" };
        var json = t.Build();
        Single(Lint(json), "CMK011", Level.Error, Locate(json, "\"Enabled\": ", "false"));
    }

    [Fact]
    public void Cmk011_expired_key_is_reported_against_the_fixed_now()
    {
        // 1704067200 = 2024-01-01, before the tests' now (2025-06-01); 1767225600 = 2026-01-01, after it.
        var expired = new CmkChainTemplate { KeyProperties = """{ "kty": "RSA", "attributes": { "exp": 1704067200 } }""" };
        var json = expired.Build();
        var finding = Single(Lint(json), "CMK011", Level.Error, Locate(json, "\"exp\": ", "1704067200"));
        Assert.Contains("2024-01-01", finding.Message);

        var valid = new CmkChainTemplate { KeyProperties = """{ "kty": "RSA", "attributes": { "exp": 1767225600 } }""" };
        Assert.Empty(Of(valid.Lint(includeInconclusive: true), "CMK011"));
    }

    [Fact]
    public void Cmk011_expiry_computed_at_deployment_is_inconclusive()
    {
        var t = new CmkChainTemplate { KeyProperties = """{ "kty": "RSA", "attributes": { "exp": "[parameters('expiry')]" } }""", Parameters = """{ "expiry": { "type": "int" } }""" };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK011"));
        Assert.Contains("expiry", Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK011")).Message);
    }

    [Fact]
    public void Cmk011_key_found_by_uri_host_and_name_is_checked()
    {
        var t = new CmkChainTemplate { KeyIdentifier = "https://kv-cmk.vault.azure.net/keys/cmk", KeyProperties = """{ "kty": "oct-HSM" }""" };
        var json = t.Build();
        Single(Lint(json), "CMK011", Level.Error, Locate(json, "\"kty\": ", "\"oct-HSM\""));
    }

    [Fact]
    public void Cmk011_key_outside_the_template_is_inconclusive()
    {
        var t = new CmkChainTemplate { IncludeKey = false, KeyIdentifier = "https://kv-cmk.vault.azure.net/keys/cmk", RegistryDependsOn = "[]" };
        var open = Assert.Single(Of(t.Lint(includeInconclusive: true), "CMK011"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
    }
}
