using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

public sealed class FlagTests
{
    [Fact]
    public void Without_paths_the_current_folder_is_linted()
    {
        using var tree = new TempTree();
        tree.Write("deep/er/main.json", Templates.Registry("Standard"));
        var result = tree.Run();
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("deep/er/main.json(11,17): error CMK001", result.Out);
    }

    [Fact]
    public void Clean_templates_exit_0_with_a_summary()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium"));
        var result = tree.Run(".");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^0 errors, 0 warnings in 0 of 1 file \(\d+\.\d\d s\)\n$", result.Out);
    }

    [Fact]
    public void Parameters_option_analyses_the_template_with_that_file()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.RegistryWithSkuParameter("Premium"));
        tree.Write("prod.values.json", Templates.Parameters("Standard"));
        Assert.Equal(0, tree.Run("main.json").ExitCode);
        var result = tree.Run("main.json", "--parameters", "prod.values.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CMK001", result.Out);
        Assert.Contains("prod.values.json", result.Out);
    }

    [Fact]
    public void Parameters_option_with_a_folder_or_several_paths_is_a_usage_error()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.RegistryWithSkuParameter("Premium"));
        tree.Write("prod.values.json", Templates.Parameters("Standard"));
        var result = tree.Run(".", "--parameters", "prod.values.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--parameters applies to exactly one template file", result.Error);
        Assert.Equal(2, tree.Run("main.json", "--parameters", "missing.json").ExitCode);
    }

    [Fact]
    public void Config_option_reads_that_file()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard"));
        tree.Write("settings/lint.json", "{ \"rules\": { \"cmk-requires-premium\": \"off\" } }");
        Assert.Equal(1, tree.Run().ExitCode);
        var result = tree.Run("main.json", "--config", "settings/lint.json");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CMK001", result.Out);
        Assert.Equal(2, tree.Run("--config", "nope.json").ExitCode);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Fail_level_decides_whether_a_warning_fails_the_run(string failLevel, int expected)
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard"));
        tree.Write("cmklint.json", "{ \"rules\": { \"CMK001\": \"warning\" } }");
        var result = tree.Run("main.json", "--fail-level", failLevel);
        Assert.Equal(expected, result.ExitCode);
        Assert.Contains("warning CMK001", result.Out);
    }

    [Fact]
    public void Fail_level_defaults_to_error_and_none_never_fails()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard"));
        Assert.Equal(1, tree.Run().ExitCode);
        Assert.Equal(0, tree.Run("--fail-level", "none").ExitCode);
        Assert.Equal(2, tree.Run("--fail-level", "fatal").ExitCode);
    }

    [Fact]
    public void Inconclusive_checks_are_shown_only_when_asked_for_and_never_fail()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.RegistryWithSkuParameter(null));
        var hidden = tree.Run();
        Assert.Equal(0, hidden.ExitCode);
        Assert.DoesNotContain("CMK001", hidden.Out);

        var shown = tree.Run("--include-inconclusive");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("inconclusive CMK001: Could not check", shown.Out);
        Assert.Contains("1 inconclusive", shown.Out);

        var sarif = JObject.Parse(tree.Run("--include-inconclusive", "-f", "sarif").Out);
        var result = sarif["runs"]![0]!["results"]![0]!;
        Assert.Equal("open", (string)result["kind"]!);
        Assert.Equal("none", (string)result["level"]!);
        Assert.Empty((JArray)JObject.Parse(tree.Run("-f", "sarif").Out)["runs"]![0]!["results"]!);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        using var tree = new TempTree();
        var result = tree.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", result.Out);
    }

    [Fact]
    public void Help_lists_every_option_with_examples_and_exit_codes()
    {
        using var tree = new TempTree();
        var result = tree.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--format", "--output", "--parameters", "--config", "--fail-level", "--include-inconclusive", "--no-color", "--quiet", "--verbose", "--version", "--baseline", "--write-baseline", "Examples:", "Exit codes:" })
        {
            Assert.Contains(option, result.Out);
        }
    }

    [Fact]
    public void Unknown_options_and_bad_values_are_usage_errors_with_one_line_messages()
    {
        using var tree = new TempTree();
        var unknown = tree.Run("--bogus");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("cmklint: unknown option '--bogus' (run 'cmklint --help' for the options)\n", unknown.Error);
        var badFormat = tree.Run("--format", "xml");
        Assert.Equal(2, badFormat.ExitCode);
        Assert.StartsWith("cmklint: --format: 'xml' is not one of text, json, sarif, github\n", badFormat.Error);
        Assert.DoesNotContain("   at ", badFormat.Error);
        var missing = tree.Run("does-not-exist.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("cmklint: no such file or folder: does-not-exist.json\n", missing.Error);
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_exit_2_with_the_reason()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium"));
        tree.Write("taken/file", "x");
        var result = tree.Run("main.json", "-o", "taken/file/report.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cmklint: cannot write taken/file/report.txt", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Verbose_shows_suppressed_findings_with_their_justification()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard", registryMetadata: "{ \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK001\", \"justification\": \"migrating in Q3\" } ] } }"));
        var normal = tree.Run();
        Assert.DoesNotContain("CMK001", normal.Out);
        var verbose = tree.Run("--verbose");
        Assert.Contains("error CMK001", verbose.Out);
        Assert.Contains("(suppressed inSource: migrating in Q3)", verbose.Out);
        Assert.Equal(normal.Out.Split('\n').Last(l => l.Length > 0).Substring(0, 30), verbose.Out.Split('\n').Last(l => l.Length > 0).Substring(0, 30));
    }
}
