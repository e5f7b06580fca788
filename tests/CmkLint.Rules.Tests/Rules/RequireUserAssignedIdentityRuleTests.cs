using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class RequireUserAssignedIdentityRuleTests
{
    [Fact]
    public void Cmk002_registry_with_user_assigned_identity_named_in_key_vault_properties_is_clean()
    {
        var findings = new CmkChainTemplate().Lint(includeInconclusive: true);
        Assert.Empty(Of(findings, "CMK002"));
    }

    [Fact]
    public void Cmk002_system_assigned_only_registry_is_reported_on_identity_type()
    {
        var t = new CmkChainTemplate { RegistryIdentity = """{ "type": "SystemAssigned" }""" };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK002", Level.Error, Locate(json, "\"SystemAssigned\""));
        Assert.Contains("'SystemAssigned'", finding.Message);
        Assert.Contains(finding.Related, r => r.Message == "encryption is enabled here");
    }

    [Fact]
    public void Cmk002_identity_type_with_both_kinds_counts_as_user_assigned()
    {
        var t = new CmkChainTemplate
        {
            RegistryIdentity = """
                { "type": "SystemAssigned, UserAssigned", "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-acr')]": {} } }
                """,
        };
        Assert.Empty(Of(t.Lint(), "CMK002"));
    }

    [Fact]
    public void Cmk002_empty_user_assigned_identities_is_reported_on_the_object()
    {
        var t = new CmkChainTemplate { RegistryIdentity = """{ "type": "UserAssigned", "userAssignedIdentities": {} }""" };
        var json = t.Build();
        Single(Lint(json), "CMK002", Level.Error, Locate(json, "\"userAssignedIdentities\":", "{}"));
    }

    [Fact]
    public void Cmk002_missing_key_vault_properties_identity_is_reported_on_key_vault_properties()
    {
        var t = new CmkChainTemplate { KeyVaultProperties = "{ \"keyIdentifier\": \"" + KeyUri + "\" }" };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK002", Level.Error, Locate(json, "{ \"keyIdentifier\""));
        Assert.Contains("keyVaultProperties.identity is not set", finding.Message);
    }

    [Fact]
    public void Cmk002_property_names_are_case_insensitive()
    {
        var t = new CmkChainTemplate { KeyVaultProperties = "{ \"KeyIdentifier\": \"" + KeyUri + "\", \"Identity\": \"" + ClientId + "\" }" };
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK002"));
    }

    [Fact]
    public void Cmk002_identity_type_from_a_parameter_without_value_is_only_inconclusive()
    {
        var t = new CmkChainTemplate
        {
            Parameters = """{ "identityType": { "type": "string" } }""",
            RegistryIdentity = """{ "type": "[parameters('identityType')]", "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-acr')]": {} } }""",
        };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK002"));
        var open = Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK002"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
        Assert.Contains("identityType", open.Message);
    }
}
