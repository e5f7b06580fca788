using System.Collections.Generic;
using System.Linq;
using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.BicepRules.BicepChain;

namespace CmkLint.Rules.Tests.BicepRules;

/// <summary>The rules over Bicep-only constructs: conditions, loops, existing resources, modules in another resource group, pragmas.</summary>
public class BicepConstructRuleTests
{
    private const string ModulePath = "/virtual/modules/keys.bicep";

    /// <summary>A module holding the vault, the key and the grant for a principal, deployed to another resource group.</summary>
    private const string KeysModule = """
        param principalId string

        resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
          name: 'kv-cmk'
          location: 'westeurope'
          properties: {
            tenantId: subscription().tenantId
            sku: {
              family: 'A'
              name: 'standard'
            }
            enableSoftDelete: true
            enablePurgeProtection: true
            enableRbacAuthorization: true
          }
        }

        resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
          parent: vault
          name: 'cmk'
          properties: {
            kty: 'RSA'
          }
        }

        resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(key.id, principalId)
          scope: key
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'e147488a-f6f5-4113-8e2d-b22465e65bf6')
            principalId: principalId
            principalType: 'ServicePrincipal'
          }
        }

        output keyUri string = key.properties.keyUri
        """;

    private static string RegistryWithModuleKey(string keyIdentifier, string dependsOn) => $$"""
        resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'id-acr'
          location: 'westeurope'
        }

        module keys 'modules/keys.bicep' = {
          name: 'keys'
          scope: resourceGroup('rg-keys')
          params: {
            principalId: uami.properties.principalId
          }
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acr'
          location: 'westeurope'
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
                keyIdentifier: {{keyIdentifier}}
              }
            }
          }{{dependsOn}}
        }
        """;

    private static Dictionary<string, string> Modules => new() { [ModulePath] = KeysModule };

    [Fact]
    public void Cmk004_and_cmk010_role_assignment_in_a_module_in_another_resource_group_is_clean()
    {
        string bicep = RegistryWithModuleKey("keys.outputs.keyUri", string.Empty);
        var result = Lint(bicep, includeInconclusive: true, modules: Modules);
        Clean(result, "CMK004");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK010");
    }

    [Fact]
    public void Cmk010_registry_not_depending_on_the_grant_module_is_a_warning_on_the_registry()
    {
        string bicep = RegistryWithModuleKey("'https://kv-cmk.vault.azure.net/keys/cmk'", string.Empty);
        var result = Lint(bicep, modules: Modules);
        Only(result, "CMK010", Level.Warning, Locate(bicep, "resource registry", "registry"));
    }

    [Fact]
    public void Cmk010_registry_depending_on_the_grant_module_is_clean()
    {
        string bicep = RegistryWithModuleKey("'https://kv-cmk.vault.azure.net/keys/cmk'", "\n  dependsOn: [\n    keys\n  ]");
        Clean(Lint(bicep, includeInconclusive: true, modules: Modules), "CMK010");
    }

    [Fact]
    public void Cmk005_finding_inside_a_module_points_into_the_module_file()
    {
        string module = KeysModule.Replace("enablePurgeProtection: true", "enablePurgeProtection: false");
        string bicep = RegistryWithModuleKey("keys.outputs.keyUri", string.Empty);
        var result = Lint(bicep, modules: new Dictionary<string, string> { [ModulePath] = module });
        Only(result, "CMK005", Level.Error, Locate(module, "enablePurgeProtection:", "false"), ModulePath);
    }

    [Fact]
    public void Cmk001_conditional_registry_that_is_deployed_is_reported()
    {
        var t = new BicepChain { Header = "param deployCmk bool = true", RegistryCondition = "if (deployCmk) ", Sku = "'Standard'" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK001", Level.Error, Locate(bicep, "sku: {", "'Standard'"));
    }

    [Fact]
    public void Cmk001_conditional_registry_that_is_not_deployed_is_clean()
    {
        var t = new BicepChain { Header = "param deployCmk bool = false", RegistryCondition = "if (deployCmk) ", Sku = "'Standard'" };
        Assert.Empty(Violations(t.Lint()));
    }

    [Fact]
    public void Cmk001_loop_reports_only_the_standard_instance()
    {
        var t = new BicepChain { Sku = "i == 0 ? 'Premium' : 'Standard'" };
        string bicep = t.Build()
            .Replace("= {\n  name: 'acr'", "= [for i in range(0, 2): {\n  name: 'acr${i}'")
            .Replace("  dependsOn: [\n    vault\n  ]\n}", "  dependsOn: [\n    vault\n  ]\n}]");
        Assert.Contains("[for i in range(0, 2)", bicep);
        Assert.Contains("}]", bicep);
        var finding = Only(Lint(bicep), "CMK001", Level.Error, Locate(bicep, "i == 0 ?", "'Standard'"));
        Assert.Contains("registry[1]", finding.Message);
    }

    [Fact]
    public void Existing_vault_outside_the_files_is_inconclusive_not_a_violation()
    {
        var t = new BicepChain { ExistingVault = true };
        var result = t.Lint(includeInconclusive: true);
        Assert.Empty(Violations(result));
        var recoverable = Assert.Single(result.Findings, f => f.RuleId == "CMK005");
        Assert.Equal(FindingKind.Inconclusive, recoverable.Kind);
        Assert.Contains("existing", recoverable.Message);
    }

    [Fact]
    public void Cmk001_disable_next_line_pragma_suppresses_the_finding()
    {
        var t = new BicepChain { Sku = "'Standard'" };
        string bicep = t.Build().Replace("  sku: {\n    name: 'Standard'", "  sku: {\n    #disable-next-line CMK001\n    name: 'Standard'");
        Assert.Contains("#disable-next-line CMK001", bicep);
        var result = Lint(bicep);
        Assert.Empty(Violations(result));
        Assert.All(result.Findings.Where(f => f.RuleId == "CMK001"), f => Assert.True(f.IsSuppressed));
    }

    [Fact]
    public void Cmk001_pragma_for_another_rule_does_not_suppress()
    {
        var t = new BicepChain { Sku = "'Standard'" };
        string bicep = t.Build().Replace("  sku: {\n    name: 'Standard'", "  sku: {\n    #disable-next-line CMK006\n    name: 'Standard'");
        var result = Lint(bicep);
        Assert.Equal(new[] { "CMK001", "CMK902" }, Violations(result).Select(f => f.RuleId).OrderBy(id => id));
        Assert.Equal(Locate(bicep, "sku: {", "'Standard'"), Assert.Single(result.Of("CMK001")).Position());

        // The CMK006 pragma suppresses nothing: a CMK902 note at its code.
        var unused = Assert.Single(result.Of("CMK902"));
        Assert.Equal(Locate(bicep, "#disable-next-line ", "CMK006"), unused.Position());
        Assert.Equal(Level.Note, unused.Level);
    }
}
