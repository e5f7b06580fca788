using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Rules;

public class Cmk015Tests
{
    private static string TopLevelTask(string name, string type = "tasks", string extra = "") =>
        "    {\n" +
        "      \"type\": \"Microsoft.ContainerRegistry/registries/" + type + "\",\n" +
        "      \"apiVersion\": \"2019-06-01-preview\",\n" +
        "      \"name\": \"" + name + "\",\n" +
        "      \"location\": \"westeurope\",\n" +
        extra +
        "      \"properties\": { \"platform\": { \"os\": \"Linux\" } }\n" +
        "    }";

    [Theory]
    [InlineData("tasks")]
    [InlineData("taskRuns")]
    [InlineData("runs")]
    [InlineData("TASKS")]
    public void Cmk015_cmk_registry_with_a_task_child_by_name_prefix_is_a_note_on_the_encryption_status(string type)
    {
        string json = ArmTemplate(Registry(Encryption()) + ",\n" + TopLevelTask("acr1/build", type));
        var finding = Assert.Single(Lint.Json(json).Of("CMK015"));
        Assert.Equal(Level.Note, finding.Level);
        Assert.Equal(Lint.Locate(json, "\"enabled\""), finding.Position());
        Assert.Contains("acr1/build", finding.Message);
        var related = Assert.Single(finding.Related);
        Assert.Equal(Lint.Locate(json, "\"name\": \"acr1/build\"").Line, related.Span.StartPosition.Line);
    }

    [Fact]
    public void Cmk015_nested_child_task_resource_is_found()
    {
        string nestedTask = "      \"resources\": [\n" +
            "        { \"type\": \"tasks\", \"apiVersion\": \"2019-06-01-preview\", \"name\": \"build\", \"location\": \"westeurope\", \"dependsOn\": [ \"acr1\" ], \"properties\": { } }\n" +
            "      ],\n";
        string json = ArmTemplate(Registry(Encryption(), extra: nestedTask));
        var finding = Assert.Single(Lint.Json(json).Of("CMK015"));
        Assert.Contains("acr1", finding.Message);
    }

    [Fact]
    public void Cmk015_symbolic_parent_link_is_found()
    {
        string json = "{\n" +
            "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n" +
            "  \"languageVersion\": \"2.0\",\n" +
            "  \"contentVersion\": \"1.0.0.0\",\n" +
            "  \"resources\": {\n" +
            "    \"acr\": { \"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-07-01\", \"name\": \"acr1\", \"location\": \"westeurope\", \"sku\": { \"name\": \"Premium\" },\n" +
            "      \"properties\": { \"encryption\": { \"status\": \"enabled\" } } },\n" +
            "    \"nightly\": { \"type\": \"Microsoft.ContainerRegistry/registries/taskRuns\", \"apiVersion\": \"2019-06-01-preview\", \"name\": \"[format('{0}/{1}', 'acr1', 'nightly')]\", \"dependsOn\": [ \"acr\" ], \"properties\": { } }\n" +
            "  }\n" +
            "}\n";
        var finding = Assert.Single(Lint.Json(json).Of("CMK015"));
        Assert.Contains("nightly", finding.Message);
    }

    [Fact]
    public void Cmk015_tasks_of_another_registry_or_without_cmk_are_clean()
    {
        Assert.Empty(Lint.Json(ArmTemplate(Registry(Encryption()) + ",\n" + TopLevelTask("acr2/build")), includeInconclusive: true).Of("CMK015"));
        Assert.Empty(Lint.Json(ArmTemplate(Registry(Encryption("disabled")) + ",\n" + TopLevelTask("acr1/build")), includeInconclusive: true).Of("CMK015"));
        Assert.Empty(Lint.Json(ArmTemplate(Registry(Encryption())), includeInconclusive: true).Of("CMK015"));
    }

    [Fact]
    public void Cmk015_copy_loop_tasks_are_one_note_naming_each_task()
    {
        string json = ArmTemplate(Registry(Encryption()) + ",\n" + TopLevelTask("[concat('acr1/build', copyIndex())]", extra: "      \"copy\": { \"name\": \"tasks\", \"count\": 2 },\n"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK015"));
        Assert.Contains("build0", finding.Message);
        Assert.Contains("build1", finding.Message);
        Assert.Equal(2, finding.Related.Count);
    }

    [Fact]
    public void Cmk015_task_with_a_false_condition_is_clean()
    {
        string json = ArmTemplate(Registry(Encryption()) + ",\n" + TopLevelTask("acr1/build", extra: "      \"condition\": \"[equals('a', 'b')]\",\n"));
        Assert.Empty(Lint.Json(json, includeInconclusive: true).Of("CMK015"));
    }

    [Fact]
    public void Cmk015_task_of_an_unknown_registry_name_is_inconclusive()
    {
        string json = ArmTemplate(Registry(Encryption()) + ",\n" + TopLevelTask("[concat(parameters('acr'), '/build')]"), parameters: "\"acr\": { \"type\": \"string\" }");
        Assert.Empty(Lint.Json(json).Of("CMK015"));
        var open = Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK015"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
    }

    [Fact]
    public void Cmk015_unknown_encryption_status_with_tasks_is_inconclusive()
    {
        string json = ArmTemplate(Registry("        \"encryption\": { \"status\": \"[parameters('cmk')]\" }") + ",\n" + TopLevelTask("acr1/build"), parameters: "\"cmk\": { \"type\": \"string\" }");
        Assert.Empty(Lint.Json(json).Of("CMK015"));
        Assert.Equal(FindingKind.Inconclusive, Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK015")).Kind);
    }
}
