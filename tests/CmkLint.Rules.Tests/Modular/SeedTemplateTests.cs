using System;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Rules.Tests.BicepLowering;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>
/// Microsoft's "Encrypt registry using a customer-managed key" template: the key comes from a
/// parameter (its vault cannot be matched) and the access policy for the identity is not waited for.
/// </summary>
public sealed class SeedTemplateTests
{
    /// <summary>The article's template, as published (registry first, then the access policy, then the identity).</summary>
    internal const string Seed = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
            "vault_name": { "defaultValue": "", "type": "String" },
            "registry_name": { "defaultValue": "", "type": "String" },
            "identity_name": { "defaultValue": "", "type": "String" },
            "kek_id": { "type": "String" }
          },
          "variables": {},
          "resources": [
            {
              "type": "Microsoft.ContainerRegistry/registries",
              "apiVersion": "2019-12-01-preview",
              "name": "[parameters('registry_name')]",
              "location": "[resourceGroup().location]",
              "sku": { "name": "Premium", "tier": "Premium" },
              "identity": {
                "type": "UserAssigned",
                "userAssignedIdentities": {
                  "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name'))]": {}
                }
              },
              "dependsOn": [
                "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name'))]"DEPENDS
              ],
              "properties": {
                "adminUserEnabled": false,
                "encryption": {
                  "status": "enabled",
                  "keyVaultProperties": {
                    "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name')), '2018-11-30').clientId]",
                    "KeyIdentifier": "[parameters('kek_id')]"
                  }
                }
              }
            },
            {
              "type": "Microsoft.KeyVault/vaults/accessPolicies",
              "apiVersion": "2018-02-14",
              "name": "[concat(parameters('vault_name'), '/add')]",
              "dependsOn": [
                "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name'))]"
              ],
              "properties": {
                "accessPolicies": [
                  {
                    "tenantId": "[subscription().tenantId]",
                    "objectId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name')), '2018-11-30').principalId]",
                    "permissions": { "keys": [ "get", "unwrapKey", "wrapKey" ] }
                  }
                ]
              }
            },
            {
              "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
              "apiVersion": "2018-11-30",
              "name": "[parameters('identity_name')]",
              "location": "[resourceGroup().location]"
            }
          ]
        }
        """;

    [Fact]
    public void Cmk010_arm_seed_template_warns_that_the_access_policy_is_not_waited_for_although_the_vault_is_a_parameter()
    {
        string json = Seed.Replace("DEPENDS", string.Empty, StringComparison.Ordinal);
        var finding = Assert.Single(Lint.Json(json).Of("CMK010"));
        Assert.Equal(Level.Warning, finding.Level);
        Assert.Contains("could not be matched", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Lint.Locate(json, "\"name\": \"[parameters('registry_name')]\"").Line, finding.Position().Line);
        Assert.Equal(Lint.Locate(json, "\"name\": \"[concat(parameters('vault_name'), '/add')]\"").Line, Assert.Single(finding.Related).Span.StartPosition.Line);
    }

    [Fact]
    public void Cmk010_arm_seed_template_that_waits_for_the_access_policy_is_clean()
    {
        string json = Seed.Replace("DEPENDS", ",\n        \"[resourceId('Microsoft.KeyVault/vaults/accessPolicies', parameters('vault_name'), 'add')]\"", StringComparison.Ordinal);
        Assert.Empty(Lint.Json(json).Of("CMK010"));
    }

    private const string BicepSeed = """
        param vaultName string
        param keyIdentifier string

        resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'uami1'
          location: resourceGroup().location
        }

        resource policy 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {
          name: '${vaultName}/add'
          properties: {
            accessPolicies: [
              {
                tenantId: subscription().tenantId
                objectId: uami.properties.principalId
                permissions: {
                  keys: [
                    'get'
                    'unwrapKey'
                    'wrapKey'
                  ]
                }
              }
            ]
          }
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acr1'
          location: resourceGroup().location
          sku: {
            name: 'Premium'
          }
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${uami.id}': {}
            }
          }
          properties: {
            encryption: {
              status: 'enabled'
              keyVaultProperties: {
                identity: uami.properties.clientId
                keyIdentifier: keyIdentifier
              }
            }
          }
          DEPENDS
        }
        """;

    [Fact]
    public void Cmk010_bicep_seed_template_warns_and_the_fixed_one_does_not()
    {
        var files = new BicepFiles(("main.bicep", BicepSeed.Replace("DEPENDS", string.Empty, StringComparison.Ordinal)));
        var finding = Assert.Single(files.Analyze("main.bicep").Of("CMK010"));
        Assert.Contains("could not be matched", finding.Message, StringComparison.Ordinal);

        var fixedFiles = new BicepFiles(("main.bicep", BicepSeed.Replace("DEPENDS", "dependsOn: [\n    policy\n  ]", StringComparison.Ordinal)));
        Assert.Empty(fixedFiles.Analyze("main.bicep").Of("CMK010"));
    }
}
