using System.Collections.Generic;
using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Rules;

public class Cmk001Tests
{
    private const string ParametersSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";

    private static string SkuParameter(string? defaultValue, string allowed = "") =>
        "\"sku\": { \"type\": \"string\"" + (defaultValue is null ? string.Empty : ", \"defaultValue\": \"" + defaultValue + "\"") + allowed + " }";

    private static string ParametersFile(string sku) =>
        "{ \"$schema\": \"" + ParametersSchema + "\", \"contentVersion\": \"1.0.0.0\", \"parameters\": { \"sku\": { \"value\": \"" + sku + "\" } } }";

    [Fact]
    public void Cmk001_literal_standard_sku_with_cmk_is_reported_on_sku_name()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "Standard"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal(FindingKind.Violation, finding.Kind);
        Assert.Equal(Lint.Locate(json, "\"Standard\""), finding.Position());
        Assert.Equal((12, 24), finding.Position());
        Assert.Contains("'Standard'", finding.Message);
    }

    [Fact]
    public void Cmk001_premium_sku_or_no_cmk_is_clean()
    {
        Assert.Empty(Lint.Json(ArmTemplate(Registry(Encryption())), includeInconclusive: true).Of("CMK001"));
        Assert.Empty(Lint.Json(ArmTemplate(Registry(Encryption("disabled"), sku: "Basic")), includeInconclusive: true).Of("CMK001"));
    }

    [Fact]
    public void Cmk001_sku_from_parameter_default_is_reported_at_its_use_naming_the_parameter()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "[parameters('sku')]"), parameters: SkuParameter("Basic"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Equal(Lint.Locate(json, "parameters('sku')]"), finding.Position());
        Assert.Contains("parameter 'sku'", finding.Message);
        Assert.Contains(finding.Related, r => r.Span.StartPosition.Line == Lint.Locate(json, "\"sku\": { \"type\"").Line);
    }

    [Fact]
    public void Cmk001_sku_from_conventional_parameters_file_is_reported_naming_the_file()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "[parameters('sku')]"), parameters: SkuParameter("Premium"));
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["/virtual/main.json"] = json,
            ["/virtual/main.parameters.json"] = ParametersFile("Standard"),
        });
        var finding = Assert.Single(result.Of("CMK001"));
        Assert.Equal(Level.Error, finding.Level);
        Assert.Contains("main.parameters.json", finding.Message);

        // The parameters file decides the value: the finding points there, the template's use is related.
        Assert.Equal("/virtual/main.parameters.json", finding.Path);
        Assert.Contains(finding.Related, r => r.Message == "set here from parameter 'sku'" && r.Span.File!.Path == "/virtual/main.json");
    }

    [Fact]
    public void Cmk001_sku_from_explicit_parameters_file_is_reported()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "[parameters('sku')]"), parameters: SkuParameter("Premium"));
        var files = new Dictionary<string, string>
        {
            ["/virtual/main.json"] = json,
            ["/virtual/prod.values.json"] = ParametersFile("Standard"),
        };
        Assert.Empty(Lint.Files(files).Of("CMK001"));
        var result = Lint.Files(files, configure: o => o.ParameterFiles["/virtual/main.json"] = "/virtual/prod.values.json");
        var finding = Assert.Single(result.Of("CMK001"));
        Assert.Contains("prod.values.json", finding.Message);
    }

    [Fact]
    public void Cmk001_sku_from_variable_is_reported()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "[variables('tier')]"), variables: "\"tier\": \"Standard\"");
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Equal(Lint.Locate(json, "\"[variables('tier')]\"").Line, finding.Position().Line);
        Assert.Contains("'Standard'", finding.Message);
    }

    [Fact]
    public void Cmk001_copy_loop_reports_only_the_violating_instance()
    {
        string json = ArmTemplate(Registry(
            Encryption(),
            name: "[concat('acr', copyIndex())]",
            sku: "[if(equals(copyIndex(), 1), 'Standard', 'Premium')]",
            extra: "      \"copy\": { \"name\": \"registries\", \"count\": 3 },\n"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Contains("acr1", finding.Message);
        Assert.DoesNotContain("acr0", finding.Message);
    }

    [Fact]
    public void Cmk001_inner_scope_nested_deployment_finding_points_at_the_parameter_value_and_relates_the_nested_sku_name()
    {
        string inner = ArmTemplate(Registry(Encryption(), sku: "[parameters('sku')]"), parameters: SkuParameter(null));
        string json = ArmTemplate(
            "    {\n" +
            "      \"type\": \"Microsoft.Resources/deployments\",\n" +
            "      \"apiVersion\": \"2022-09-01\",\n" +
            "      \"name\": \"registry\",\n" +
            "      \"properties\": {\n" +
            "        \"mode\": \"Incremental\",\n" +
            "        \"expressionEvaluationOptions\": { \"scope\": \"inner\" },\n" +
            "        \"parameters\": { \"sku\": { \"value\": \"Standard\" } },\n" +
            "        \"template\": " + inner + "\n" +
            "      }\n" +
            "    }");
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Equal(Lint.Locate(json, "\"Standard\" }"), finding.Position());
        var use = Assert.Single(finding.Related, r => r.Message == "set here from parameter 'sku'");
        Assert.Equal(Lint.Locate(json, "parameters('sku')]"), (use.Span.StartPosition.Line, use.Span.StartPosition.Column));
    }

    [Fact]
    public void Cmk001_pascal_case_property_names_are_read()
    {
        string json = ArmTemplate(
            "    {\n" +
            "      \"Type\": \"Microsoft.ContainerRegistry/registries\",\n" +
            "      \"ApiVersion\": \"2023-07-01\",\n" +
            "      \"Name\": \"acr1\",\n" +
            "      \"Location\": \"westeurope\",\n" +
            "      \"Sku\": { \"Name\": \"Standard\" },\n" +
            "      \"Properties\": { \"Encryption\": { \"Status\": \"Enabled\" } }\n" +
            "    }");
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Equal(Lint.Locate(json, "\"Standard\""), finding.Position());
    }

    [Fact]
    public void Cmk001_allowed_standard_with_premium_default_is_one_warning_naming_standard()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "[parameters('sku')]"), parameters: SkuParameter("Premium", ", \"allowedValues\": [ \"Premium\", \"Standard\" ]"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Equal(Level.Warning, finding.Level);
        Assert.Contains("'Standard'", finding.Message);
        Assert.DoesNotContain("'Premium' (an allowed", finding.Message);
    }

    [Fact]
    public void Allowed_values_are_tried_only_for_a_parameter_something_reads()
    {
        // 'tier' has allowed values but nothing reads it: trying them would build three more graphs for nothing.
        // The registry's name costs evaluation steps, so each extra graph would show in the file's steps.
        const string Name = "[concat('acr', uniqueString('x'))]";
        string parameters = SkuParameter("Premium", ", \"allowedValues\": [ \"Premium\", \"Standard\" ]");
        string tier = ", \"tier\": { \"type\": \"string\", \"defaultValue\": \"a\", \"allowedValues\": [ \"a\", \"b\", \"c\", \"d\" ] }";
        string registry = Registry(Encryption(), name: Name, sku: "[parameters('sku')]");
        var withTier = Lint.Json(ArmTemplate(registry, parameters: parameters + tier));
        var withoutTier = Lint.Json(ArmTemplate(registry, parameters: parameters));
        Assert.Equal(Hostile.HostileInput.Steps(withoutTier, Lint.MainPath), Hostile.HostileInput.Steps(withTier, Lint.MainPath));
        Assert.Equal(Level.Warning, Assert.Single(withTier.Of("CMK001")).Level);

        // Once something reads it (here the registry's tags), its values are tried: more steps, the same findings.
        string tagged = Registry(Encryption(), name: Name, sku: "[parameters('sku')]", extra: "      \"tags\": { \"tier\": \"[parameters('tier')]\" },\n");
        var readTier = Lint.Json(ArmTemplate(tagged, parameters: parameters + tier));
        Assert.True(Hostile.HostileInput.Steps(readTier, Lint.MainPath) > Hostile.HostileInput.Steps(withTier, Lint.MainPath));
        Assert.Equal(Level.Warning, Assert.Single(readTier.Of("CMK001")).Level);
    }

    [Fact]
    public void Cmk001_unknown_sku_is_not_a_violation_but_inconclusive_on_request()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "[parameters('sku')]"), parameters: SkuParameter(null));
        Assert.Empty(Lint.Json(json).Of("CMK001"));
        var open = Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK001"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
        Assert.Contains("sku", open.Message);
        Assert.Equal(Lint.Locate(json, "parameters('sku')]"), open.Position());
    }
}
