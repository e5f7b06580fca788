using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CmkLint.Diagnostics;
using Xunit;

namespace CmkLint.Rules.Tests.Rules;

/// <summary>
/// Every value a message quotes, and every fix it suggests, reads as the file writes it (issue 17): ARM
/// template expressions in JSON (<c>reference('uami').clientId</c>, <c>if(...)</c>, <c>concat(...)</c>),
/// Bicep in Bicep (<c>uami.properties.clientId</c>, <c>c ? a : b</c>, <c>'${...}'</c>) — never the engine's notation.
/// </summary>
public class MessageWordingTests
{
    private const string ConditionalBicep = """
        param usePremium bool
        param keyName string

        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
          name: 'id'
        }

        resource other 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
          name: 'other'
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acr1'
          location: 'westeurope'
          sku: {
            name: usePremium ? 'Premium' : 'Standard'
          }
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${identity.id}': {}
            }
          }
          properties: {
            policies: {
              trustPolicy: {
                status: other.properties.policies.trustPolicy.status
              }
            }
            encryption: {
              status: 'enabled'
              keyVaultProperties: {
                identity: identity.properties.clientId
                keyIdentifier: 'https://contoso.vault.azure.net/keys/${keyName}'
              }
            }
          }
        }
        """;

    private const string ConditionalJson = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
            "usePremium": { "type": "bool" },
            "keyName": { "type": "string" }
          },
          "resources": [
            {
              "type": "Microsoft.ContainerRegistry/registries",
              "apiVersion": "2023-07-01",
              "name": "acr1",
              "location": "westeurope",
              "sku": { "name": "[if(parameters('usePremium'), 'Premium', 'Standard')]" },
              "identity": {
                "type": "UserAssigned",
                "userAssignedIdentities": {
                  "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id')]": {}
                }
              },
              "properties": {
                "policies": {
                  "trustPolicy": {
                    "status": "[reference(resourceId('Microsoft.ContainerRegistry/registries', 'other'), '2023-07-01').policies.trustPolicy.status]"
                  }
                },
                "encryption": {
                  "status": "enabled",
                  "keyVaultProperties": {
                    "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id'), '2023-01-31').clientId]",
                    "keyIdentifier": "[concat('https://contoso.vault.azure.net/keys/', parameters('keyName'))]"
                  }
                }
              }
            }
          ]
        }
        """;

    [Fact]
    public void Cmk001_suggests_the_premium_sku_in_the_files_syntax()
    {
        var bicep = Violation("/virtual/main.bicep", Samples("cmk001-standard-sku.bicep"), "CMK001");
        Assert.EndsWith("its SKU is 'Standard'; CMK requires the Premium SKU (sku: { name: 'Premium' }).", bicep.Message);
        Assert.Equal("set sku: { name: 'Premium' }", bicep.Fix!.Title);
        var arm = Violation("/virtual/main.json", SamplesArm("cmk001-standard-sku.json"), "CMK001");
        Assert.EndsWith("its SKU is 'Standard'; CMK requires the Premium SKU (\"sku\": { \"name\": \"Premium\" }).", arm.Message);
        Assert.Equal("set \"sku\": { \"name\": \"Premium\" }", arm.Fix!.Title);
    }

    [Fact]
    public void Cmk006_says_how_to_turn_content_trust_off_in_the_files_syntax()
    {
        var bicep = Violation("/virtual/main.bicep", Samples("cmk006-content-trust.bicep"), "CMK006");
        Assert.EndsWith("content trust is not supported on a CMK registry. Set policies: { trustPolicy: { status: 'disabled' } }.", bicep.Message);
        Assert.Equal("set policies: { trustPolicy: { status: 'disabled' } }", bicep.Fix!.Title);
        var arm = Violation("/virtual/main.json", SamplesArm("cmk006-content-trust.json"), "CMK006");
        Assert.EndsWith("content trust is not supported on a CMK registry. Set \"policies\": { \"trustPolicy\": { \"status\": \"disabled\" } }.", arm.Message);
    }

    [Fact]
    public void Cmk009_says_how_to_let_trusted_services_through_in_the_files_syntax()
    {
        var bicep = Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = Samples("cmk009-vault-firewall.bicep").Replace("bypass: 'AzureServices'", "bypass: 'None'") });
        Assert.Contains(bicep.Of("CMK009"), f => f.Message.EndsWith("(networkAcls.defaultAction is Deny), but networkAcls.bypass is 'None'; set networkAcls: { bypass: 'AzureServices' } so the registry can reach the key as a trusted service.", System.StringComparison.Ordinal));
        var arm = Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = SamplesArm("cmk009-vault-firewall.json").Replace("\"bypass\": \"AzureServices\"", "\"bypass\": \"None\"") });
        Assert.Contains(arm.Of("CMK009"), f => f.Message.EndsWith("(networkAcls.defaultAction is Deny), but networkAcls.bypass is 'None'; set \"networkAcls\": { \"bypass\": \"AzureServices\" } so the registry can reach the key as a trusted service.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Cmk005_names_the_purge_protection_fix_in_the_files_syntax()
    {
        var bicep = Violation("/virtual/main.bicep", Samples("cmk005-no-purge-protection.bicep"), "CMK005");
        Assert.Equal("set enablePurgeProtection: true", bicep.Fix!.Title);
        var arm = Violation("/virtual/main.json", SamplesArm("cmk005-no-purge-protection.json"), "CMK005");
        Assert.Equal("set \"enablePurgeProtection\": true", arm.Fix!.Title);
    }

    [Fact]
    public void A_computed_string_reads_as_interpolation_in_bicep_and_concat_in_arm()
    {
        var bicep = Violation("/virtual/main.bicep", Samples("cmk012-secret-uri.bicep"), "CMK012");
        Assert.Contains("keyIdentifier '${vault.properties.vaultUri}secrets/acr-cmk' is a /secrets/ URI", bicep.Message);
        var arm = Violation("/virtual/main.json", SamplesArm("cmk012-secret-uri.json"), "CMK012");
        Assert.Contains("keyIdentifier concat(reference(resourceId('Microsoft.KeyVault/vaults', concat('kv', uniqueString(resourceGroup().id)))).vaultUri, 'secrets/acr-cmk') is a /secrets/ URI", arm.Message);
    }

    [Fact]
    public void A_known_array_reads_as_bicep_in_bicep_and_json_in_arm()
    {
        Assert.Contains("grants [ 'get', 'wrapKey' ];", Violation("/virtual/main.bicep", Samples("cmk004-policy-without-unwrapkey.bicep"), "CMK004").Message);
        Assert.Contains("grants [ \"get\", \"wrapKey\" ];", Violation("/virtual/main.json", SamplesArm("cmk004-policy-without-unwrapkey.json"), "CMK004").Message);
    }

    [Fact]
    public void An_undecided_check_quotes_conditions_parameters_and_references_in_the_files_syntax()
    {
        var bicep = Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = ConditionalBicep }, includeInconclusive: true);
        Assert.Equal("Could not check that registry 'registry' uses the Premium SKU: usePremium ? 'Premium' : 'Standard' is known only at deployment.", Assert.Single(bicep.Of("CMK001")).Message);
        Assert.Equal("Could not check that registry 'registry' keeps content trust off: other.properties.policies.trustPolicy.status is known only at deployment.", Assert.Single(bicep.Of("CMK006")).Message);
        Assert.EndsWith(": 'https://contoso.vault.azure.net/keys/${keyName}' is known only at deployment.", Assert.Single(bicep.Of("CMK013")).Message);

        var arm = Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = ConditionalJson }, includeInconclusive: true);
        Assert.Equal("Could not check that registry 'acr1' uses the Premium SKU: if(parameters('usePremium'), 'Premium', 'Standard') is known only at deployment.", Assert.Single(arm.Of("CMK001")).Message);
        Assert.Equal("Could not check that registry 'acr1' keeps content trust off: reference(resourceId('Microsoft.ContainerRegistry/registries', 'other')).policies.trustPolicy.status is known only at deployment.", Assert.Single(arm.Of("CMK006")).Message);
        Assert.EndsWith(": concat('https://contoso.vault.azure.net/keys/', parameters('keyName')) is known only at deployment.", Assert.Single(arm.Of("CMK013")).Message);
    }

    [Fact]
    public void A_reason_that_quotes_a_value_it_could_not_read_quotes_it_in_the_files_syntax()
    {
        // The evaluator's reason names the value whose member it could not read: the value stays a value until the message is written.
        string bicep = ConditionalBicep.Replace("name: usePremium ? 'Premium' : 'Standard'", "name: (usePremium ? other.properties.a : other.properties.b).name");
        var finding = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = bicep }, includeInconclusive: true).Of("CMK001"));
        Assert.EndsWith(": 'name' of usePremium ? other.properties.a : other.properties.b is known only at deployment.", finding.Message);

        const string Other = "reference(resourceId('Microsoft.ContainerRegistry/registries', 'other'), '2023-07-01')";
        string json = ConditionalJson.Replace("[if(parameters('usePremium'), 'Premium', 'Standard')]", $"[if(parameters('usePremium'), {Other}.a, {Other}.b).name]");
        var arm = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = json }, includeInconclusive: true).Of("CMK001"));
        Assert.EndsWith(": 'name' of if(parameters('usePremium'), reference(resourceId('Microsoft.ContainerRegistry/registries', 'other')).a, reference(resourceId('Microsoft.ContainerRegistry/registries', 'other')).b) is known only at deployment.", arm.Message);
    }

    /// <summary>
    /// Over every sample (and the undecided cases above): no ARM JSON message shows the engine's or Bicep's
    /// notation (<c>x.properties.y</c>, <c>${...}</c>, <c>a ? b : c</c>), no Bicep message ARM's (<c>reference()</c>,
    /// <c>parameters()</c>, <c>concat()</c>, <c>if()</c>).
    /// </summary>
    [Fact]
    public void No_message_falls_back_to_another_languages_notation()
    {
        var files = new Dictionary<string, string> { ["/virtual/cond/main.bicep"] = ConditionalBicep, ["/virtual/cond/main.json"] = ConditionalJson };
        string root = Path.Combine(Lint.RepositoryRoot(), "samples");
        foreach (var path in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Where(p => p.EndsWith(".json", System.StringComparison.Ordinal) || p.EndsWith(".bicep", System.StringComparison.Ordinal)))
        {
            if (path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, System.StringComparison.Ordinal) || path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, System.StringComparison.Ordinal))
            {
                continue;
            }

            // Each sample alone, so that no sample is read as another's module.
            foreach (var finding in Lint.Files(new Dictionary<string, string> { [path] = File.ReadAllText(path) }, includeInconclusive: true).Findings)
            {
                Check(finding);
            }
        }

        var findings = Lint.Files(files, includeInconclusive: true).Findings;
        Assert.True(findings.Count >= 10);
        foreach (var finding in findings)
        {
            Check(finding);
        }

        static void Check(Finding finding)
        {
            string message = finding.Message + " " + finding.Fix?.Title;
            if (finding.Path.EndsWith(".json", System.StringComparison.Ordinal))
            {
                // A runtime property is reference(...).x in ARM; .properties. only appears in Bicep and in the engine's notation.
                Assert.False(Regex.IsMatch(message, @"[A-Za-z0-9_\])}]\.properties\."), $"{finding.RuleId} in {finding.Path}: {message}");
                Assert.DoesNotContain("${", message);
                Assert.DoesNotContain(" ? ", message);
                Assert.DoesNotContain("sku: {", message);
            }
            else if (finding.Path.EndsWith(".bicep", System.StringComparison.Ordinal))
            {
                Assert.False(Regex.IsMatch(message, @"\b(reference|parameters|variables|concat|if|createArray|createObject)\("), $"{finding.RuleId} in {finding.Path}: {message}");
                Assert.DoesNotContain("\"sku\"", message);
            }
        }
    }

    private static Finding Violation(string path, string text, string rule) =>
        Assert.Single(Lint.Files(new Dictionary<string, string> { [path] = text }).Of(rule), f => f.Kind == FindingKind.Violation);

    private static string Samples(string name) => File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), "samples", "bicep", "bad", name)).Replace("\r\n", "\n");

    private static string SamplesArm(string name) => File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), "samples", "arm", "bad", name));
}
