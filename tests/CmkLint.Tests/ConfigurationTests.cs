using System.IO;
using Xunit;

namespace CmkLint.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Configuration_is_found_in_a_parent_folder()
    {
        using var tree = new TempTree();
        tree.Write("cmklint.json", "{ \"rules\": { \"CMK001\": \"note\" } }");
        tree.Write("infra/app/main.json", Templates.Registry("Standard"));
        var result = CliHarness.Run(Path.Combine(tree.Root, "infra", "app"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("main.json(11,17): note CMK001", result.Out);
    }

    [Fact]
    public void Rule_levels_can_be_set_by_id_or_by_name()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard"));
        tree.Write("cmklint.json", "{ \"rules\": { \"cmk-requires-premium\": \"warning\" } }");
        Assert.Contains("warning CMK001", tree.Run().Out);
        tree.Write("cmklint.json", "{ \"rules\": { \"CMK001\": \"off\" } }");
        var off = tree.Run();
        Assert.Equal(0, off.ExitCode);
        Assert.DoesNotContain("CMK001", off.Out);
    }

    [Fact]
    public void Include_and_exclude_globs_choose_the_discovered_files()
    {
        using var tree = new TempTree();
        tree.Write("infra/a.json", Templates.Registry("Standard", "a"));
        tree.Write("infra/legacy/b.json", Templates.Registry("Standard", "b"));
        tree.Write("other/c.json", Templates.Registry("Standard", "c"));
        tree.Write("cmklint.json", "{ \"include\": [\"infra/**\"], \"exclude\": [\"**/legacy/**\"] }");
        var result = tree.Run();
        Assert.Contains("infra/a.json", result.Out);
        Assert.DoesNotContain("b.json", result.Out);
        Assert.DoesNotContain("c.json", result.Out);

        // A file named on the command line is linted even when excluded.
        Assert.Contains("infra/legacy/b.json", tree.Run("infra/legacy/b.json").Out);
    }

    [Fact]
    public void Parameters_mapping_binds_a_parameters_file_to_templates()
    {
        using var tree = new TempTree();
        tree.Write("infra/main.json", Templates.RegistryWithSkuParameter("Premium"));
        tree.Write("env/prod.json", Templates.Parameters("Basic"));
        Assert.Equal(0, tree.Run("infra").ExitCode);
        tree.Write("cmklint.json", "{ \"parameters\": { \"infra/*.json\": \"env/prod.json\" } }");
        var result = tree.Run("infra");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'Basic'", result.Out);
    }

    [Fact]
    public void Suppress_entries_accept_a_rule_in_some_paths_as_external_suppressions()
    {
        using var tree = new TempTree();
        tree.Write("legacy/old.json", Templates.Registry("Standard", "old"));
        tree.Write("new.json", Templates.Registry("Standard", "new"));
        tree.Write("cmklint.json", "{ \"suppress\": [ { \"rule\": \"cmk-requires-premium\", \"paths\": [\"legacy/**\"], \"justification\": \"retired in May\" } ] }");
        var result = tree.Run();
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("old.json", result.Out);
        Assert.Contains("new.json", result.Out);
        Assert.Contains("1 suppressed", result.Out);
        var sarif = Newtonsoft.Json.Linq.JObject.Parse(tree.Run("-f", "sarif").Out);
        var suppressed = sarif["runs"]![0]!["results"]![0]!;
        Assert.Equal("legacy/old.json", (string)suppressed["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.Equal("external", (string)suppressed["suppressions"]![0]!["kind"]!);
        Assert.Equal("retired in May", (string)suppressed["suppressions"]![0]!["justification"]!);
    }

    [Theory]
    [InlineData("{ \"rules\": { \"CMK001\": \"error\" ", "cmklint.json(1,")]
    [InlineData("{\n  \"rules\": {\n    \"CMK999\": \"error\"\n  }\n}", "cmklint.json(3,5): error: unknown rule 'CMK999'")]
    [InlineData("{\n  \"rules\": {\n    \"CMK001\": \"fatal\"\n  }\n}", "cmklint.json(3,15): error: invalid level for 'CMK001'")]
    [InlineData("{\n  \"rulez\": {}\n}", "cmklint.json(2,3): error: unknown setting 'rulez'")]
    [InlineData("{\n  \"include\": 3\n}", "cmklint.json(2,14): error: 'include' must be an array")]
    [InlineData("{\n  \"parameters\": { \"main.json\": \"missing.parameters.json\" }\n}", "cmklint.json(2,32): error: parameters file 'missing.parameters.json' does not exist")]
    [InlineData("{\n  \"suppress\": [ { \"paths\": [\"a/**\"] } ]\n}", "cmklint.json(2,17): error: a 'suppress' entry needs a 'rule'")]
    [InlineData("[]", "cmklint.json(1,1): error: the configuration must be a JSON object")]
    public void Invalid_configuration_is_exit_2_with_line_and_column(string config, string expected)
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard"));
        tree.Write("cmklint.json", config);
        var result = tree.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Contains("nothing was linted", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }
}
