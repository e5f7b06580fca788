namespace CmkLint.Tests;

/// <summary>Small ARM templates for CLI tests: a CMK registry whose SKU decides CMK001.</summary>
public static class Templates
{
    /// <summary>A CMK registry with this SKU (CMK001 fires unless it is Premium); <paramref name="registryMetadata"/> is JSON placed in the resource.</summary>
    public static string Registry(string sku = "Standard", string name = "acr1", string? registryMetadata = null, string? templateMetadata = null) => $$"""
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",{{(templateMetadata is null ? string.Empty : "\n  \"metadata\": " + templateMetadata + ",")}}
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "{{name}}",
      "location": "westeurope",{{(registryMetadata is null ? string.Empty : "\n      \"metadata\": " + registryMetadata + ",")}}
      "sku": {
        "name": "{{sku}}"
      },
      "properties": {
        "encryption": {
          "status": "enabled",
          "keyVaultProperties": {
            "identity": "00000000-0000-0000-0000-000000000001",
            "keyIdentifier": "https://contoso.vault.azure.net/keys/acr"
          }
        }
      }
    }
  ]
}
""";

    /// <summary>A CMK registry whose SKU comes from a parameter (<paramref name="defaultSku"/> null: no default, so CMK001 is inconclusive).</summary>
    public static string RegistryWithSkuParameter(string? defaultSku) => $$"""
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "sku": {
      "type": "string"{{(defaultSku is null ? string.Empty : ",\n      \"defaultValue\": \"" + defaultSku + "\"")}}
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acr1",
      "location": "westeurope",
      "sku": {
        "name": "[parameters('sku')]"
      },
      "properties": {
        "encryption": {
          "status": "enabled",
          "keyVaultProperties": {
            "identity": "00000000-0000-0000-0000-000000000001",
            "keyIdentifier": "https://contoso.vault.azure.net/keys/acr"
          }
        }
      }
    }
  ]
}
""";

    public static string Parameters(string sku) => $$"""
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "sku": { "value": "{{sku}}" }
  }
}
""";
}
