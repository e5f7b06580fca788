using System;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.PreviousState;
using CmkLint.Rules;
using Xunit;

namespace CmkLint.Rules.Tests.PreviousState;

/// <summary>Previous-state rules against exports of deployed resources (<c>az acr show</c>, <c>az resource list</c>, ARM export).</summary>
public sealed class DeployedStateTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cmklint-deployed-" + Guid.NewGuid().ToString("N"));

    public DeployedStateTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Cmk008_template_disabling_cmk_of_az_acr_show_registry_is_reported()
    {
        string export = Fixture("az-acr-show-cmk.json");

        var result = Lint(new ArmRegistryTemplate { EncryptionStatus = "disabled" }, export);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK008");
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal("deployed:" + export.Replace('\\', '/'), finding.Comparison);
        var related = Assert.Single(finding.Related);
        Assert.EndsWith("az-acr-show-cmk.json", related.Span.File!.Path, StringComparison.Ordinal);
        Assert.Equal("\"enabled\"", related.Span.Text);
    }

    [Fact]
    public void Cmk007_template_enabling_cmk_on_az_acr_show_registry_without_it_is_reported()
    {
        var result = Lint(new ArmRegistryTemplate(), Fixture("az-acr-show-no-cmk.json"));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK007");
        Assert.Contains("with encryption 'disabled'", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "CMK008" or "CMK016");
    }

    [Fact]
    public void Cmk007_the_one_rule_that_checks_earlier_declarations_also_compares_with_the_deployed_state()
    {
        string path = Path.Combine(folder, "main.json");
        File.WriteAllText(path, new ArmRegistryTemplate().Text);
        var options = new LintOptions { Parallel = false, Rules = new IRule[] { new CmkOnlyAtCreationRule() } };
        options.Previous.Add(PreviousStateSource.DeployedExport(Fixture("az-acr-show-no-cmk.json")));

        var result = new LintEngine(options).Analyze(new[] { path });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CMK007", finding.RuleId);
        Assert.StartsWith("deployed:", finding.Comparison, StringComparison.Ordinal);
        Assert.Contains("with encryption 'disabled'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cmk016_template_dropping_the_exported_encryption_identity_is_reported()
    {
        var result = Lint(new ArmRegistryTemplate { IdentityType = "SystemAssigned", AssignIdentity = false }, Fixture("az-acr-show-cmk.json"));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK016");
        Assert.Contains("'acr-cmk-identity'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("\"7c1f1f4e-3a57-4d2e-9a8b-5d1b7e0c2f11\"", finding.Related[0].Span.Text);
    }

    [Fact]
    public void Template_matching_the_exported_registry_is_not_reported()
    {
        var result = Lint(new ArmRegistryTemplate(), Fixture("az-acr-show-cmk.json"));

        Assert.DoesNotContain(result.Findings, f => f.Comparison is not null);
        Assert.Empty(result.ComparisonErrors);
    }

    [Fact]
    public void Registry_with_another_name_than_the_exported_one_is_new()
    {
        var result = Lint(new ArmRegistryTemplate { RegistryName = "fabrikamacr" }, Fixture("az-acr-show-no-cmk.json"));

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK007");
    }

    [Fact]
    public void Az_resource_list_without_properties_is_inconclusive_not_a_violation()
    {
        string export = Fixture("az-resource-list.json");

        var quiet = Lint(new ArmRegistryTemplate { EncryptionStatus = "disabled" }, export);
        var open = Lint(new ArmRegistryTemplate { EncryptionStatus = "disabled" }, export, includeInconclusive: true);

        Assert.DoesNotContain(quiet.Findings, f => f.Comparison is not null);
        var finding = Assert.Single(open.Findings, f => f.RuleId == "CMK008");
        Assert.Equal(FindingKind.Inconclusive, finding.Kind);
        Assert.Contains("az resource list", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Az_resource_show_array_is_matched_by_type_and_name()
    {
        var result = Lint(new ArmRegistryTemplate(), Fixture("az-resource-show-ids.json"));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK007");
        Assert.Equal("\"disabled\"", finding.Related[0].Span.Text);
    }

    [Fact]
    public void Arm_export_is_evaluated_as_a_template()
    {
        var result = Lint(new ArmRegistryTemplate { EncryptionStatus = "disabled" }, Fixture("az-group-export.json"));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK008");
        Assert.Equal("\"enabled\"", finding.Related[0].Span.Text);
    }

    [Fact]
    public void Export_that_is_not_a_resource_is_a_clear_error()
    {
        string path = Path.Combine(folder, "state.json");
        File.WriteAllText(path, "{ \"subscriptions\": [] }");

        string? error = PreviousStateSource.DeployedExport(path).Open();

        Assert.Contains("is not a resource export", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_with_invalid_json_names_the_line()
    {
        string path = Path.Combine(folder, "state.json");
        File.WriteAllText(path, "{\n  \"id\": \"/subscriptions/x\",\n  \"name\": \n}");

        string? error = PreviousStateSource.DeployedExport(path).Open();

        Assert.Contains("not valid JSON at line", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_export_is_a_clear_error()
    {
        var result = Lint(new ArmRegistryTemplate(), Path.Combine(folder, "missing.json"));

        Assert.Contains("cannot read the deployed state", Assert.Single(result.ComparisonErrors), StringComparison.Ordinal);
    }

    private LintResult Lint(ArmRegistryTemplate template, string export, bool includeInconclusive = false)
    {
        string path = Path.Combine(folder, "main.json");
        File.WriteAllText(path, template.Text);
        var options = new LintOptions { Parallel = false, IncludeInconclusive = includeInconclusive };
        options.Previous.Add(PreviousStateSource.DeployedExport(export));
        return new LintEngine(options).Analyze(new[] { path });
    }

    private static string Fixture(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CmkLint.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory!.FullName, "tests", "CmkLint.Rules.Tests", "PreviousState", "Fixtures", name);
    }
}
