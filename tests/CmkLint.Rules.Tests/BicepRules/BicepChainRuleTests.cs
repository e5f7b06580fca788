using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.BicepRules.BicepChain;

namespace CmkLint.Rules.Tests.BicepRules;

/// <summary>Each rule CMK001–CMK015 over a Bicep CMK chain: the correct chain is clean, one broken link fails exactly its rule at its position in the .bicep file.</summary>
public class BicepChainRuleTests
{
    [Fact]
    public void Correct_bicep_chain_has_no_findings_even_inconclusive()
    {
        var result = new BicepChain().Lint(includeInconclusive: true);
        Assert.True(result.Findings.Count == 0, CmkLint.Rules.Tests.Lint.Describe(result));
    }

    [Fact]
    public void Cmk001_standard_sku_is_an_error_on_the_sku_value()
    {
        var t = new BicepChain { Sku = "'Standard'" };
        string bicep = t.Build();
        var finding = Only(Lint(bicep), "CMK001", Level.Error, Locate(bicep, "sku: {", "'Standard'"));
        Assert.Equal("'Standard'", finding.Span.Text);
    }

    [Fact]
    public void Cmk001_premium_sku_is_clean() => Clean(new BicepChain().Lint(true), "CMK001");

    [Fact]
    public void Cmk002_system_assigned_identity_only_is_an_error_on_the_identity_type()
    {
        // Through its system-assigned identity only: no user-assigned identity, and keyVaultProperties names none.
        var t = new BicepChain { RegistryIdentity = "{\n    type: 'SystemAssigned'\n  }", EncryptionIdentity = null };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK002", Level.Error, Locate(bicep, "identity: {", "'SystemAssigned'"), count: 2);
        Only(Lint(bicep), "CMK002", Level.Error, Locate(bicep, "keyVaultProperties:", "{"), count: 2);
    }

    [Fact]
    public void Cmk002_user_assigned_identity_is_clean() => Clean(new BicepChain().Lint(true), "CMK002");

    [Fact]
    public void Cmk003_principal_id_as_encryption_identity_is_an_error_on_the_identity_value()
    {
        var t = new BicepChain { EncryptionIdentity = "uami.properties.principalId" };
        string bicep = t.Build();
        var finding = Only(Lint(bicep), "CMK003", Level.Error, Locate(bicep, "keyVaultProperties: {", "uami.properties.principalId"));
        Assert.Contains("principal", finding.Message);
    }

    [Fact]
    public void Cmk003_client_id_of_the_assigned_identity_is_clean() => Clean(new BicepChain().Lint(true), "CMK003");

    [Fact]
    public void Cmk004_policy_without_unwrap_key_is_an_error()
    {
        var t = new BicepChain { AccessPolicies = Policy("uami.properties.principalId", "'get'\n            'wrapKey'") };
        string bicep = t.Build();
        var finding = Only(Lint(bicep), "CMK004", Level.Error, Locate(bicep, "keys:", "["));
        Assert.Contains("unwrapKey", finding.Message);
    }

    [Fact]
    public void Cmk004_policy_with_all_three_key_permissions_is_clean() => Clean(new BicepChain().Lint(true), "CMK004");

    [Fact]
    public void Cmk004_rbac_vault_without_role_assignment_is_an_error()
    {
        var t = new BicepChain { Rbac = true };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK004", Level.Error, Locate(bicep, "keyVaultProperties: {", "uami.properties.clientId"));
    }

    [Theory]
    [InlineData("key")]
    [InlineData("vault")]
    public void Cmk004_rbac_vault_with_crypto_service_encryption_user_on_the_key_or_vault_is_clean(string scope)
    {
        var t = new BicepChain { Rbac = true, RegistryDependsOn = "[\n    grant\n  ]" }.Add(RoleAssignment(scope));
        Clean(t.Lint(true), "CMK004");
    }

    [Fact]
    public void Cmk005_purge_protection_off_is_an_error_on_the_value()
    {
        var t = new BicepChain { PurgeProtection = "false" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK005", Level.Error, Locate(bicep, "enablePurgeProtection:", "false"));
    }

    [Fact]
    public void Cmk005_soft_delete_off_is_an_error_on_the_value()
    {
        var t = new BicepChain { SoftDelete = "false" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK005", Level.Error, Locate(bicep, "enableSoftDelete:", "false"));
    }

    [Fact]
    public void Cmk005_recoverable_vault_is_clean() => Clean(new BicepChain().Lint(true), "CMK005");

    [Fact]
    public void Cmk006_content_trust_is_an_error_on_the_trust_status()
    {
        var t = new BicepChain { RegistryProperties = "policies: {\n      trustPolicy: {\n        type: 'Notary'\n        status: 'enabled'\n      }\n    }" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK006", Level.Error, Locate(bicep, "trustPolicy: {", "'enabled'"));
    }

    [Fact]
    public void Cmk006_content_trust_disabled_is_clean()
    {
        var t = new BicepChain { RegistryProperties = "policies: {\n      trustPolicy: {\n        type: 'Notary'\n        status: 'disabled'\n      }\n    }" };
        Clean(t.Lint(true), "CMK006");
    }

    [Fact]
    public void Cmk007_second_declaration_of_the_same_registry_enabling_cmk_is_an_error_on_its_status()
    {
        var t = new BicepChain();
        string plain = """
            resource registryFirst 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
              name: 'acr'
              location: 'westeurope'
              sku: {
                name: 'Premium'
              }
            }
            """;
        t.Header = plain;
        t.RegistryDependsOn = "[\n    vault\n    registryFirst\n  ]";
        string bicep = t.Build();
        Only(Lint(bicep), "CMK007", Level.Error, Locate(bicep, "encryption: {", "'enabled'"));
    }

    [Fact]
    public void Cmk007_single_declaration_is_clean() => Clean(new BicepChain().Lint(true), "CMK007");

    [Fact]
    public void Cmk009_vault_firewall_without_trusted_services_bypass_is_an_error_on_the_bypass()
    {
        var t = new BicepChain { VaultProperties = "networkAcls: {\n      defaultAction: 'Deny'\n      bypass: 'None'\n    }" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK009", Level.Error, Locate(bicep, "bypass:", "'None'"), count: 2);
    }

    [Fact]
    public void Cmk009_vault_firewall_reached_through_a_user_assigned_identity_is_an_error_on_the_encryption_identity()
    {
        var t = new BicepChain { VaultProperties = "networkAcls: {\n      defaultAction: 'Deny'\n      bypass: 'AzureServices'\n    }" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK009", Level.Error, Locate(bicep, "keyVaultProperties:", "uami.properties.clientId"));
    }

    [Fact]
    public void Cmk009_open_vault_is_clean()
    {
        var t = new BicepChain { VaultProperties = "networkAcls: {\n      defaultAction: 'Allow'\n      bypass: 'AzureServices'\n    }" };
        Clean(t.Lint(true), "CMK009");
    }

    [Fact]
    public void Cmk010_registry_not_depending_on_the_access_policy_resource_is_a_warning_on_the_registry()
    {
        var t = new BicepChain { AccessPolicies = "[]", RegistryDependsOn = null }.Add(AccessPolicyResource);
        string bicep = t.Build();
        Only(Lint(bicep), "CMK010", Level.Warning, Locate(bicep, "resource registry", "registry"));
    }

    [Fact]
    public void Cmk010_registry_depending_on_the_access_policy_resource_is_clean()
    {
        var t = new BicepChain { AccessPolicies = "[]", RegistryDependsOn = "[\n    policy\n  ]" }.Add(AccessPolicyResource);
        Clean(t.Lint(true), "CMK010");
    }

    [Fact]
    public void Cmk010_inline_policy_reached_through_the_key_reference_is_clean()
    {
        // The key is a child of the vault, and the registry reads key.properties.keyUri: an implicit dependency on the vault.
        var t = new BicepChain { RegistryDependsOn = null };
        Clean(t.Lint(true), "CMK010");
    }

    [Fact]
    public void Cmk011_ec_key_is_an_error_on_the_key_type()
    {
        var t = new BicepChain { KeyType = "'EC'" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK011", Level.Error, Locate(bicep, "kty:", "'EC'"));
    }

    [Fact]
    public void Cmk011_rsa_key_is_clean() => Clean(new BicepChain().Lint(true), "CMK011");

    [Fact]
    public void Cmk012_secret_uri_is_an_error_on_the_key_identifier()
    {
        var t = new BicepChain { KeyIdentifier = "'${vault.properties.vaultUri}secrets/cmk'" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK012", Level.Error, Locate(bicep, "keyIdentifier:", "'${vault"));
    }

    [Fact]
    public void Cmk012_key_uri_property_is_clean() => Clean(new BicepChain().Lint(true), "CMK012");

    [Fact]
    public void Cmk013_key_uri_with_version_is_a_note_on_the_key_identifier()
    {
        var t = new BicepChain { KeyIdentifier = "key.properties.keyUriWithVersion" };
        string bicep = t.Build();
        var finding = Only(Lint(bicep), "CMK013", Level.Note, Locate(bicep, "keyIdentifier:", "key.properties"));
        Assert.Contains("rotation", finding.Message);
    }

    [Fact]
    public void Cmk013_versionless_uri_built_from_the_vault_uri_is_clean()
    {
        var t = new BicepChain { KeyIdentifier = "'${vault.properties.vaultUri}keys/cmk'" };
        Clean(t.Lint(true), "CMK013");
    }

    [Fact]
    public void Cmk014_api_version_without_encryption_is_an_error_on_the_api_version()
    {
        var t = new BicepChain { RegistryApiVersion = "2019-05-01" };
        string bicep = t.Build();
        Only(Lint(bicep), "CMK014", Level.Error, Locate(bicep, "resource registry", "'Microsoft.ContainerRegistry/registries@2019-05-01'"));
    }

    [Fact]
    public void Cmk014_current_api_version_is_clean() => Clean(new BicepChain().Lint(true), "CMK014");

    [Fact]
    public void Cmk015_tasks_on_a_cmk_registry_are_a_note_on_the_encryption_status()
    {
        var t = new BicepChain().Add(TaskResource);
        string bicep = t.Build();
        Only(Lint(bicep), "CMK015", Level.Note, Locate(bicep, "encryption: {", "'enabled'"));
    }

    [Fact]
    public void Cmk015_cmk_registry_without_tasks_is_clean() => Clean(new BicepChain().Lint(true), "CMK015");

    private const string AccessPolicyResource = """
        resource policy 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {
          parent: vault
          name: 'add'
          properties: {
            accessPolicies: [
              {
                tenantId: subscription().tenantId
                objectId: uami.properties.principalId
                permissions: {
                  keys: [
                    'get'
                    'wrapKey'
                    'unwrapKey'
                  ]
                }
              }
            ]
          }
        }
        """;

    private const string TaskResource = """
        resource build 'Microsoft.ContainerRegistry/registries/tasks@2019-06-01-preview' = {
          parent: registry
          name: 'build'
          location: 'westeurope'
          properties: {
            platform: {
              os: 'Linux'
            }
            step: {
              type: 'Docker'
              dockerFilePath: 'Dockerfile'
              contextPath: 'https://github.com/contoso/app.git'
            }
          }
        }
        """;
}
