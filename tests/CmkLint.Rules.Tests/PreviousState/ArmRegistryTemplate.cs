using System.Collections.Generic;

namespace CmkLint.Rules.Tests.PreviousState;

/// <summary>
/// A realistic ARM template with a user-assigned identity, a vault with an access policy for it, a key
/// and a registry encrypted with that key; each property can be changed the way a pull request would.
/// </summary>
internal sealed record ArmRegistryTemplate
{
    public bool DeclareRegistry { get; init; } = true;

    /// <summary>The value of <c>encryption.status</c>; null leaves <c>encryption</c> out.</summary>
    public string? EncryptionStatus { get; init; } = "enabled";

    public string IdentityType { get; init; } = "UserAssigned";

    public bool AssignIdentity { get; init; } = true;

    public bool AccessPolicy { get; init; } = true;

    public bool DeclareVault { get; init; } = true;

    /// <summary>Declares a second vault (not the key's) with an access policy for the identity.</summary>
    public bool AccessPolicyOnOtherVault { get; init; }

    public string RegistryName { get; init; } = "contosoacr";

    public string Text
    {
        get
        {
            var resources = new List<string>
            {
                """
                    {
                      "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
                      "apiVersion": "2023-01-31",
                      "name": "[parameters('identityName')]",
                      "location": "[parameters('location')]"
                    }
                """,
            };
            if (DeclareVault)
            {
                string policies = AccessPolicy
                    ? """
                      {
                        "tenantId": "[subscription().tenantId]",
                        "objectId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').principalId]",
                        "permissions": { "keys": [ "get", "wrapKey", "unwrapKey" ] }
                      }
                      """
                    : string.Empty;
                resources.Add($$"""
                    {
                      "type": "Microsoft.KeyVault/vaults",
                      "apiVersion": "2023-07-01",
                      "name": "[parameters('vaultName')]",
                      "location": "[parameters('location')]",
                      "dependsOn": [ "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]" ],
                      "properties": {
                        "tenantId": "[subscription().tenantId]",
                        "sku": { "family": "A", "name": "standard" },
                        "enableSoftDelete": true,
                        "enablePurgeProtection": true,
                        "accessPolicies": [ {{policies}} ]
                      }
                    }
                """);
                resources.Add("""
                    {
                      "type": "Microsoft.KeyVault/vaults/keys",
                      "apiVersion": "2023-07-01",
                      "name": "[format('{0}/{1}', parameters('vaultName'), 'cmk')]",
                      "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]" ],
                      "properties": { "kty": "RSA", "keySize": 3072 }
                    }
                """);
            }

            if (AccessPolicyOnOtherVault)
            {
                resources.Add("""
                    {
                      "type": "Microsoft.KeyVault/vaults",
                      "apiVersion": "2023-07-01",
                      "name": "contoso-other-kv",
                      "location": "[parameters('location')]",
                      "properties": {
                        "tenantId": "[subscription().tenantId]",
                        "sku": { "family": "A", "name": "standard" },
                        "enableSoftDelete": true,
                        "enablePurgeProtection": true,
                        "accessPolicies": [
                          {
                            "tenantId": "[subscription().tenantId]",
                            "objectId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').principalId]",
                            "permissions": { "keys": [ "get", "wrapKey", "unwrapKey" ] }
                          }
                        ]
                      }
                    }
                """);
            }

            if (DeclareRegistry)
            {
                string identities = AssignIdentity
                    ? """
                      "userAssignedIdentities": {
                          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))]": {}
                        }
                      """
                    : string.Empty;
                string encryption = EncryptionStatus is null
                    ? string.Empty
                    : $$"""
                        ,
                        "encryption": {
                          "status": "{{EncryptionStatus}}",
                          "keyVaultProperties": {
                            "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').clientId]",
                            "keyIdentifier": "[reference(resourceId('Microsoft.KeyVault/vaults/keys', parameters('vaultName'), 'cmk'), '2023-07-01').keyUri]"
                          }
                        }
                        """;
                resources.Add($$"""
                    {
                      "type": "Microsoft.ContainerRegistry/registries",
                      "apiVersion": "2023-07-01",
                      "name": "{{RegistryName}}",
                      "location": "[parameters('location')]",
                      "sku": { "name": "Premium" },
                      "identity": {
                        "type": "{{IdentityType}}"{{(identities.Length > 0 ? ",\n" + identities : string.Empty)}}
                      },
                      "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults/keys', parameters('vaultName'), 'cmk')]" ],
                      "properties": {
                        "adminUserEnabled": false{{encryption}}
                      }
                    }
                """);
            }

            return $$"""
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "location": { "type": "string", "defaultValue": "westeurope" },
                    "identityName": { "type": "string", "defaultValue": "acr-cmk-identity" },
                    "vaultName": { "type": "string", "defaultValue": "contoso-cmk-kv" }
                  },
                  "resources": [
                {{string.Join(",\n", resources)}}
                  ]
                }
                """;
        }
    }
}
