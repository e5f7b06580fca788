using System;
using System.Collections.Generic;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Rules.Tests.BicepLowering;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>An <c>existing</c> resource (ARM: <c>reference(resourceId(...))</c>) built from an ID that names a resource deployed elsewhere in the tree is that resource.</summary>
public sealed class ExistingResourceLinkTests
{
    internal static LintResult Analyze(BicepFiles files, params string[] names)
    {
        var options = new LintOptions { FileSystem = files, Parallel = false, IncludeInconclusive = true, Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) };
        return new LintEngine(options).Analyze(names.Select(files.PathOf));
    }

    internal static List<Finding> Chain(LintResult result) =>
        result.Findings.Where(f => f.RuleId.StartsWith("CMK0", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Bicep_existing_resources_built_from_module_output_ids_decide_every_check()
    {
        var files = new BicepFiles(("main.bicep", ModularChain.Caller()), ("deps.bicep", ModularChain.Dependencies()), ("registry.bicep", ModularChain.Registry));
        var result = Analyze(files, "main.bicep");
        Assert.True(Chain(result).Count == 0, Lint.Describe(result));
    }

    [Fact]
    public void Bicep_existing_key_linked_through_split_of_a_module_output_shows_the_declared_key_type()
    {
        var files = new BicepFiles(("main.bicep", ModularChain.Caller()), ("deps.bicep", ModularChain.Dependencies(kty: "'EC'")), ("registry.bicep", ModularChain.Registry));
        var result = Analyze(files, "main.bicep");
        var finding = Assert.Single(Chain(result));
        Assert.Equal("CMK011", finding.RuleId);
        Assert.Equal(FindingKind.Violation, finding.Kind);
        Assert.EndsWith("deps.bicep", finding.Path);
        Assert.Contains(finding.Related, r => r.Span.File!.Path.EndsWith("registry.bicep", StringComparison.Ordinal) && r.Span.Text.StartsWith("cmkKey", StringComparison.Ordinal));
        Assert.Contains(finding.Related, r => r.Span.File!.Path.EndsWith("main.bicep", StringComparison.Ordinal) && r.Span.Text.StartsWith("registry", StringComparison.Ordinal));
    }

    [Fact]
    public void Bicep_existing_vault_in_a_resource_group_created_by_a_subscription_scope_caller_is_linked()
    {
        var files = new BicepFiles(("main.bicep", ModularChain.SubscriptionCaller), ("deps.bicep", ModularChain.Dependencies(purgeProtection: "false")), ("registry.bicep", ModularChain.Registry));
        var result = Analyze(files, "main.bicep");

        // The identity assigned and the encryption identity are the same existing identity: no CMK003 of either kind.
        var finding = Assert.Single(Chain(result));
        Assert.Equal("CMK005", finding.RuleId);
        Assert.Equal(Lint.Locate(ModularChain.Dependencies(purgeProtection: "false"), "enablePurgeProtection: false").Line, finding.Position().Line);
    }

    [Fact]
    public void Bicep_existing_resource_whose_id_names_no_declared_resource_stays_inconclusive()
    {
        string caller = ModularChain.Caller().Replace("vaultId: deps.outputs.vaultId", "vaultId: resourceId('Microsoft.KeyVault/vaults', 'another-vault')");
        var files = new BicepFiles(("main.bicep", caller), ("deps.bicep", ModularChain.Dependencies(kty: "'EC'")), ("registry.bicep", ModularChain.Registry));
        var result = Analyze(files, "main.bicep");
        Assert.DoesNotContain(Chain(result), f => f.Kind == FindingKind.Violation);
        Assert.Contains(Chain(result), f => f.RuleId == "CMK011" && f.Kind == FindingKind.Inconclusive);
    }

    /// <summary>ARM: the outer template declares the chain, a nested deployment gets the vault's ID and finds the key by <c>last(split(id, '/'))</c>.</summary>
    internal static string ArmChain(string kty) => """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
              "apiVersion": "2023-01-31",
              "name": "uami1",
              "location": "westeurope"
            },
            {
              "type": "Microsoft.KeyVault/vaults",
              "apiVersion": "2023-07-01",
              "name": "kv1",
              "location": "westeurope",
              "dependsOn": [ "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami1')]" ],
              "properties": {
                "tenantId": "[subscription().tenantId]",
                "sku": { "family": "A", "name": "standard" },
                "enableSoftDelete": true,
                "enablePurgeProtection": true,
                "accessPolicies": [
                  {
                    "tenantId": "[subscription().tenantId]",
                    "objectId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami1'), '2023-01-31').principalId]",
                    "permissions": { "keys": [ "get", "wrapKey", "unwrapKey" ] }
                  }
                ]
              }
            },
            {
              "type": "Microsoft.KeyVault/vaults/keys",
              "apiVersion": "2023-07-01",
              "name": "kv1/cmk",
              "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults', 'kv1')]" ],
              "properties": { "kty": "KTY" }
            },
            {
              "type": "Microsoft.Resources/deployments",
              "apiVersion": "2022-09-01",
              "name": "registry",
              "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults/keys', 'kv1', 'cmk')]" ],
              "properties": {
                "mode": "Incremental",
                "expressionEvaluationOptions": { "scope": "inner" },
                "parameters": {
                  "vaultId": { "value": "[resourceId('Microsoft.KeyVault/vaults', 'kv1')]" },
                  "identityId": { "value": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami1')]" }
                },
                "template": {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": { "vaultId": { "type": "string" }, "identityId": { "type": "string" } },
                  "resources": [
                    {
                      "type": "Microsoft.ContainerRegistry/registries",
                      "apiVersion": "2023-07-01",
                      "name": "acr1",
                      "location": "westeurope",
                      "sku": { "name": "Premium" },
                      "identity": { "type": "UserAssigned", "userAssignedIdentities": { "[parameters('identityId')]": {} } },
                      "properties": {
                        "encryption": {
                          "status": "[if(empty(parameters('vaultId')), 'disabled', 'enabled')]",
                          "keyVaultProperties": {
                            "identity": "[reference(parameters('identityId'), '2023-01-31').clientId]",
                            "keyIdentifier": "[reference(resourceId(split(parameters('vaultId'), '/')[4], 'Microsoft.KeyVault/vaults/keys', last(split(parameters('vaultId'), '/')), 'cmk'), '2023-07-01').keyUri]"
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
        """.Replace("KTY", kty, StringComparison.Ordinal);

    [Fact]
    public void Arm_reference_of_a_resource_id_built_from_split_of_a_parameter_reads_the_declared_key()
    {
        var clean = Lint.Json(ArmChain("RSA"), includeInconclusive: true);
        Assert.True(Chain(clean).Count == 0, Lint.Describe(clean));

        string json = ArmChain("EC");
        var finding = Assert.Single(Chain(Lint.Json(json, includeInconclusive: true)));
        Assert.Equal("CMK011", finding.RuleId);
        Assert.Equal(Lint.Locate(json, "\"EC\"").Line, finding.Position().Line);
    }
}
