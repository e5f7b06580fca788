using System.Collections.Generic;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Fixes;
using Xunit;

namespace CmkLint.Rules.Tests.Rules;

/// <summary>Messages speak the file's language (Bicep syntax in .bicep, ARM in JSON); a module's finding points at the caller's argument.</summary>
public class MessageLanguageTests
{
    private const string Module = @"
param skuName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id'
  location: 'westeurope'
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmodule'
  location: 'westeurope'
  sku: {
    name: skuName
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: identity.properties.principalId
        keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'
      }
    }
  }
}
";

    private const string Main = @"
module reg 'registry.bicep' = {
  name: 'reg'
  params: {
    skuName: 'Standard'
  }
}
";

    [Fact]
    public void A_bicep_message_suggests_bicep_syntax()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["/virtual/registry.bicep"] = Module, ["/virtual/main.bicep"] = Main });
        var cmk003 = result.Of("CMK003").First();
        Assert.EndsWith("not a client ID; use identity.properties.clientId.", cmk003.Message);
        Assert.DoesNotContain("reference(", cmk003.Message);
    }

    [Fact]
    public void An_arm_message_suggests_arm_syntax()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = SamplesArm("cmk003-principal-id-as-identity.json") });
        var cmk003 = Assert.Single(result.Of("CMK003"));
        Assert.EndsWith("; use reference('acr-cmk-identity').clientId (the identity's properties.clientId).", cmk003.Message);
    }

    [Fact]
    public void Vault_messages_write_the_property_in_the_files_language()
    {
        var bicep = Lint.Files(new Dictionary<string, string> { ["/virtual/vault.bicep"] = Samples("cmk005-no-purge-protection.bicep").Replace("    enablePurgeProtection: false\n", string.Empty) });
        Assert.Contains("set enablePurgeProtection: true so", Assert.Single(bicep.Of("CMK005")).Message);
        var arm = Lint.Files(new Dictionary<string, string> { ["/virtual/vault.json"] = SamplesArm("cmk005-no-purge-protection.json").Replace("\"enablePurgeProtection\": false,", string.Empty) });
        Assert.Contains("set \"enablePurgeProtection\": true so", Assert.Single(arm.Of("CMK005")).Message);
    }

    [Fact]
    public void A_finding_inside_a_module_points_at_the_callers_argument_and_the_fix_goes_there()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["/virtual/registry.bicep"] = Module, ["/virtual/main.bicep"] = Main });
        var finding = Assert.Single(result.Of("CMK001"), f => f.Kind == FindingKind.Violation);
        Assert.Equal("/virtual/registry.bicep", finding.Path);
        var passed = Assert.Single(finding.Related, r => r.Message == "passed here by 'reg'");
        Assert.Equal("/virtual/main.bicep", passed.Span.File!.Path);
        Assert.Equal("'Standard'", passed.Span.Text);

        var fix = FixPlanner.Plan(finding)!;
        var edit = Assert.Single(fix.Edits);
        Assert.Equal("/virtual/main.bicep", edit.Path);
        Assert.Equal("'Premium'", edit.NewText);
    }

    private static string Samples(string name) => System.IO.File.ReadAllText(System.IO.Path.Combine(Lint.RepositoryRoot(), "samples", "bicep", "bad", name)).Replace("\r\n", "\n");

    private static string SamplesArm(string name) => System.IO.File.ReadAllText(System.IO.Path.Combine(Lint.RepositoryRoot(), "samples", "arm", "bad", name));
}
