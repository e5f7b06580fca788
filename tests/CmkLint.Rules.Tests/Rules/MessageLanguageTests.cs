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
        Assert.EndsWith("(reference('acr-cmk-identity').principalId), not a client ID; use reference('acr-cmk-identity').clientId (the identity's properties.clientId).", cmk003.Message);
    }

    [Fact]
    public void Cmk013_names_the_versionless_key_uri_in_the_files_language()
    {
        var bicep = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = Samples("cmk013-versioned-key.bicep") }).Of("CMK013"));
        Assert.EndsWith("use the versionless key URI (vault::key.properties.keyUri).", bicep.Message);
        var arm = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = SamplesArm("cmk013-versioned-key.json") }).Of("CMK013"));
        Assert.EndsWith("use the versionless key URI (reference(resourceId('Microsoft.KeyVault/vaults/keys', ...)).keyUri).", arm.Message);
    }

    [Fact]
    public void Cmk012_gives_a_key_uri_example_in_the_files_language()
    {
        var bicep = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = Samples("cmk012-secret-uri.bicep") }).Of("CMK012"));
        Assert.EndsWith("e.g. key.properties.keyUri).", bicep.Message);
        Assert.DoesNotContain("reference(", bicep.Message);
        var arm = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = SamplesArm("cmk012-secret-uri.json") }).Of("CMK012"));
        Assert.EndsWith("e.g. reference(resourceId('Microsoft.KeyVault/vaults/keys', '{vault}', '{name}')).keyUri).", arm.Message);
    }

    [Fact]
    public void Cmk010_says_how_to_wait_for_the_grant_in_the_files_language()
    {
        var bicep = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = Samples("cmk010-registry-before-grant.bicep") }).Of("CMK010"));
        Assert.EndsWith("Add dependsOn: [ vault::grant ] to the registry.", bicep.Message);

        // A grant whose name is known: its resourceId() as ARM writes a dependsOn entry.
        string json = SamplesArm("cmk010-registry-before-grant.json");
        var named = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = WithLiteralGrantName(json) }).Of("CMK010"));
        Assert.EndsWith("Add \"[resourceId('Microsoft.KeyVault/vaults/accessPolicies', 'kv1', 'add')]\" to the registry's dependsOn.", named.Message);
        var computed = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = json }).Of("CMK010"));
        Assert.EndsWith("Add the grant to the registry's dependsOn.", computed.Message);
    }

    [Fact]
    public void Cmk004_names_the_principal_id_in_the_files_language()
    {
        string bicep = Samples("cmk013-versioned-key.bicep").Replace("objectId: identity.properties.principalId", "objectId: identity.properties.clientId");
        var finding = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = bicep }).Of("CMK004"));
        Assert.Contains("Key Vault needs its principal (object) ID (identity.properties.principalId)", finding.Message);

        string json = SamplesArm("cmk013-versioned-key.json").Replace("'2023-01-31').principalId]\",\n            \"permissions", "'2023-01-31').clientId]\",\n            \"permissions");
        var arm = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = json }).Of("CMK004"));
        Assert.Contains("Key Vault needs its principal (object) ID (reference('acr-cmk-identity').principalId)", arm.Message);
    }

    [Theory]
    [InlineData("vault.bicep", "enablePurgeProtection: purge", "purge: false", "CMK005")]
    [InlineData("vault.bicep", "enableSoftDelete: purge", "purge: false", "CMK005")]
    [InlineData("registry.bicep", "keyIdentifier: purge", "purge: 'https://kv1.vault.azure.net/keys/acr-cmk/0123456789abcdef0123456789abcdef'", "CMK013")]
    [InlineData("registry.bicep", "keyIdentifier: purge", "purge: 'https://kv1.vault.azure.net/secrets/acr-cmk'", "CMK012")]
    [InlineData("registry.bicep", "type: purge", "purge: 'SystemAssigned'", "CMK002")]
    public void A_module_finding_whose_value_the_caller_passes_names_the_callers_argument(string module, string use, string argument, string rule)
    {
        var files = ModuleChain(module, use, argument);
        var finding = Assert.Single(Lint.Files(files).Of(rule), f => f.Kind == FindingKind.Violation);
        Assert.Contains(finding.Related, r => r.Message == "parameter 'purge'");
        var passed = Assert.Single(finding.Related, r => r.Message == "passed here by 'inner'");
        Assert.Equal("/virtual/main.bicep", passed.Span.File!.Path);
        Assert.Equal(argument.Substring("purge: ".Length), passed.Span.Text);
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
        Assert.Equal("/virtual/main.bicep", finding.Path);
        var passed = Assert.Single(finding.Related, r => r.Message == "passed here by 'reg'");
        Assert.Equal("/virtual/main.bicep", passed.Span.File!.Path);
        Assert.Equal("'Standard'", passed.Span.Text);

        var fix = FixPlanner.Plan(finding)!;
        var edit = Assert.Single(fix.Edits);
        Assert.Equal("/virtual/main.bicep", edit.Path);
        Assert.Equal("'Premium'", edit.NewText);
    }

    /// <summary>A whole CMK chain split in a caller and one module; the module's <paramref name="use"/> takes the value of its parameter 'purge' from the caller's <paramref name="argument"/>.</summary>
    private static Dictionary<string, string> ModuleChain(string module, string use, string argument)
    {
        string vault = """
            param purge bool = true
            param principalId string

            resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv1'
              location: 'westeurope'
              properties: {
                tenantId: subscription().tenantId
                sku: { family: 'A', name: 'standard' }
                enableSoftDelete: true
                enablePurgeProtection: true
                accessPolicies: [
                  {
                    tenantId: subscription().tenantId
                    objectId: principalId
                    permissions: { keys: [ 'get', 'wrapKey', 'unwrapKey' ] }
                  }
                ]
              }

              resource key 'keys' = {
                name: 'acr-cmk'
                properties: { kty: 'RSA', keySize: 3072 }
              }
            }

            output keyUri string = vault::key.properties.keyUri
            """;
        string registry = """
            param purge string = ''
            param identityId string
            param clientId string
            param keyUri string

            resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
              name: 'acr1'
              location: 'westeurope'
              sku: { name: 'Premium' }
              identity: {
                type: 'UserAssigned'
                userAssignedIdentities: { '${identityId}': {} }
              }
              properties: {
                encryption: {
                  status: 'enabled'
                  keyVaultProperties: {
                    identity: clientId
                    keyIdentifier: keyUri
                  }
                }
              }
            }
            """;
        bool inVault = module == "vault.bicep";
        if (inVault)
        {
            vault = vault.Replace(use.Replace("purge", "true"), use).Replace("param purge bool = true", "param purge bool");
        }
        else
        {
            registry = registry.Replace(use.StartsWith("type", System.StringComparison.Ordinal) ? "type: 'UserAssigned'" : "keyIdentifier: keyUri", use).Replace("param purge string = ''", "param purge string");
        }

        string main = $$"""
            resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'uami'
              location: 'westeurope'
            }

            module {{(inVault ? "inner" : "keys")}} 'vault.bicep' = {
              name: 'vault'
              params: {
                principalId: uami.properties.principalId{{(inVault ? "\n    " + argument : string.Empty)}}
              }
            }

            module {{(inVault ? "reg" : "inner")}} 'registry.bicep' = {
              name: 'registry'
              params: {
                identityId: uami.id
                clientId: uami.properties.clientId
                keyUri: {{(inVault ? "inner" : "keys")}}.outputs.keyUri{{(inVault ? string.Empty : "\n    " + argument)}}
              }
            }
            """;
        return new Dictionary<string, string> { ["/virtual/main.bicep"] = main, ["/virtual/vault.bicep"] = vault, ["/virtual/registry.bicep"] = registry };
    }

    /// <summary>The vault gets a literal name, so the grant's name evaluates to the string 'kv1/add'.</summary>
    private static string WithLiteralGrantName(string json) =>
        json.Replace("\"defaultValue\": \"[concat('kv', uniqueString(resourceGroup().id))]\"", "\"defaultValue\": \"kv1\"");

    private static string Samples(string name) => System.IO.File.ReadAllText(System.IO.Path.Combine(Lint.RepositoryRoot(), "samples", "bicep", "bad", name)).Replace("\r\n", "\n");

    private static string SamplesArm(string name) => System.IO.File.ReadAllText(System.IO.Path.Combine(Lint.RepositoryRoot(), "samples", "arm", "bad", name));
}
