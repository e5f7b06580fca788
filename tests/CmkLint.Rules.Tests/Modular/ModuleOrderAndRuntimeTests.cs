using System;
using CmkLint.Rules.Tests.BicepLowering;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>ARM's order across module boundaries, and runtime values that differ per evaluation.</summary>
public sealed class ModuleOrderAndRuntimeTests
{
    [Fact]
    public void Cmk010_bicep_registry_module_reading_the_grant_module_outputs_waits_for_the_whole_module()
    {
        var files = new BicepFiles(("main.bicep", ModularChain.Caller()), ("deps.bicep", ModularChain.Dependencies()), ("registry.bicep", ModularChain.Registry));
        Assert.Empty(files.Analyze("main.bicep").Of("CMK010"));

        // Control: the registry module given literal IDs does not wait for the grant module.
        string caller = ModularChain.Caller()
            .Replace("vaultId: deps.outputs.vaultId", "vaultId: resourceId('Microsoft.KeyVault/vaults', 'kv1')", StringComparison.Ordinal)
            .Replace("keyName: deps.outputs.keyName", "keyName: 'cmk'", StringComparison.Ordinal)
            .Replace("identityId: deps.outputs.identityId", "identityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami1')", StringComparison.Ordinal);
        var unordered = new BicepFiles(("main.bicep", caller), ("deps.bicep", ModularChain.Dependencies()), ("registry.bicep", ModularChain.Registry));
        Assert.Single(unordered.Analyze("main.bicep").Of("CMK010"));

        // dependsOn on the module covers everything in it.
        string waits = caller.Replace("  name: 'registry'\n", "  name: 'registry'\n  dependsOn: [\n    deps\n  ]\n", StringComparison.Ordinal);
        var ordered = new BicepFiles(("main.bicep", waits), ("deps.bicep", ModularChain.Dependencies()), ("registry.bicep", ModularChain.Registry));
        Assert.Empty(ordered.Analyze("main.bicep").Of("CMK010"));
    }

    [Fact]
    public void Cmk010_arm_nested_registry_deployment_reading_the_grant_deployment_outputs_waits_for_it()
    {
        string Template(string identityValue) => """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "resources": [
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "grants",
                  "properties": {
                    "mode": "Incremental",
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "resources": [
                        { "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "uami1", "location": "westeurope" },
                        {
                          "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv1", "location": "westeurope",
                          "properties": {
                            "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" },
                            "enableSoftDelete": true, "enablePurgeProtection": true,
                            "accessPolicies": [ { "tenantId": "[subscription().tenantId]", "objectId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami1'), '2023-01-31').principalId]", "permissions": { "keys": [ "get", "wrapKey", "unwrapKey" ] } } ]
                          }
                        },
                        { "type": "Microsoft.KeyVault/vaults/keys", "apiVersion": "2023-07-01", "name": "kv1/cmk", "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults', 'kv1')]" ], "properties": { "kty": "RSA" } }
                      ],
                      "outputs": { "identityId": { "type": "string", "value": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami1')]" } }
                    }
                  }
                },
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "registry",
                  "properties": {
                    "mode": "Incremental",
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "parameters": { "identityId": { "value": "IDENTITY" } },
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "parameters": { "identityId": { "type": "string" } },
                      "resources": [
                        {
                          "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acr1", "location": "westeurope",
                          "sku": { "name": "Premium" },
                          "identity": { "type": "UserAssigned", "userAssignedIdentities": { "[parameters('identityId')]": {} } },
                          "properties": {
                            "encryption": {
                              "status": "enabled",
                              "keyVaultProperties": {
                                "identity": "[reference(parameters('identityId'), '2023-01-31').clientId]",
                                "keyIdentifier": "https://kv1.vault.azure.net/keys/cmk"
                              }
                            }
                          }
                        }
                      ]
                    }
                  }
                }
              ]
            }
            """.Replace("IDENTITY", identityValue, StringComparison.Ordinal);

        Assert.Empty(Lint.Json(Template("[reference('grants').outputs.identityId.value]")).Of("CMK010"));
        Assert.Single(Lint.Json(Template("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami1')]")).Of("CMK010"));
    }

    private const string RegistryModule = """
        param cmk bool
        param suffix string = uniqueString(utcNow())

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acr${suffix}'
          location: 'westeurope'
          sku: {
            name: 'Premium'
          }
          properties: {
            encryption: cmk ? {
              status: 'enabled'
              keyVaultProperties: {
                identity: '00000000-0000-0000-0000-000000000001'
                keyIdentifier: 'https://kv1.vault.azure.net/keys/cmk'
              }
            } : null
          }
        }
        """;

    [Fact]
    public void Cmk007_bicep_module_instances_named_from_utcNow_are_different_registries()
    {
        string main = """
            @batchSize(1)
            module registries 'registry.bicep' = [for cmk in [false, true]: {
              name: 'registry-${cmk}'
              params: {
                cmk: cmk
              }
            }]
            """;
        var files = new BicepFiles(("main.bicep", main), ("registry.bicep", RegistryModule));
        Assert.Empty(files.Analyze("main.bicep").Of("CMK007"));

        // Control: one name for both instances is one registry, created first without CMK.
        var same = new BicepFiles(("main.bicep", main), ("registry.bicep", RegistryModule.Replace("uniqueString(utcNow())", "'fixed'", StringComparison.Ordinal)));
        Assert.Single(same.Analyze("main.bicep").Of("CMK007"));
    }

    [Fact]
    public void Cmk007_arm_nested_deployments_with_a_newGuid_default_name_are_different_registries()
    {
        string Nested(string name, string encryption, string dependsOn) => $$"""
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "{{name}}",
                  {{dependsOn}}
                  "properties": {
                    "mode": "Incremental",
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "parameters": { "suffix": { "type": "string", "defaultValue": "SUFFIX" } },
                      "resources": [
                        {
                          "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "[concat('acr', parameters('suffix'))]", "location": "westeurope",
                          "sku": { "name": "Premium" },
                          "properties": { {{encryption}} }
                        }
                      ]
                    }
                  }
                }
            """;
        string Template(string suffix) => Templates.ArmTemplate(
            (Nested("plain", "\"adminUserEnabled\": false", string.Empty) + ",\n" + Nested("cmk", Templates.Encryption().Trim(), "\"dependsOn\": [ \"plain\" ],"))
            .Replace("SUFFIX", suffix, StringComparison.Ordinal));

        Assert.Empty(Lint.Json(Template("[uniqueString(newGuid())]")).Of("CMK007"));
        Assert.Single(Lint.Json(Template("fixed")).Of("CMK007"));
    }
}
