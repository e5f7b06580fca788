using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Rules;

public class Cmk007Tests
{
    private const string DependsOnAcr1 = "      \"dependsOn\": [ \"[resourceId('Microsoft.ContainerRegistry/registries', 'acr1')]\" ],\n";

    private static string Plain(string extra = "") => Registry("        \"adminUserEnabled\": false", extra: extra);

    private static string Cmk(string extra = "", string status = "enabled") => Registry(Encryption(status), extra: extra);

    [Fact]
    public void Cmk007_registry_declared_without_cmk_then_with_cmk_is_reported_on_the_later_status()
    {
        string json = ArmTemplate(Plain() + ",\n" + Cmk(DependsOnAcr1));
        var finding = Assert.Single(Lint.Json(json).Of("CMK007"));
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal(FindingKind.Violation, finding.Kind);
        Assert.Equal(Lint.Locate(json, "\"enabled\""), finding.Position());
        Assert.Null(finding.Comparison);
        var related = Assert.Single(finding.Related);
        Assert.Equal(Lint.Locate(json, "\"name\": \"acr1\"").Line, related.Span.StartPosition.Line);
    }

    [Fact]
    public void Cmk007_document_order_decides_when_there_is_no_dependency()
    {
        Assert.Single(Lint.Json(ArmTemplate(Plain() + ",\n" + Cmk())).Of("CMK007"));
        Assert.Empty(Lint.Json(ArmTemplate(Cmk() + ",\n" + Plain())).Of("CMK007"));
    }

    [Fact]
    public void Cmk007_depends_on_order_wins_over_document_order()
    {
        // The nested CMK declaration comes first in the file but waits for the plain one, so the plain one is created first.
        string json = ArmTemplate(NestedCmk(DependsOnAcr1) + ",\n" + Plain());
        Assert.Single(Lint.Json(json).Of("CMK007"));

        // The plain declaration comes first in the file but waits for the nested CMK one: the registry is created with CMK.
        string reversed = ArmTemplate(Plain("      \"dependsOn\": [ \"enable-cmk\" ],\n") + ",\n" + NestedCmk());
        Assert.Empty(Lint.Json(reversed, includeInconclusive: true).Of("CMK007"));
    }

    /// <summary>A nested deployment (inner scope, same resource group) that declares acr1 with CMK.</summary>
    private static string NestedCmk(string extra = "", string resourceGroup = "") =>
        "    {\n" +
        "      \"type\": \"Microsoft.Resources/deployments\",\n" +
        "      \"apiVersion\": \"2022-09-01\",\n" +
        "      \"name\": \"enable-cmk\",\n" +
        resourceGroup +
        extra +
        "      \"properties\": {\n" +
        "        \"mode\": \"Incremental\",\n" +
        "        \"expressionEvaluationOptions\": { \"scope\": \"inner\" },\n" +
        "        \"template\": " + ArmTemplate(Cmk()).Replace("\n", "\n        ") + "\n" +
        "      }\n" +
        "    }";

    [Fact]
    public void Cmk007_two_cmk_declarations_or_different_names_are_clean()
    {
        Assert.Empty(Lint.Json(ArmTemplate(Cmk() + ",\n" + Cmk(DependsOnAcr1)), includeInconclusive: true).Of("CMK007"));
        string differentNames = ArmTemplate(Registry("        \"adminUserEnabled\": false", name: "acr0") + ",\n" + Cmk());
        Assert.Empty(Lint.Json(differentNames, includeInconclusive: true).Of("CMK007"));
    }

