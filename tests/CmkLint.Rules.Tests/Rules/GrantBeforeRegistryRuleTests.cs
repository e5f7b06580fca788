using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class GrantBeforeRegistryRuleTests
{
    private const string RegistryName = "\"type\": \"Microsoft.ContainerRegistry/registries\"";
    private const string Rbac = "\"enableSoftDelete\": true,\n        \"enablePurgeProtection\": true,\n        \"enableRbacAuthorization\": true";
    private const string Role = "e147488a-f6f5-4113-8e2d-b22465e65bf6";

    [Fact]
    public void Cmk010_registry_depending_on_the_key_waits_for_the_vault_with_the_inline_policy()
    {
        Assert.Empty(Of(new CmkChainTemplate().Lint(includeInconclusive: true), "CMK010"));
    }

    [Fact]
    public void Cmk010_registry_not_waiting_for_the_role_assignment_is_a_warning_on_the_registry()
    {
        var t = new CmkChainTemplate { VaultSettings = Rbac, AccessPolicies = null }.Add(RoleAssignment(Role));
        var json = t.Build();
        var finding = Single(Lint(json), "CMK010", Level.Warning, Locate(json, RegistryName, "\"acr\""));
        Assert.Contains("role assignment", finding.Message);
        Assert.Contains(finding.Related, r => r.Message == "the grant the registry must wait for");
    }

    [Fact]
    public void Cmk010_registry_depending_on_the_role_assignment_is_clean()
    {
        var t = new CmkChainTemplate
        {
            VaultSettings = Rbac,
            AccessPolicies = null,
            RegistryDependsOn = """["[extensionResourceId(resourceId('Microsoft.KeyVault/vaults', 'kv-cmk'), 'Microsoft.Authorization/roleAssignments', guid('ra-kv'))]"]""",
        }.Add(RoleAssignment(Role));
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK010"));
    }

    [Fact]
    public void Cmk010_access_policy_resource_the_registry_does_not_wait_for_is_reported()
    {
        var t = new CmkChainTemplate { AccessPolicies = null }.Add($$"""
            {
                  "type": "Microsoft.KeyVault/vaults/accessPolicies",
                  "apiVersion": "2023-07-01",
                  "name": "kv-cmk/add",
                  "properties": { "accessPolicies": {{Policy(PrincipalId, KeyPermissions)}} }
                }
            """);
        var json = t.Build();
        var finding = Single(Lint(json), "CMK010", Level.Warning, Locate(json, RegistryName, "\"acr\""));
        Assert.Contains("kv-cmk/add", finding.Message);

        var waiting = new CmkChainTemplate { AccessPolicies = null, RegistryDependsOn = """["[resourceId('Microsoft.KeyVault/vaults/accessPolicies', 'kv-cmk', 'add')]"]""" };
        waiting.Add($$"""
            {
                  "type": "Microsoft.KeyVault/vaults/accessPolicies",
                  "apiVersion": "2023-07-01",
                  "name": "kv-cmk/add",
                  "properties": { "accessPolicies": {{Policy(PrincipalId, KeyPermissions)}} }
                }
            """);
        Assert.Empty(Of(waiting.Lint(), "CMK010"));
    }

    [Fact]
    public void Cmk010_role_assignment_in_a_nested_deployment_counts_when_the_registry_waits_for_that_deployment()
    {
        Assert.Empty(Of(KeyAccessRuleTests.OtherResourceGroupVault("security-rg").Lint(), "CMK010"));
        var json = KeyAccessRuleTests.OtherResourceGroupVault("security-rg", """["kv-deploy"]""").Build();
        Single(Lint(json), "CMK010", Level.Warning, Locate(json, RegistryName, "\"acr\""));
    }

    [Fact]
    public void Cmk010_no_grant_at_all_is_left_to_cmk004()
    {
        var findings = new CmkChainTemplate { AccessPolicies = null }.Lint(includeInconclusive: true);
        Assert.Empty(Of(findings, "CMK010"));
        Assert.Single(Of(findings, "CMK004"));
    }
}
