using System;
using System.Linq;
using Xunit;

namespace CmkLint.Tests.Hostile;

/// <summary>
/// Issue 12, item 3: content a template loads from a file inside the analysis root (a key, a token in
/// <c>.git/config</c>) never appears in any output, however the template passes it on or transforms it;
/// messages say "a value loaded from a file" instead.
/// </summary>
public sealed class LoadedContentTests : IDisposable
{
    /// <summary>Every secret shares this marker, searched for case-insensitively (a template may upper-case or cut a secret).</summary>
    private const string Marker = "zq7wx";

    private readonly HostileTree tree = new();

    public LoadedContentTests()
    {
        tree.Write("infra/data/token.txt", "Zq7WxToken9f8e7dZq7Wx");
        tree.Write("infra/data/settings.json", "{ \"sku\": \"Zq7WxSku\", \"type\": \"Zq7WxType\", \"identity\": \"Zq7WxIdentity\", \"key\": \"https://Zq7WxVault.vault.azure.net/keys/Zq7WxKey\", \"expires\": 1000 }");
        tree.Write("infra/main.bicep", """
            var text = loadTextContent('data/token.txt')
            var settings = loadJsonContent('data/settings.json')
            var encoded = loadFileAsBase64('data/token.txt')

            resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
              name: 'acr${substring(text, 0, 8)}'
              location: 'westeurope'
              sku: {
                name: toUpper(settings.sku)
              }
              identity: {
                type: settings.type
              }
              properties: {
                encryption: {
                  status: 'enabled'
                  keyVaultProperties: {
                    identity: settings.identity
                    keyIdentifier: '${settings.key}${encoded}'
                  }
                }
              }
              tags: {
                picked: settings[text]
                chosen: startsWith(text, 'Zq') ? 'Standard' : 'Premium'
              }
            }

            module arm 'registry.json' = {
              name: 'arm'
              params: {
                registryName: text
                sku: settings.sku
                keyIdentifier: settings.key
              }
            }
            """);
        tree.Write("infra/registry.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "registryName": { "type": "string" }, "sku": { "type": "string" }, "keyIdentifier": { "type": "string" } },
              "resources": [
                {
                  "type": "Microsoft.ContainerRegistry/registries",
                  "apiVersion": "2023-07-01",
                  "name": "[parameters('registryName')]",
                  "location": "westeurope",
                  "sku": { "name": "[parameters('sku')]" },
                  "identity": { "type": "UserAssigned", "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('registryName'))]": {} } },
                  "properties": {
                    "encryption": {
                      "status": "enabled",
                      "keyVaultProperties": {
                        "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('registryName'))).principalId]",
                        "keyIdentifier": "[concat(parameters('keyIdentifier'), '/', parameters('registryName'))]"
                      }
                    }
                  }
                }
              ]
            }
            """);
    }

    public void Dispose() => tree.Dispose();

    [Fact]
    public void Loaded_content_never_appears_in_text_json_or_sarif_output()
    {
        string encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Zq7WxToken9f8e7dZq7Wx"));
        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var result = tree.Run("--format", format, "--include-inconclusive");
            string all = result.Out + result.Error;

            Assert.True(all.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) < 0, $"{format} output quotes loaded content:\n{result}");
            Assert.DoesNotContain("9f8e7d", all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(encoded.Substring(0, 12), all, StringComparison.Ordinal);
            Assert.Contains("a value loaded from a file", all, StringComparison.Ordinal);
            HostileTree.AssertOrdinaryFindingReported(result.Out);
            if (format != "text")
            {
                HostileTree.ParseReport(result.Out);
            }
        }
    }

    [Fact]
    public void The_checks_still_run_on_loaded_values_and_their_findings_point_at_the_template()
    {
        var result = tree.Run("--format", "json", "--include-inconclusive");
        var findings = HostileTree.ParseReport(result.Out)["findings"]!;

        // The SKU is loaded ('ZQ7WXSKU', not Premium): CMK001 still holds, located at the template's own text.
        var sku = Assert.Single(findings, f => (string?)f["ruleId"] == "CMK001" && (string?)f["path"] == "infra/main.bicep" && !((string?)f["message"])!.Contains("parameters('registryName')", StringComparison.Ordinal));
        Assert.Contains("its SKU is a value loaded from a file", (string?)sku["message"], StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => ((string?)f["path"])!.StartsWith("infra/data/", StringComparison.Ordinal));

        // The ARM module's registry is named by a loaded value: its findings name it by the expression written there,
        // and its SKU, passed by the caller, is reported at the caller's argument.
        Assert.Contains(findings, f => (string?)f["ruleId"] == "CMK001" && (string?)f["path"] == "infra/main.bicep"
            && ((string?)f["message"])!.Contains("Registry 'parameters('registryName')'", StringComparison.Ordinal));
    }
}
