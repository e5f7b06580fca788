using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

public sealed class OutputFormatTests
{
    private static TempTree Fixture()
    {
        var tree = new TempTree();
        tree.Write("infra/standard.json", Templates.Registry("Standard", "acrstandard"));
        tree.Write("infra/nested/basic.json", Templates.Registry("Basic", "acrbasic"));
        tree.Write("premium.json", Templates.Registry("Premium", "acrpremium"));
        tree.Write("infra/package.json", "{ \"name\": \"not-a-template\" }");
        return tree;
    }

    [Fact]
    public void Text_output_matches_the_golden_file()
    {
        using var tree = Fixture();
        var result = tree.Run();
        Assert.Equal(1, result.ExitCode);
        Golden.Verify("findings.txt", result.Out);
    }

    [Fact]
    public void Text_output_has_the_canonical_line_a_code_frame_with_carets_and_related_locations()
    {
        using var tree = Fixture();
        var lines = tree.Run("infra/standard.json").Out.Split('\n');
        Assert.Equal("infra/standard.json(11,17): error CMK001: Registry 'acrstandard' enables a customer-managed key but its SKU is 'Standard'; CMK requires the Premium SKU (\"sku\": { \"name\": \"Premium\" }). [cmk-requires-premium]", lines[0]);
        Assert.Equal("  11 |         \"name\": \"Standard\"", lines[1]);
        Assert.Equal("     |                 ^^^^^^^^^^", lines[2]);
        Assert.StartsWith("    infra/standard.json(15,21): ", lines[3]);
        Assert.Matches(@"^1 error, 0 warnings; 1 file analysed, 1 with findings \(\d+\.\d\d s\)$", lines[4]);
    }

    [Fact]
    public void Json_output_matches_the_golden_file()
    {
        using var tree = Fixture();
        var result = tree.Run("--format", "json");
        Assert.Equal(1, result.ExitCode);
        Golden.Verify("findings.json", result.Out);
        Assert.Contains("2 errors, 0 warnings; 3 files analysed, 2 with findings", result.Error);
    }

    [Fact]
    public void Json_output_follows_the_documented_schema()
    {
        using var tree = Fixture();
        var json = JObject.Parse(tree.Run("-f", "json").Out);
        Assert.Equal(1, (int)json["schemaVersion"]!);
        Assert.Equal("cmklint", (string)json["tool"]!["name"]!);
        Assert.Equal(2, (int)json["summary"]!["errors"]!);
        Assert.Equal(3, (int)json["summary"]!["filesAnalyzed"]!);
        var first = (JObject)json["findings"]![0]!;
        Assert.Equal(new[] { "ruleId", "ruleName", "level", "kind", "message", "path", "region", "related", "fingerprint", "suppression", "helpUri", "comparison" }, first.Properties().Select(p => p.Name));
        Assert.Equal("infra/nested/basic.json", (string)first["path"]!);
        Assert.Equal(11, (int)first["region"]!["startLine"]!);
        Assert.Equal(17, (int)first["region"]!["startColumn"]!);
        Assert.Equal(24, (int)first["region"]!["endColumn"]!);
        Assert.Equal(JTokenType.Null, first["suppression"]!.Type);
        Assert.Equal(JTokenType.Null, first["comparison"]!.Type);
    }

