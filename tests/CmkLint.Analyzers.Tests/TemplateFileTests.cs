using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class TemplateFileTests
{
    private const string Prefix = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
              "apiVersion": "2023-01-31",
              "name": "acr-id",
              "location": "westeurope"
            },
            {
              "type": "Microsoft.ContainerRegistry/registries",
              "apiVersion": "2023-07-01",
              "name": "acr",
              "location": "westeurope",
              "identity": { "type": "UserAssigned", "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'acr-id')]": {} } },
              "dependsOn": [ "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'acr-id')]" ],
        """;

    private const string Suffix = """
              "properties": {
                "encryption": {
                  "status": "enabled",
                  "keyVaultProperties": { "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'acr-id')).clientId]", "keyIdentifier": "https://kv.vault.azure.net/keys/k" }
                }
              }
            }
          ]
        }
        """;

    [Fact]
    public Task Cmk001_standard_sku_with_cmk_is_reported_on_the_sku_name_in_the_json_file() =>
        Verify.TemplatesAsync(("/infra/main.json", Prefix + """
                  "sku": { "name": {|CMK001:"Standard"|} },

            """ + Suffix));

    [Fact]
    public Task Cmk001_premium_sku_with_cmk_is_not_reported() =>
        Verify.TemplatesAsync(("/infra/main.json", Prefix + """
                  "sku": { "name": "Premium" },

            """ + Suffix));

    [Fact]
    public Task Json_files_that_are_not_templates_are_skipped() =>
        Verify.TemplatesAsync(("/infra/settings.json", """{ "sku": "Standard" }"""));
}
