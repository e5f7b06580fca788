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
            "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')).clientId]",
            "keyIdentifier": "[reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv1', 'acr')).keyUri]"
          }
        }
      },
{{ChainTail}}
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
            "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')).clientId]",
            "keyIdentifier": "[reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv1', 'acr')).keyUri]"
          }
        }
      },
{{ChainTail}}
""";

    /// <summary>
    /// The rest of a correct CMK chain, after the registry's properties so that the registry's lines
    /// stay where the tests expect them: the registry's identity and dependency, then the identity,
    /// the vault (purge protection, access policy for the principal ID) and the key.
    /// </summary>
    private const string ChainTail = """
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]": {}
        }
      },
      "dependsOn": [
        "[resourceId('Microsoft.KeyVault/vaults/keys', 'kv1', 'acr')]"
      ]
    },
    {
      "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
      "apiVersion": "2023-01-31",
      "name": "id1",
      "location": "westeurope"
    },
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv1",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "enableSoftDelete": true,
        "enablePurgeProtection": true,
        "accessPolicies": [
          {
            "tenantId": "[subscription().tenantId]",
            "objectId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')).principalId]",
            "permissions": { "keys": [ "get", "wrapKey", "unwrapKey" ] }
          }
        ]
      },
      "dependsOn": [
        "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]"
      ]
    },
    {
      "type": "Microsoft.KeyVault/vaults/keys",
      "apiVersion": "2023-07-01",
      "name": "kv1/acr",
      "properties": { "kty": "RSA", "keySize": 2048 },
      "dependsOn": [
        "[resourceId('Microsoft.KeyVault/vaults', 'kv1')]"
      ]
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