    [Fact]
    public void Sarif_output_has_what_github_code_scanning_needs()
    {
        using var tree = Fixture();
        var result = tree.Run("--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        var sarif = JObject.Parse(result.Out);
        Assert.Equal("2.1.0", (string)sarif["version"]!);
        var run = (JObject)Assert.Single((JArray)sarif["runs"]!);
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("cmklint", (string)driver["name"]!);
        Assert.False(string.IsNullOrEmpty((string?)driver["version"]));
        Assert.False(string.IsNullOrEmpty((string?)driver["semanticVersion"]));
        Assert.Equal("https://github.com/cmklint/cmklint", (string)driver["informationUri"]!);
        var rules = (JArray)driver["rules"]!;
        var cmk001 = rules.Single(r => (string)r["id"]! == "CMK001");
        Assert.Equal("cmk-requires-premium", (string)cmk001["name"]!);
        Assert.EndsWith("docs/rules/CMK001.md", (string)cmk001["helpUri"]!);
        Assert.Contains("Premium", (string)cmk001["help"]!["markdown"]!);
        Assert.Equal("error", (string)cmk001["defaultConfiguration"]!["level"]!);
        Assert.Equal(JTokenType.String, cmk001["properties"]!["security-severity"]!.Type);
        Assert.Contains("security", cmk001["properties"]!["tags"]!.Select(t => (string)t!));
        Assert.Equal(new System.Uri(tree.Root + "/").AbsoluteUri, (string)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!);

        var results = (JArray)run["results"]!;
        Assert.Equal(2, results.Count);
        var r0 = results[0];
        Assert.Equal("CMK001", (string)r0["ruleId"]!);
        Assert.Equal("CMK001", (string)rules[(int)r0["ruleIndex"]!]["id"]!);
        Assert.Equal("error", (string)r0["level"]!);
        var location = r0["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("infra/nested/basic.json", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal("%SRCROOT%", (string)location["artifactLocation"]!["uriBaseId"]!);
        Assert.Equal(11, (int)location["region"]!["startLine"]!);
        Assert.Equal(17, (int)location["region"]!["startColumn"]!);
        Assert.Equal(11, (int)location["region"]!["endLine"]!);
        Assert.Equal(24, (int)location["region"]!["endColumn"]!);
        var related = Assert.Single((JArray)r0["relatedLocations"]!);
        Assert.Equal(15, (int)related["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)r0["partialFingerprints"]!["cmklintFingerprint/v1"]!);
        Assert.Null(r0["suppressions"]);
        Assert.Null(r0["properties"]);
    }

    [Fact]
    public void Sarif_fingerprints_do_not_change_when_code_moves()
    {
        using var tree = new TempTree();
        string template = Templates.Registry("Standard");
        tree.Write("main.json", template);
        var before = JObject.Parse(tree.Run("-f", "sarif").Out)["runs"]![0]!["results"]![0]!;
        tree.Write("main.json", "\n\n\n" + template.Replace("\"location\": \"westeurope\",", "\"location\": \"westeurope\",\n      \"tags\": {},"));
        var after = JObject.Parse(tree.Run("-f", "sarif").Out)["runs"]![0]!["results"]![0]!;
        Assert.NotEqual((int)before["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!, (int)after["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal((string)before["partialFingerprints"]!["cmklintFingerprint/v1"]!, (string)after["partialFingerprints"]!["cmklintFingerprint/v1"]!);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file_and_the_summary_to_stderr()
    {
        using var tree = Fixture();
        var result = tree.Run("--format", "sarif", "--output", "out/cmklint.sarif");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("report written to out/cmklint.sarif", result.Error);
        Assert.Equal("2.1.0", (string)JObject.Parse(tree.Read("out/cmklint.sarif"))["version"]!);
    }

    [Fact]
    public void Text_output_to_a_file_has_no_colour_even_on_a_terminal()
    {
        using var tree = Fixture();
        var result = CliHarness.Run(tree.Root, terminal: true, noColorEnvironment: false, "-o", "report.txt");
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("\u001b[", tree.Read("report.txt"), StringComparison.Ordinal);
        Assert.Contains("error CMK001", tree.Read("report.txt"));
    }

    [Fact]
    public void Colour_is_used_only_on_a_terminal_and_not_with_no_color_or_NO_COLOR()
    {
        using var tree = Fixture();
        Assert.Contains("\u001b[31m", CliHarness.Run(tree.Root, terminal: true, noColorEnvironment: false).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliHarness.Run(tree.Root, terminal: true, noColorEnvironment: false, "--no-color").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliHarness.Run(tree.Root, terminal: true, noColorEnvironment: true).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliHarness.Run(tree.Root, terminal: false, noColorEnvironment: false).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_prints_findings_without_the_summary()
    {
        using var tree = Fixture();
        var result = tree.Run("--quiet");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CMK001", result.Out);
        Assert.DoesNotContain("3 files analysed, 2 with findings", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Output_is_sorted_by_path_line_and_column_and_identical_between_runs()
    {
        using var tree = new TempTree();
        foreach (var name in new[] { "z.json", "a.json", "m/b.json", "m/a.json", "c.json" })
        {
            tree.Write(name, Templates.Registry("Standard", Path.GetFileNameWithoutExtension(name)));
        }

        var first = tree.Run("-q").Out;
        var paths = first.Split('\n').Where(l => l.Contains(": error CMK001")).Select(l => l.Substring(0, l.IndexOf('('))).ToList();
        Assert.Equal(new[] { "a.json", "c.json", "m/a.json", "m/b.json", "z.json" }, paths);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(first, tree.Run("-q").Out);
        }
    }
}
