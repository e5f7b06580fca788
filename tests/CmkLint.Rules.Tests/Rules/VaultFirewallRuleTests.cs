using System.Linq;
using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class VaultFirewallRuleTests
{
    private static CmkChainTemplate Firewalled(string networkSettings) => new()
    {
        VaultSettings = "\"enableSoftDelete\": true,\n        \"enablePurgeProtection\": true,\n        " + networkSettings,
    };

    [Fact]
    public void Cmk009_vault_open_to_public_networks_is_clean()
    {
        Assert.Empty(Of(new CmkChainTemplate().Lint(includeInconclusive: true), "CMK009"));
    }

    [Fact]
    public void Cmk009_firewall_without_trusted_services_bypass_is_reported_on_the_bypass()
    {
        var t = Firewalled("\"networkAcls\": { \"defaultAction\": \"Deny\", \"bypass\": \"None\" }");
        var json = t.Build();
        var findings = Of(Lint(json), "CMK009");
        Assert.Equal(2, findings.Count);
        var bypass = findings.Single(f => f.Message.Contains("networkAcls.bypass"));
        Assert.Equal(Locate(json, "\"bypass\": ", "\"None\""), bypass.Span.StartPosition);
        Assert.Equal(Level.Error, bypass.Level);
        Assert.Contains(bypass.Related, r => r.Message == "public access is denied here" && r.Span.StartPosition.Equals(Locate(json, "\"defaultAction\": ", "\"Deny\"")));
    }

    [Fact]
    public void Cmk009_user_assigned_identity_behind_a_firewall_is_reported_on_the_identity()
    {
        var t = Firewalled("\"networkAcls\": { \"defaultAction\": \"Deny\", \"bypass\": \"AzureServices\" }");
        var json = t.Build();
        var finding = Single(Lint(json), "CMK009", Level.Error, Locate(json, "\"identity\": \"", "reference("));
        Assert.Contains("system-assigned identity", finding.Message);
    }

    [Fact]
    public void Cmk009_public_network_access_disabled_counts_as_a_firewall()
    {
        var t = Firewalled("\"publicNetworkAccess\": \"disabled\"");
        var json = t.Build();
        var finding = Single(Lint(json), "CMK009", Level.Error, Locate(json, "\"identity\": \"", "reference("));
        Assert.Contains("publicNetworkAccess is Disabled", finding.Message);
    }

    [Fact]
    public void Cmk009_identity_from_a_parameter_without_value_may_be_empty_and_is_inconclusive()
    {
        var t = Firewalled("\"networkAcls\": { \"defaultAction\": \"Deny\" }");
        t.Parameters = """{ "identityClientId": { "type": "string" } }""";
        t.IdentityValue = "[parameters('identityClientId')]";
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK009"));
        Assert.Equal(FindingKind.Inconclusive, Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK009")).Kind);
    }

    [Fact]
    public void Cmk009_default_action_from_a_parameter_without_value_is_inconclusive()
    {
        var t = Firewalled("\"networkAcls\": { \"defaultAction\": \"[parameters('defaultAction')]\" }");
        t.Parameters = """{ "defaultAction": { "type": "string" } }""";
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK009"));
        Assert.Contains("defaultAction", Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK009")).Message);
    }
}
