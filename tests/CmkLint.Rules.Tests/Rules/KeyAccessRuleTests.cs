using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class KeyAccessRuleTests
{
    private const string CryptoServiceEncryptionUser = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
    private const string Reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private const string Rbac = "\"enableSoftDelete\": true,\n        \"enablePurgeProtection\": true,\n        \"enableRbacAuthorization\": true";

    private static CmkChainTemplate RbacVault(params string[] roleAssignments)
    {
        var t = new CmkChainTemplate { VaultSettings = Rbac, AccessPolicies = null };
        foreach (var r in roleAssignments)
        {
            t.Add(r);
        }

        return t;
    }

    [Fact]
    public void Cmk004_access_policy_for_the_principal_id_with_get_wrap_unwrap_is_clean()
    {
        Assert.Empty(Of(new CmkChainTemplate().Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_access_policy_with_client_id_as_object_id_is_reported_on_the_object_id()
    {
        var t = new CmkChainTemplate { AccessPolicies = Policy(ClientId, KeyPermissions) };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"objectId\": \"", "reference("));
        Assert.Contains("client ID as objectId", finding.Message);
        Assert.Contains(finding.Related, r => r.Message == "the encryption identity");
        Assert.Contains(finding.Related, r => r.Message == "the key");
    }

    [Fact]
    public void Cmk004_access_policy_without_unwrap_key_is_reported_on_the_permissions()
    {
        var t = new CmkChainTemplate { AccessPolicies = Policy(PrincipalId, """["get", "wrapKey"]""") };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"keys\": ", "["));
        Assert.Contains("needs get, wrapKey and unwrapKey", finding.Message);
    }

    [Theory]
    [InlineData("""["all"]""")]
    [InlineData("""["All"]""")]
    [InlineData("""["Get", "WRAPKEY", "unwrapkey"]""")]
    public void Cmk004_all_permission_and_case_variations_grant_access(string keys)
    {
        var t = new CmkChainTemplate { AccessPolicies = Policy(PrincipalId, keys) };
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_no_grant_at_all_is_reported_on_the_registry_identity()
    {
        var t = new CmkChainTemplate { AccessPolicies = null };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"identity\": \"", "reference("));
        Assert.Contains("No access policy", finding.Message);
    }

    [Fact]
    public void Cmk004_access_policy_on_an_rbac_vault_grants_nothing_and_is_reported()
    {
        var t = new CmkChainTemplate { VaultSettings = Rbac };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"objectId\": \"", "reference("));
        Assert.Contains("is ignored", finding.Message);
    }

    [Fact]
    public void Cmk004_rbac_vault_with_crypto_service_encryption_user_on_the_vault_is_clean()
    {
        var t = RbacVault(RoleAssignment(CryptoServiceEncryptionUser));
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_role_at_key_scope_grants_access()
    {
        var t = RbacVault(RoleAssignment(CryptoServiceEncryptionUser, scope: "[resourceId('Microsoft.KeyVault/vaults/keys', 'kv-cmk', 'cmk')]"));
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_role_at_resource_group_scope_grants_access()
    {
        var t = RbacVault(RoleAssignment("12338af0-0e69-4776-bea7-57ae8d297424", scope: null));
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_old_style_vault_provider_role_assignment_grants_access()
    {
        var t = RbacVault($$"""
            {
                  "type": "Microsoft.KeyVault/vaults/providers/roleAssignments",
                  "apiVersion": "2022-04-01",
                  "name": "[concat('kv-cmk', '/Microsoft.Authorization/', guid('old-style'))]",
                  "properties": {
                    "roleDefinitionId": "[concat(subscription().id, '/providers/Microsoft.Authorization/roleDefinitions/{{CryptoServiceEncryptionUser}}')]",
                    "principalId": "{{PrincipalId}}"
                  }
                }
            """);
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_role_without_wrap_and_unwrap_is_reported_on_the_role_definition()
    {
        var t = RbacVault(RoleAssignment(Reader));
        var json = t.Build();
        var finding = Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"roleDefinitionId\": \"", "subscriptionResourceId("));
        Assert.Contains("cannot wrap and unwrap", finding.Message);
    }

    [Fact]
    public void Cmk004_role_assigned_to_the_client_id_is_reported_on_the_principal_id()
    {
        var t = RbacVault(RoleAssignment(CryptoServiceEncryptionUser, principal: ClientId));
        var json = t.Build();
        Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"principalId\": \"", "reference("));
    }

    [Fact]
    public void Cmk004_role_on_an_access_policy_vault_is_reported_as_not_applying()
    {
        var t = new CmkChainTemplate { AccessPolicies = null }.Add(RoleAssignment(CryptoServiceEncryptionUser));
        var json = t.Build();
        var finding = Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"roleDefinitionId\": \"", "subscriptionResourceId("));
        Assert.Contains("uses access policies", finding.Message);
    }

    /// <summary>Vault and key in 'security-rg' (nested deployment), role assignment for the identity in <paramref name="roleGroup"/> (another nested deployment).</summary>
    internal static CmkChainTemplate OtherResourceGroupVault(string roleGroup, string registryDependsOn = """["kv-deploy", "ra-deploy"]""")
    {
        var t = new CmkChainTemplate
        {
            IncludeVault = false,
            IncludeKey = false,
            KeyIdentifier = "[reference(resourceId('security-rg', 'Microsoft.KeyVault/vaults/keys', 'kv-cmk', 'cmk'), '2023-07-01').keyUri]",
            RegistryDependsOn = registryDependsOn,
        };
        t.Add($$"""
            {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "kv-deploy",
                  "resourceGroup": "security-rg",
                  "properties": {
                    "mode": "Incremental",
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "resources": [
                        { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv-cmk", "location": "westeurope",
                          "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enableSoftDelete": true, "enablePurgeProtection": true, "enableRbacAuthorization": true } },
                        { "type": "Microsoft.KeyVault/vaults/keys", "apiVersion": "2023-07-01", "name": "kv-cmk/cmk", "dependsOn": ["[resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')]"], "properties": { "kty": "RSA" } }
                      ]
                    }
                  }
                }
            """);
        t.Add($$"""
            {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "ra-deploy",
                  "resourceGroup": "{{roleGroup}}",
                  "dependsOn": ["kv-deploy"],
                  "properties": {
                    "mode": "Incremental",
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "parameters": { "principalId": { "value": "{{PrincipalId}}" } },
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "parameters": { "principalId": { "type": "string" } },
                      "resources": [
                        { "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid('ra')]",
                          "scope": "[resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')]",
                          "properties": { "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{CryptoServiceEncryptionUser}}')]", "principalId": "[parameters('principalId')]" } }
                      ]
                    }
                  }
                }
            """);
        return t;
    }

    [Fact]
    public void Cmk004_grant_in_the_vaults_resource_group_through_a_nested_deployment_is_clean()
    {
        Assert.Empty(Of(OtherResourceGroupVault("security-rg").Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_grant_deployed_into_another_resource_group_misses_the_vault_and_is_reported_on_its_scope()
    {
        var json = OtherResourceGroupVault("app-rg").Build();
        var finding = Single(Lint(json), "CMK004", Level.Error, Locate(json, "\"scope\": \"[", "resourceId("));
        Assert.Contains("does not hold vault", finding.Message);
    }

    [Fact]
    public void Cmk004_access_policy_resource_add_grants_access()
    {
        var t = new CmkChainTemplate { AccessPolicies = null }.Add($$"""
            {
                  "type": "Microsoft.KeyVault/vaults/accessPolicies",
                  "apiVersion": "2023-07-01",
                  "name": "kv-cmk/add",
                  "dependsOn": ["[resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')]"],
                  "properties": { "accessPolicies": {{Policy(PrincipalId, KeyPermissions)}} }
                }
            """);
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_remove_policy_for_the_identity_makes_the_grant_inconclusive()
    {
        var t = new CmkChainTemplate().Add($$"""
            {
                  "type": "Microsoft.KeyVault/vaults/accessPolicies",
                  "apiVersion": "2023-07-01",
                  "name": "kv-cmk/remove",
                  "properties": { "accessPolicies": {{Policy(PrincipalId, """["unwrapKey"]""")}} }
                }
            """);
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK004"));
        Assert.Equal(FindingKind.Inconclusive, Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK004")).Kind);
    }

    [Fact]
    public void Cmk004_access_policies_from_a_property_copy_loop_are_evaluated_per_item()
    {
        const string Loop = """
            [
                  {
                    "tenantId": "[subscription().tenantId]",
                    "objectId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('names')[copyIndex('accessPolicies')])).principalId]",
                    "permissions": { "keys": ["get", "wrapKey", "unwrapKey"] }
                  }
                ]
            """;
        string copy = "\"enableSoftDelete\": true,\n        \"enablePurgeProtection\": true,\n        \"copy\": [{ \"name\": \"accessPolicies\", \"count\": \"[length(parameters('names'))]\", \"input\": " + Loop.Trim().Substring(1, Loop.Trim().Length - 2).Trim() + " }]";
        var clean = new CmkChainTemplate { AccessPolicies = null, VaultSettings = copy, Parameters = """{ "names": { "type": "array", "defaultValue": ["id-other", "id-acr"] } }""" };
        Assert.Empty(Of(clean.Lint(includeInconclusive: true), "CMK004"));

        var missing = new CmkChainTemplate { AccessPolicies = null, VaultSettings = copy, Parameters = """{ "names": { "type": "array", "defaultValue": ["id-other"] } }""" };
        Assert.Single(Of(missing.Lint(), "CMK004"));
    }

    [Fact]
    public void Cmk004_role_assignments_from_a_copy_loop_are_found()
    {
        var t = RbacVault($$"""
            {
                  "type": "Microsoft.Authorization/roleAssignments",
                  "apiVersion": "2022-04-01",
                  "name": "[guid('ra', string(copyIndex()))]",
                  "copy": { "name": "grants", "count": 2 },
                  "scope": "[resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')]",
                  "properties": {
                    "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{CryptoServiceEncryptionUser}}')]",
                    "principalId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', createArray('id-other', 'id-acr')[copyIndex()])).principalId]"
                  }
                }
            """);
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK004"));
    }

    [Fact]
    public void Cmk004_grant_under_an_unknown_condition_is_inconclusive_and_under_a_false_condition_is_missing()
    {
        string Conditional(string condition) => RoleAssignment(CryptoServiceEncryptionUser).Replace("\"type\": \"Microsoft.Authorization/roleAssignments\",", "\"condition\": \"" + condition + "\",\n      \"type\": \"Microsoft.Authorization/roleAssignments\",");
        var unknown = RbacVault(Conditional("[parameters('grant')]"));
        unknown.Parameters = """{ "grant": { "type": "bool" } }""";
        var json = unknown.Build();
        Assert.Empty(Of(Lint(json), "CMK004"));
        Assert.Equal(FindingKind.Inconclusive, Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK004")).Kind);

        var off = RbacVault(Conditional("[equals(1, 2)]"));
        Assert.Single(Of(off.Lint(), "CMK004"));
    }

    [Fact]
    public void Cmk004_existing_vault_is_inconclusive_never_a_violation()
    {
        var t = new CmkChainTemplate { VaultExtra = "\n      \"existing\": true,", AccessPolicies = null };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK004"));
        var open = Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK004"));
        Assert.Contains("existing", open.Message);
    }

    [Fact]
    public void Cmk004_object_id_from_a_parameter_without_value_is_inconclusive()
    {
        var t = new CmkChainTemplate { Parameters = """{ "objectId": { "type": "string" } }""", AccessPolicies = Policy("[parameters('objectId')]", KeyPermissions) };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK004"));
        var open = Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK004"));
        Assert.Contains("objectId", open.Message);
    }
}
