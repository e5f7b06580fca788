using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Rules;

public class Cmk006Tests
{
    private static string Trust(string status, string policies = "policies", string trustPolicy = "trustPolicy", string key = "status") =>
        "        \"" + policies + "\": { \"" + trustPolicy + "\": { \"type\": \"Notary\", \"" + key + "\": \"" + status + "\" } }";

    [Fact]
    public void Cmk006_content_trust_on_cmk_registry_is_reported_on_trust_status()
    {
        string json = ArmTemplate(Registry(Encryption() + ",\n" + Trust("enabled")));
        var result = Lint.Json(json);
        var finding = Assert.Single(result.Of("CMK006"));
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal(FindingKind.Violation, finding.Kind);
        Assert.Equal(Lint.Locate(json, "\"enabled\"", 1), finding.Position());
        Assert.Contains("acr1", finding.Message);
        Assert.Contains(finding.Related, r => r.Span.StartPosition.Line == Lint.Locate(json, "\"encryption\"").Line);
    }

    [Fact]
    public void Cmk006_case_variations_of_names_and_values_are_reported()
    {
        string json = ArmTemplate(Registry("        \"Encryption\": { \"Status\": \"Enabled\" },\n" + Trust("Enabled", "Policies", "TrustPolicy", "Status")));
        var finding = Assert.Single(Lint.Json(json).Of("CMK006"));
        Assert.Equal(Lint.Locate(json, "\"Enabled\"", 1), finding.Position());
    }

    [Fact]
    public void Cmk006_content_trust_disabled_is_clean()
    {
        string json = ArmTemplate(Registry(Encryption() + ",\n" + Trust("disabled")));
        Assert.Empty(Lint.Json(json, includeInconclusive: true).Of("CMK006"));
    }

    [Fact]
    public void Cmk006_content_trust_without_cmk_is_clean()
    {
        string json = ArmTemplate(Registry(Encryption("disabled") + ",\n" + Trust("enabled")));
        Assert.Empty(Lint.Json(json, includeInconclusive: true).Of("CMK006"));
        string noEncryption = ArmTemplate(Registry(Trust("enabled")));
        Assert.Empty(Lint.Json(noEncryption, includeInconclusive: true).Of("CMK006"));
    }

    [Fact]
    public void Cmk006_only_the_copy_instance_with_trust_on_is_reported()
    {
        string json = ArmTemplate(Registry(
            Encryption() + ",\n" + Trust("[if(equals(copyIndex(), 1), 'enabled', 'disabled')]"),
            name: "[concat('acr', copyIndex())]",
            extra: "      \"copy\": { \"name\": \"registries\", \"count\": 3 },\n"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK006"));
        Assert.Contains("acr1", finding.Message);
        Assert.Equal(Lint.Locate(json, "\"[if(equals(copyIndex(), 1)").Line, finding.Position().Line);
    }

    [Fact]
    public void Cmk006_condition_false_drops_the_registry_and_condition_true_keeps_it()
    {
        string Conditioned(string condition) => ArmTemplate(
            Registry(Encryption() + ",\n" + Trust("enabled"), extra: "      \"condition\": " + condition + ",\n"),
            parameters: "\"deployAcr\": { \"type\": \"bool\", \"defaultValue\": false }");
        Assert.Empty(Lint.Json(Conditioned("\"[parameters('deployAcr')]\"")).Of("CMK006"));
        Assert.Single(Lint.Json(Conditioned("\"[not(parameters('deployAcr'))]\"")).Of("CMK006"));
    }

    [Fact]
    public void Cmk006_trust_status_from_unknown_parameter_is_inconclusive_not_a_violation()
    {
        string json = ArmTemplate(Registry(Encryption() + ",\n" + Trust("[parameters('trust')]")), parameters: "\"trust\": { \"type\": \"string\" }");
        Assert.Empty(Lint.Json(json).Of("CMK006"));
        var open = Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK006"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
        Assert.Contains("trust", open.Message);
        Assert.Equal(Lint.Locate(json, "parameters('trust')]"), open.Position());
    }

    [Fact]
    public void Cmk006_unknown_encryption_status_with_trust_on_is_inconclusive()
    {
        string json = ArmTemplate(Registry("        \"encryption\": { \"status\": \"[parameters('cmk')]\" },\n" + Trust("enabled")), parameters: "\"cmk\": { \"type\": \"string\" }");
        Assert.Empty(Lint.Json(json).Of("CMK006"));
        var open = Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK006"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
        Assert.Contains("cmk", open.Message);
    }

    [Fact]
    public void Cmk006_allowed_trust_value_other_than_the_default_is_a_warning_naming_it()
    {
        string json = ArmTemplate(
            Registry(Encryption() + ",\n" + Trust("[parameters('trust')]")),
            parameters: "\"trust\": { \"type\": \"string\", \"defaultValue\": \"disabled\", \"allowedValues\": [ \"disabled\", \"enabled\" ] }");
        var finding = Assert.Single(Lint.Json(json).Of("CMK006"));
        Assert.Equal(Level.Warning, finding.Level);
        Assert.Contains("'enabled'", finding.Message);
    }

    [Fact]
    public void Cmk006_metadata_suppression_on_the_registry_suppresses_the_finding()
    {
        string json = ArmTemplate(Registry(
            Encryption() + ",\n" + Trust("enabled"),
            extra: "      \"metadata\": { \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK006\", \"justification\": \"test registry\" } ] } },\n"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK006"));
        Assert.True(finding.IsSuppressed);
        Assert.Equal("test registry", finding.Suppression!.Justification);
    }
}