    [Fact]
    public void Cmk007_case_variations_of_the_name_and_status_are_the_same_registry()
    {
        string json = ArmTemplate(Registry("        \"adminUserEnabled\": false", name: "ACR1") + ",\n" + Registry("        \"Encryption\": { \"Status\": \"Enabled\" }"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK007"));
        Assert.Equal(Lint.Locate(json, "\"Enabled\""), finding.Position());
    }

    [Fact]
    public void Cmk007_inner_nested_deployment_redeclaring_the_registry_with_cmk_is_reported_in_the_nested_template()
    {
        string json = ArmTemplate(Plain() + ",\n" + NestedCmk(DependsOnAcr1));
        var finding = Assert.Single(Lint.Json(json).Of("CMK007"));
        Assert.Equal(Lint.Locate(json, "\"enabled\""), finding.Position());
    }

    [Fact]
    public void Cmk007_same_name_in_another_resource_group_is_a_different_registry()
    {
        string json = ArmTemplate(Plain() + ",\n" + NestedCmk(DependsOnAcr1, "      \"resourceGroup\": \"rg-other\",\n"));
        Assert.Empty(Lint.Json(json, includeInconclusive: true).Of("CMK007"));
    }

    [Fact]
    public void Cmk007_copy_loop_that_declares_one_name_twice_reports_the_cmk_iteration()
    {
        string json = ArmTemplate(Registry(
            "        \"encryption\": { \"status\": \"[if(equals(copyIndex(), 0), 'disabled', 'enabled')]\" }",
            extra: "      \"copy\": { \"name\": \"twice\", \"count\": 2, \"mode\": \"serial\", \"batchSize\": 1 },\n"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK007"));
        Assert.Contains("acr1[1]", finding.Message);
    }

    [Fact]
    public void Cmk007_generated_names_are_the_same_only_when_built_from_the_same_runtime_values()
    {
        const string Generated = "[concat('acr', uniqueString(resourceGroup().id))]";
        string same = ArmTemplate(Registry("        \"adminUserEnabled\": false", name: Generated) + ",\n" + Registry(Encryption(), name: Generated));
        Assert.Single(Lint.Json(same).Of("CMK007"));

        string other = ArmTemplate(Registry("        \"adminUserEnabled\": false", name: Generated) + ",\n" + Registry(Encryption(), name: "[concat('acr', uniqueString(subscription().id))]"));
        Assert.Empty(Lint.Json(other, includeInconclusive: true).Of("CMK007"));
    }

    [Fact]
    public void Cmk007_conditional_earlier_declaration_that_is_dropped_is_clean()
    {
        string json = ArmTemplate(Plain("      \"condition\": false,\n") + ",\n" + Cmk());
        Assert.Empty(Lint.Json(json, includeInconclusive: true).Of("CMK007"));
    }

    [Fact]
    public void Cmk007_unknown_earlier_status_is_inconclusive_and_unknown_name_is_not_compared()
    {
        string unknownStatus = ArmTemplate(
            Registry("        \"encryption\": { \"status\": \"[parameters('before')]\" }") + ",\n" + Cmk(DependsOnAcr1),
            parameters: "\"before\": { \"type\": \"string\" }");
        Assert.Empty(Lint.Json(unknownStatus).Of("CMK007"));
        var open = Assert.Single(Lint.Json(unknownStatus, includeInconclusive: true).Of("CMK007"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
        Assert.Contains("before", open.Message);

        string unknownName = ArmTemplate(
            Registry("        \"adminUserEnabled\": false", name: "[parameters('name')]") + ",\n" + Cmk(),
            parameters: "\"name\": { \"type\": \"string\" }");
        Assert.Empty(Lint.Json(unknownName, includeInconclusive: true).Of("CMK007"));
    }

    [Fact]
    public void Cmk007_existing_registry_declared_earlier_is_inconclusive()
    {
        string json = "{\n" +
            "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n" +
            "  \"languageVersion\": \"2.0\",\n" +
            "  \"contentVersion\": \"1.0.0.0\",\n" +
            "  \"resources\": {\n" +
            "    \"current\": { \"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-07-01\", \"name\": \"acr1\", \"existing\": true },\n" +
            "    \"acr\": {\n" +
            "      \"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-07-01\", \"name\": \"acr1\", \"location\": \"westeurope\",\n" +
            "      \"sku\": { \"name\": \"Premium\" },\n" +
            "      \"properties\": {\n" + Encryption() + "\n      }\n" +
            "    }\n" +
            "  }\n" +
            "}\n";
        Assert.Empty(Lint.Json(json).Of("CMK007"));
        var open = Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK007"));
        Assert.Contains("existing", open.Message);
    }
}
