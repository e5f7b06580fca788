using System.Collections.Generic;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>One problem found from several entry points (defaults, a parameters file) is one finding with one fingerprint.</summary>
public sealed class EntryPointContextTests
{
    private const string Parameters = "\n    \"registryName\": { \"type\": \"string\", \"defaultValue\": \"acr1\" },\n    \"sku\": { \"type\": \"string\", \"defaultValue\": \"Standard\" }\n  ";

    private static readonly string Template = ArmTemplate(Registry(Encryption(), name: "[parameters('registryName')]", sku: "[parameters('sku')]"), Parameters);

    private static string ParametersFile(string name, string sku) =>
        "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n" +
        "  \"parameters\": { \"registryName\": { \"value\": \"" + name + "\" }, \"sku\": { \"value\": \"" + sku + "\" } }\n}\n";

    [Fact]
    public void Arm_same_problem_with_defaults_and_with_a_parameters_file_is_one_finding_with_a_stable_fingerprint()
    {
        var alone = Assert.Single(Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = Template }).Of("CMK001"));

        var both = Lint.Files(new Dictionary<string, string>
        {
            ["/virtual/main.json"] = Template,
            ["/virtual/main.parameters.json"] = ParametersFile("acr2", "Standard"),
        });
        var finding = Assert.Single(both.Of("CMK001"));
        Assert.Equal(alone.Fingerprint, finding.Fingerprint);
        Assert.Equal(new[] { "main.json (defaults)", "main.json with /virtual/main.parameters.json" }, finding.Contexts);
        Assert.DoesNotContain("Holds for", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Arm_problem_that_holds_only_with_defaults_names_where_it_holds()
    {
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["/virtual/main.json"] = Template,
            ["/virtual/main.parameters.json"] = ParametersFile("acr2", "Premium"),
        });
        var finding = Assert.Single(result.Of("CMK001"));
        Assert.Equal(new[] { "main.json (defaults)" }, finding.Contexts);
        Assert.EndsWith("Holds for main.json (defaults); not for main.json with /virtual/main.parameters.json.", finding.Message, System.StringComparison.Ordinal);
    }
}
