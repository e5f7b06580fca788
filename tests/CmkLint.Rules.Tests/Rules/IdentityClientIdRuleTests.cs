using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Rules.CmkChainTemplate;

namespace CmkLint.Rules.Tests.Rules;

public class IdentityClientIdRuleTests
{
    private const string IdentityAt = "\"identity\": \"";

    [Fact]
    public void Cmk003_client_id_of_an_assigned_identity_is_clean()
    {
        Assert.Empty(Of(new CmkChainTemplate().Lint(includeInconclusive: true), "CMK003"));
    }

    [Fact]
    public void Cmk003_principal_id_is_reported_on_the_identity_value()
    {
        var t = new CmkChainTemplate { IdentityValue = PrincipalId };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK003", Level.Error, Locate(json, IdentityAt, "reference("));
        Assert.Contains("principal (object) ID of identity 'id-acr'", finding.Message);
        Assert.Contains(finding.Related, r => r.Message == "the user-assigned identity");
    }

    [Fact]
    public void Cmk003_resource_id_is_reported()
    {
        var t = new CmkChainTemplate { IdentityValue = "[" + IdentityId + "]" };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK003", Level.Error, Locate(json, IdentityAt, "resourceId("));
        Assert.Contains("a resource ID", finding.Message);
    }

    [Fact]
    public void Cmk003_identity_name_is_reported_on_the_literal()
    {
        var t = new CmkChainTemplate { IdentityValue = "id-acr" };
        var json = t.Build();
        var finding = Single(Lint(json), "CMK003", Level.Error, Locate(json, "\"identity\": ", "\"id-acr\""));
        Assert.Contains("the name", finding.Message);
    }

    [Fact]
    public void Cmk003_client_id_of_an_identity_the_registry_does_not_assign_is_reported()
    {
        var t = new CmkChainTemplate { IdentityValue = "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-other')).clientId]" };
        t.Add("""{ "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "id-other", "location": "westeurope" }""");
        var json = t.Build();
        var finding = Single(Lint(json), "CMK003", Level.Error, Locate(json, IdentityAt, "reference("));
        Assert.Contains("does not assign", finding.Message);
    }

    [Fact]
    public void Cmk003_identity_known_only_by_resource_id_and_assigned_by_the_same_id_is_clean()
    {
        var t = new CmkChainTemplate
        {
            IncludeIdentity = false,
            IdentityValue = "[reference(resourceId('shared-rg', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-shared'), '2023-01-31').clientId]",
            RegistryIdentity = """{ "type": "UserAssigned", "userAssignedIdentities": { "[resourceId('shared-rg', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-shared')]": {} } }""",
        };
        Assert.Empty(Of(t.Lint(includeInconclusive: true), "CMK003"));
    }

    [Fact]
    public void Cmk003_literal_guid_is_inconclusive_not_a_violation()
    {
        var t = new CmkChainTemplate { IdentityValue = "00000000-1111-2222-3333-444444444444" };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK003"));
        var open = Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK003"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
        Assert.Equal(Locate(json, "\"identity\": ", "\"00000000"), open.Span.StartPosition);
    }

    [Fact]
    public void Cmk003_unknown_parameter_is_inconclusive_naming_it()
    {
        var t = new CmkChainTemplate { Parameters = """{ "identityClientId": { "type": "string" } }""", IdentityValue = "[parameters('identityClientId')]" };
        var json = t.Build();
        Assert.Empty(Of(Lint(json), "CMK003"));
        var open = Assert.Single(Of(Lint(json, includeInconclusive: true), "CMK003"));
        Assert.Contains("identityClientId", open.Message);
    }

    [Fact]
    public void Cmk003_identity_assigned_by_a_literal_id_in_another_subscription_cannot_be_compared_and_is_inconclusive()
    {
        var t = new CmkChainTemplate
        {
            RegistryIdentity = """{ "type": "UserAssigned", "userAssignedIdentities": { "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-acr": {} } }""",
        };
        var findings = t.Lint(includeInconclusive: true);
        var open = Assert.Single(Of(findings, "CMK003"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
    }

    [Fact]
    public void Cmk003_case_variations_of_property_names_and_status_are_recognised()
    {
        var t = new CmkChainTemplate { KeyVaultProperties = "{ \"KeyIdentifier\": \"" + KeyUri + "\", \"IDENTITY\": \"" + PrincipalId + "\" }" };
        var json = t.Build().Replace("\"status\": \"enabled\"", "\"Status\": \"Enabled\"").Replace("\"keyVaultProperties\"", "\"KeyVaultProperties\"");
        Single(Lint(json), "CMK003", Level.Error, Locate(json, "\"IDENTITY\": \"", "reference("));
    }
}
