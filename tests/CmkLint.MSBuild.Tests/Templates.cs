namespace CmkLint.MSBuild.Tests;

/// <summary>ARM templates used by the tests.</summary>
internal static class Templates
{
    /// <summary>The 1-based line and column where <paramref name="needle"/> first occurs in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string needle)
    {
        int offset = text.IndexOf(needle, System.StringComparison.Ordinal);
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    /// <summary>A CMK registry whose <c>sku.name</c> is the given JSON value.</summary>
    public static string Registry(string skuJson, string parametersJson = "", string resourceMetadata = "") => $$"""
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
        {{parametersJson}}
          },
          "resources": [
            {
              "type": "Microsoft.ContainerRegistry/registries",
              "apiVersion": "2023-07-01",
              "name": "acr{demo}",
              "location": "westeurope",{{resourceMetadata}}
              "sku": {
                "name":
                {{skuJson}}
              },
              "identity": {
                "type": "UserAssigned",
                "userAssignedIdentities": {
                  "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'acr-cmk-identity')]": {}
                }
              },
              "properties": {
                "encryption": {
                  "status": "enabled",
                  "keyVaultProperties": {
                    "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'acr-cmk-identity')).clientId]",
                    "keyIdentifier": "https://contoso-vault.vault.azure.net/keys/acr-cmk"
                  }
                }
              }
            }
          ]
        }
        """;

    public static readonly string Standard = Registry("\"Standard\"");

    public static readonly string Premium = Registry("\"Premium\"");

    /// <summary>Premium by default; Standard is allowed, which the engine reports as a CMK001 warning.</summary>
    public static readonly string AllowedStandard = Registry(
        "\"[parameters('skuName')]\"",
        """
            "skuName": { "type": "string", "defaultValue": "Premium", "allowedValues": [ "Premium", "Standard" ] }
        """);

    /// <summary>The SKU comes from a parameter without a default: decided only by a parameters file.</summary>
    public static readonly string SkuParameter = Registry(
        "\"[parameters('skuName')]\"",
        """
            "skuName": { "type": "string" }
        """);

    public static string Parameters(string skuName) => $$"""
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "skuName": { "value": "{{skuName}}" } }
        }
        """;

    /// <summary>A CMK registry in Bicep whose <c>sku.name</c> is the given Bicep expression.</summary>
    public static string BicepRegistry(string sku) => $$"""
        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'acr-cmk-identity'
          location: 'westeurope'
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acrdemo'
          location: 'westeurope'
          sku: {
            name: {{sku}}
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
                identity: identity.properties.clientId
                keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'
              }
            }
          }
        }
        """;

    public static readonly string BicepStandard = BicepRegistry("'Standard'");

    public static readonly string BicepPremium = BicepRegistry("'Premium'");
}
