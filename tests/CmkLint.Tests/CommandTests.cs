using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

/// <summary><c>rules</c>, <c>explain</c>, <c>--select</c>/<c>--ignore</c>, <c>--format github</c>, <c>--statistics</c>, <c>-V</c>, <c>--show-config</c> and the suggestions for mistakes.</summary>
public class CommandTests
{
    [Fact]
    public void Rules_lists_every_rule_one_line_each_with_the_configured_level()
    {
        using var tree = new TempTree();
        tree.Write("cmklint.json", "{ \"rules\": { \"cmk-grant-before-registry\": \"error\" } }");
        var result = tree.Run("rules");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("ID ", lines[0]);
        Assert.Equal(Rules.RuleCatalog.Descriptors.Count + 2, lines.Length);
        var cmk010 = lines.Single(l => l.StartsWith("CMK010", System.StringComparison.Ordinal));
        Assert.Matches(@"^CMK010\s+cmk-grant-before-registry\s+warning\s+error\*\s+-\s+", cmk010);
        Assert.Matches(@"^CMK001\s+cmk-requires-premium\s+error\s+error\s+yes\s+A registry", lines[1]);
        Assert.Equal("* set in cmklint.json", lines[^1]);
    }

    [Fact]
    public void Rules_and_the_lint_run_read_the_nearest_configuration_above_the_paths()
    {
        using var tree = new TempTree();
        tree.Write("cmklint.json", "{ \"rules\": { \"CMK001\": \"warning\" } }");
        tree.Write("infra/cmklint.json", "{ \"rules\": { \"CMK001\": \"note\" } }");
        tree.Write("infra/main.json", Templates.Registry("Standard"));

        var rules = tree.Run("rules", "infra");
        Assert.Matches(@"^CMK001\s+cmk-requires-premium\s+error\s+note\*", rules.Out.Split('\n')[1]);
        Assert.EndsWith("* set in infra/cmklint.json", rules.Out.TrimEnd('\n'));
        Assert.Matches(@"^CMK001\s+cmk-requires-premium\s+error\s+warning\*", tree.Run("rules").Out.Split('\n')[1]);

        // The lint run of the same path agrees with 'rules infra'.
        var lint = tree.Run("infra/main.json");
        Assert.Equal(0, lint.ExitCode);
        Assert.Contains("note CMK001", lint.Out);
        Assert.Contains("warning CMK001", tree.Run("--config", "cmklint.json", "infra/main.json").Out);
    }

