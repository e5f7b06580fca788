using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class VaultRecoverableRuleTests
{
    private const string VaultName = "\"type\": \"Microsoft.KeyVault/vaults\"";

    [Fact]
    public void Cmk005_vault_with_soft_delete_and_purge_protection_is_clean()
    {
        Assert.Empty(Of(new CmkChainTemplate().Lint(includeInconclusive: true), "CMK005"));
    }

    [Fact]
    public void Cmk005_purge_protection_absent_is_reported_on_the_vault()
    {
        var t = new CmkChainTemplate { VaultSettings = "\"enableSoftDelete\": true" };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK005", Level.Error, Locate(json, VaultName, "\"kv-cmk\""));
        Assert.Contains("does not enable purge protection", finding.Message);
        Assert.Contains(finding.Related, r => r.Message == "the registry using the key");
    }

    [Fact]
    public void Cmk005_purge_protection_false_is_reported_on_the_value()
    {
        var t = new CmkChainTemplate { VaultSettings = "\"enableSoftDelete\": true,\n        \"enablePurgeProtection\": false" };
        var json = t.Build();
        Single(Lint(json), "CMK005", Level.Error, Locate(json, "\"enablePurgeProtection\": ", "false"));
    }

    [Fact]
    public void Cmk005_soft_delete_off_is_reported_on_the_value()
    {
        var t = new CmkChainTemplate { VaultSettings = "\"EnableSoftDelete\": \"false\",\n        \"enablePurgeProtection\": true" };
        var json = t.Build();
        Single(Lint(json), "CMK005", Level.Error, Locate(json, "\"EnableSoftDelete\": ", "\"false\""));
    }

    [Fact]
    public void Cmk005_soft_delete_absent_with_an_old_api_version_is_reported_and_with_a_new_one_is_clean()
    {
        var old = new CmkChainTemplate { VaultApiVersion = "2018-02-14", VaultSettings = "\"enablePurgeProtection\": true" };
        var json = old.Build();
        var finding = Single(Lint(json), "CMK005", Level.Error, Locate(json, VaultName, "\"kv-cmk\""));
        Assert.Contains("2018-02-14", finding.Message);

        var current = new CmkChainTemplate { VaultApiVersion = "2019-09-01", VaultSettings = "\"enablePurgeProtection\": true" };
        Assert.Empty(Of(current.Lint(includeInconclusive: true), "CMK005"));
    }

    [Fact]
    public void Cmk005_managed_hsm_without_purge_protection_is_reported()
    {
        var t = new CmkChainTemplate { IncludeVault = false, IncludeKey = false, KeyIdentifier = "https://hsm-cmk.managedhsm.azure.net/keys/cmk", RegistryDependsOn = "[]" };
        t.Add("""
            {
                  "type": "Microsoft.KeyVault/managedHSMs",
                  "apiVersion": "2023-07-01",
                  "name": "hsm-cmk",
                  "location": "westeurope",
                  "sku": { "family": "B", "name": "Standard_B1" },
                  "properties": { "tenantId": "[subscription().tenantId]", "initialAdminObjectIds": [], "enableSoftDelete": true }
                }
            """);
        var json = t.Build();
        var finding = Single(Lint(json), "CMK005", Level.Error, Locate(json, "Microsoft.KeyVault/managedHSMs", "\"hsm-cmk\""));
        Assert.StartsWith("Managed HSM 'hsm-cmk'", finding.Message);
    }

    [Fact]
    public void Cmk005_existing_vault_is_inconclusive()
    {
        var t = new CmkChainTemplate { VaultExtra = "\n      \"existing\": true,", VaultSettings = "\"enableSoftDelete\": false" };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK005"));
        Assert.Equal(FindingKind.Inconclusive, Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK005")).Kind);
    }

    [Fact]
    public void Cmk005_vault_outside_the_template_is_inconclusive()
    {
        var t = new CmkChainTemplate { IncludeVault = false, IncludeKey = false, KeyIdentifier = "https://kv-elsewhere.vault.azure.net/keys/cmk", RegistryDependsOn = "[]" };
        var open = Assert.Single(Of(t.Lint(includeInconclusive: true), "CMK005"));
        Assert.Contains("not declared in the analysed files", open.Message);
    }

    [Fact]
    public void Cmk005_purge_protection_from_a_parameter_without_value_is_inconclusive()
    {
        var t = new CmkChainTemplate { Parameters = """{ "purge": { "type": "bool" } }""", VaultSettings = "\"enableSoftDelete\": true,\n        \"enablePurgeProtection\": \"[parameters('purge')]\"" };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK005"));
        var open = Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK005"));
        Assert.Contains("purge", open.Message);
    }

    [Fact]
    public void Cmk005_vault_named_by_a_parameter_without_value_is_found_through_the_same_parameter_in_the_key_uri()
    {
        var t = new CmkChainTemplate
        {
            IncludeKey = false,
            RegistryDependsOn = "[]",
            Parameters = """{ "vaultName": { "type": "string" } }""",
            KeyIdentifier = "[concat('https://', parameters('vaultName'), '.vault.azure.net/keys/cmk')]",
            VaultSettings = "\"enableSoftDelete\": true",
        };
        var json = t.Build().Replace("\"name\": \"kv-cmk\",", "\"name\": \"[parameters('vaultName')]\",");
        Single(Lint(json), "CMK005", Level.Error, Locate(json, VaultName, "\"[parameters('vaultName')]\""));
    }

    [Fact]
    public void Cmk005_vault_found_by_the_key_uri_host_in_a_sovereign_cloud()
    {
        var t = new CmkChainTemplate { KeyIdentifier = "https://kv-cmk.vault.azure.cn/keys/cmk", VaultSettings = "\"enableSoftDelete\": true" };
        var json = t.Build();
        Single(Lint(json), "CMK005", Level.Error, Locate(json, VaultName, "\"kv-cmk\""));
    }
}
