using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

public sealed class SuppressionTests
{
    private const string SuppressCmk001 = "{ \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK001\", \"justification\": \"dev registry, no CMK needed\" } ] } }";

    [Fact]
    public void Arm_metadata_on_the_resource_suppresses_the_finding_end_to_end()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard", registryMetadata: SuppressCmk001));
        var text = tree.Run();
        Assert.Equal(0, text.ExitCode);
        Assert.DoesNotContain("CMK001", text.Out);
        Assert.Contains("0 errors, 0 warnings, 1 suppressed; 1 file analysed, 0 with findings", text.Out);

        var result = JObject.Parse(tree.Run("-f", "sarif").Out)["runs"]![0]!["results"]![0]!;
        Assert.Equal("error", (string)result["level"]!);
        var suppression = result["suppressions"]![0]!;
        Assert.Equal("inSource", (string)suppression["kind"]!);
        Assert.Equal("dev registry, no CMK needed", (string)suppression["justification"]!);
    }

    [Fact]
    public void Arm_metadata_on_the_template_suppresses_by_rule_name_too()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard", templateMetadata: "{ \"cmklint\": { \"suppress\": [ \"cmk-requires-premium\" ] } }"));
        var result = tree.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 suppressed", result.Out);
    }

    [Fact]
    public void Arm_metadata_for_another_rule_does_not_suppress()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard", registryMetadata: "{ \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK006\" } ] } }"));
        Assert.Equal(1, tree.Run().ExitCode);
    }

    [Fact]
    public void Baseline_round_trip_accepts_old_findings_and_fails_on_new_ones()
    {
        using var tree = new TempTree();
        tree.Write("infra/old.json", Templates.Registry("Standard", "old"));

        var write = tree.Run("--write-baseline", "cmklint.baseline.json");
        Assert.Equal(0, write.ExitCode);
        Assert.Contains("wrote 1 finding to cmklint.baseline.json", write.Error);
        var baseline = JObject.Parse(tree.Read("cmklint.baseline.json"));
        Assert.Equal(1, (int)baseline["version"]!);
        var entry = Assert.Single((JArray)baseline["findings"]!);
        Assert.StartsWith("CMK001|infra/old.json|", (string)entry["fingerprint"]!);
        Assert.Equal("infra/old.json", (string)entry["path"]!);

        var clean = tree.Run("--baseline", "cmklint.baseline.json");
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("1 suppressed", clean.Out);

        // Moving the code keeps the baseline entry matching (fingerprints have no line numbers).
        tree.Write("infra/old.json", "\n\n" + Templates.Registry("Standard", "old"));
        Assert.Equal(0, tree.Run("--baseline", "cmklint.baseline.json").ExitCode);

        tree.Write("infra/new.json", Templates.Registry("Basic", "new"));
        var withNew = tree.Run("--baseline", "cmklint.baseline.json");
        Assert.Equal(1, withNew.ExitCode);
        Assert.Contains("infra/new.json", withNew.Out);
        Assert.DoesNotContain("infra/old.json", withNew.Out);

        var sarif = JObject.Parse(tree.Run("--baseline", "cmklint.baseline.json", "-f", "sarif").Out);
        var results = (JArray)sarif["runs"]![0]!["results"]!;
        Assert.Equal("external", (string)results.Single(r => ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).EndsWith("old.json"))["suppressions"]![0]!["kind"]!);
        Assert.Null(results.Single(r => ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).EndsWith("new.json"))["suppressions"]);
    }

    [Fact]
    public void Baseline_matches_from_any_current_folder_of_the_repository()
    {
        using var tree = new TempTree();
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(tree.Root, ".git"));
        tree.Write("infra/main.json", Templates.Registry("Standard"));
        Assert.Equal(0, tree.Run("--write-baseline", "baseline.json").ExitCode);
        var fromSubfolder = CliHarness.Run(System.IO.Path.Combine(tree.Root, "infra"), "--baseline", "../baseline.json");
        Assert.Equal(0, fromSubfolder.ExitCode);
        Assert.Contains("1 suppressed", fromSubfolder.Out);
    }

    [Fact]
    public void Invalid_or_missing_baseline_is_exit_2_with_the_position()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard"));
        tree.Write("baseline.json", "{\n  \"version\": 1,\n  \"findings\": [ 42 ]\n}");
        var result = tree.Run("--baseline", "baseline.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("baseline.json(3,17): error: each baseline entry needs a 'fingerprint' string", result.Error);
        Assert.Equal(2, tree.Run("--baseline", "absent.json").ExitCode);
    }
}