    [Fact]
    public void Rules_as_json_has_ids_levels_and_fixability()
    {
        using var tree = new TempTree();
        var result = tree.Run("rules", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var rules = JArray.Parse(result.Out);
        Assert.Equal(Rules.RuleCatalog.Descriptors.Count, rules.Count);
        var cmk013 = rules.Single(r => (string?)r["id"] == "CMK013");
        Assert.Equal("cmk-versionless-key", (string?)cmk013["name"]);
        Assert.Equal("note", (string?)cmk013["defaultLevel"]);
        Assert.Equal("default", (string?)cmk013["levelSource"]);
        Assert.True((bool)cmk013["fixable"]!);
        Assert.False((bool)rules.Single(r => (string?)r["id"] == "CMK004")["fixable"]!);
    }

    [Theory]
    [InlineData("CMK004")]
    [InlineData("cmk-key-access")]
    [InlineData("cmk004")]
    public void Explain_prints_the_rule_page(string rule)
    {
        using var tree = new TempTree();
        var result = tree.Run("explain", rule);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "docs", "rules", "CMK004.md")), result.Out);
    }

    [Fact]
    public void Every_rule_has_its_page_inside_the_tool()
    {
        using var tree = new TempTree();
        foreach (var rule in Rules.RuleCatalog.Descriptors)
        {
            var result = tree.Run("explain", rule.Id);
            Assert.StartsWith("# " + rule.Id, result.Out);
        }
    }

    [Theory]
    [InlineData(new[] { "explain", "CMK0001" }, "cmklint: unknown rule 'CMK0001'; did you mean 'CMK001'? (run 'cmklint rules' for the list)\n")]
    [InlineData(new[] { "explain", "cmk-key-acess" }, "cmklint: unknown rule 'cmk-key-acess'; did you mean 'cmk-key-access'? (run 'cmklint rules' for the list)\n")]
    [InlineData(new[] { "--select", "CMK0001" }, "cmklint: unknown rule 'CMK0001'; did you mean 'CMK001'? (run 'cmklint rules' for the list)\n")]
    [InlineData(new[] { "--ignore", "cmk-requires-premum" }, "cmklint: unknown rule 'cmk-requires-premum'; did you mean 'cmk-requires-premium'? (run 'cmklint rules' for the list)\n")]
    [InlineData(new[] { "--formt", "json" }, "cmklint: unknown option '--formt'; did you mean '--format'? (run 'cmklint --help' for the options)\n")]
    [InlineData(new[] { "--fail-levl=warning" }, "cmklint: unknown option '--fail-levl'; did you mean '--fail-level'? (run 'cmklint --help' for the options)\n")]
    [InlineData(new[] { "rules", "--formt", "json" }, "cmklint: unknown option '--formt'; did you mean '--format'? (run 'cmklint --help' for the options)\n")]
    [InlineData(new[] { "-f", "sarf" }, "cmklint: --format: 'sarf' is not one of text, json, sarif, github; did you mean 'sarif'?\nRun 'cmklint --help' for usage.\n")]
    public void Mistakes_are_usage_errors_that_suggest_the_right_spelling(string[] args, string expected)
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry());
        var result = tree.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void An_option_value_that_looks_like_an_option_is_not_taken_for_one()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry());
        var result = tree.Run("main.json", "--output", "-report.txt");
        Assert.Equal(1, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(tree.Root, "-report.txt")), result.ToString());
    }

    [Fact]
    public void Select_and_ignore_take_ids_and_names_and_the_command_line_wins_over_the_configuration()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry());
        Assert.Contains("CMK001", tree.Run("main.json").Out);
        var ignored = tree.Run("main.json", "--ignore", "cmk-requires-premium");
        Assert.Equal(0, ignored.ExitCode);
        Assert.DoesNotContain("CMK001", ignored.Out);
        var selectedOther = tree.Run("main.json", "--select", "CMK004,CMK006");
        Assert.Equal(0, selectedOther.ExitCode);
        Assert.DoesNotContain("CMK001", selectedOther.Out);
        var selected = tree.Run("main.json", "--select", "CMK004", "--select", "cmk-requires-premium");
        Assert.Equal(1, selected.ExitCode);
        Assert.Contains("error CMK001", selected.Out);
    }

    [Fact]
    public void Select_keeps_reporting_files_that_cannot_be_read()
    {
        using var tree = new TempTree();
        tree.Write("broken.bicep", "resource x 'a@b' = {");
        var result = tree.Run("broken.bicep", "--select", "CMK001");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CMK900", result.Out);
    }

    [Fact]
    public void Github_format_writes_escaped_workflow_commands_with_repository_relative_paths()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, ".git"));
        tree.Write("infra, prod/main:1.json", Templates.Registry());
        Directory.CreateDirectory(Path.Combine(tree.Root, "sub"));
        var result = CliHarness.Run(Path.Combine(tree.Root, "sub"), "../infra, prod/main:1.json", "--format", "github");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Out.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^::error file=infra%2C prod/main%3A1\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CMK001::Registry 'acr1' [^\n]*%0A", line);
        Assert.DoesNotContain("\r", line);
        Assert.Contains("[cmk-requires-premium]%0Ainfra, prod/main:1.json(", line);
        Assert.Contains("1 error", result.Error);
    }

    [Theory]
    [InlineData("100% sure\r\nnext", "100%25 sure%0D%0Anext", "100%25 sure%0D%0Anext")]
    [InlineData("a:b,c", "a:b,c", "a%3Ab%2Cc")]
    public void Github_escaping_follows_the_runner(string text, string data, string property)
    {
        Assert.Equal(data, Reporting.GitHubReporter.Data(text));
        Assert.Equal(property, Reporting.GitHubReporter.Property(text));
    }

    [Fact]
    public void Statistics_count_findings_per_rule()
    {
        using var tree = new TempTree();
        tree.Write("a.json", Templates.Registry(name: "a"));
        tree.Write("b.json", Templates.Registry(name: "b"));
        var result = tree.Run(".", "--statistics", "--quiet");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("COUNT  ID      NAME                  OTHER", lines[^2]);
        Assert.Equal("    2  CMK001  cmk-requires-premium", lines[^1]);
    }

    [Theory]
    [InlineData("-V")]
    [InlineData("--version")]
    public void Version_has_a_short_flag(string flag)
    {
        using var tree = new TempTree();
        var result = tree.Run(flag);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", result.Out);
    }

    [Fact]
    public void Show_config_says_where_each_value_came_from_and_lints_nothing()
    {
        using var tree = new TempTree();
        tree.Write("cmklint.json", "{ \"rules\": { \"CMK013\": \"warning\" }, \"exclude\": [\"legacy/**\"] }");
        tree.Write("main.json", Templates.Registry());
        var result = tree.Run("--show-config", "--fail-level", "warning", "--ignore", "CMK001");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("configuration: cmklint.json (found)\n", result.Out);
        Assert.Contains("fail-level: warning (--fail-level)\n", result.Out);
        Assert.Contains("format: text (default)\n", result.Out);
        Assert.Matches(@"\n  CMK001 cmk-requires-premium\s+none\s+\(--ignore\)\n", result.Out);
        Assert.Matches(@"\n  CMK013 cmk-versionless-key\s+warning\s+\(cmklint.json\)\n", result.Out);
        Assert.Matches(@"\n  CMK004 cmk-key-access\s+error\s+\(default\)\n", result.Out);
        Assert.Contains("exclude: legacy/** (cmklint.json)\n", result.Out);
        Assert.DoesNotContain("CMK001:", result.Out);
    }

    [Fact]
    public void The_summary_counts_files_analysed_and_says_when_checks_were_undecided()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.RegistryWithSkuParameter(null));
        tree.Write("other.json", Templates.Registry(name: "other"));
        var result = tree.Run(".", "--no-color");
        Assert.Matches(@"\n1 error, 0 warnings; 2 files analysed, 1 with findings; 1 check undecided \(--include-inconclusive to list them\) \(\d+\.\d\d s\)\n$", result.Out);
        var listed = tree.Run(".", "--no-color", "--include-inconclusive");
        Assert.Matches(@"\n1 error, 0 warnings, 1 inconclusive; 2 files analysed, 2 with findings \(", listed.Out);
    }

    [Fact]
    public void Help_as_a_command_prints_the_help()
    {
        using var tree = new TempTree();
        var result = tree.Run("help");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(tree.Run("--help").Out, result.Out);
    }
}
