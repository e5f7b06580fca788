using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

/// <summary>
/// A finding inside a local module whose value the caller passes is reported at the caller's argument
/// in every output format (issue 17 item 5), and the outputs stay valid: SARIF for code scanning (with
/// the module's lines as related locations), GitHub annotations on the caller's line.
/// </summary>
public sealed class CallerLocationOutputTests
{
    private const string Caller = "module inner 'modules/registry.bicep' = {\n  name: 'inner'\n  params: {\n    p: 'Standard'\n  }\n}\n";

    private static string Module(bool suppressed)
    {
        string good = File.ReadAllText(Path.Combine(Repository.Root, "samples", "bicep", "good", "main.bicep")).Replace("\r\n", "\n");
        return "param p string = 'Premium'\n\n" + good.Replace("    name: 'Premium'", (suppressed ? "    #disable-next-line CMK001\n" : string.Empty) + "    name: p");
    }

    [Fact]
    public void Sarif_points_at_the_callers_argument_relates_the_module_and_passes_the_validator()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", Caller);
        tree.Write("modules/registry.bicep", Module(suppressed: false));
        tree.Write("modules/quiet.bicep", Module(suppressed: true));
        tree.Write("quiet/main.bicep", Caller.Replace("modules/registry.bicep", "../modules/quiet.bicep"));
        var run = tree.Run("--format", "sarif", "--output", "out.sarif");
        Assert.True(run.ExitCode == 1, run.ToString());

        var results = (JArray)JObject.Parse(tree.Read("out.sarif"))["runs"]![0]!["results"]!;
        var cmk001 = results.Where(r => (string?)r["ruleId"] == "CMK001").ToList();
        var open = Assert.Single(cmk001, r => r["suppressions"] is null);
        var location = open["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("main.bicep", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal(4, (int)location["region"]!["startLine"]!);
        Assert.Equal(8, (int)location["region"]!["startColumn"]!);
        var related = open["relatedLocations"]!.Select(r => ((string?)r["message"]!["text"], (string?)r["physicalLocation"]!["artifactLocation"]!["uri"])).ToList();
        Assert.Contains(("set here from parameter 'p'.", "modules/registry.bicep"), related);
        Assert.Contains(("parameter 'p'.", "modules/registry.bicep"), related);

        // The module with a pragma at its property: suppressed although the finding points at quiet/main.bicep.
        var quiet = Assert.Single(cmk001, r => r["suppressions"] is not null);
        Assert.Equal("quiet/main.bicep", (string?)quiet["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        SarifValidationTests.AssertValid(Path.Combine(tree.Root, "out.sarif"));
    }

    [Fact]
    public void A_configured_suppression_for_the_modules_path_covers_the_finding_at_the_caller()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", Caller);
        tree.Write("modules/registry.bicep", Module(suppressed: false));
        tree.Write("cmklint.json", "{ \"suppress\": [ { \"rule\": \"CMK001\", \"paths\": [\"modules/**\"], \"justification\": \"dev module\" } ] }");
        var run = tree.Run("--format", "sarif", "--output", "out.sarif");
        Assert.True(run.ExitCode == 0, run.ToString());

        var result = Assert.Single((JArray)JObject.Parse(tree.Read("out.sarif"))["runs"]![0]!["results"]!, r => (string?)r["ruleId"] == "CMK001");
        Assert.Equal("main.bicep", (string?)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal("dev module", (string?)result["suppressions"]![0]!["justification"]);
    }

    [Fact]
    public void Github_annotations_go_on_the_callers_line()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", Caller);
        tree.Write("modules/registry.bicep", Module(suppressed: false));
        var run = tree.Run("--format", "github");
        Assert.True(run.ExitCode == 1, run.ToString());
        var annotation = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("::error ", System.StringComparison.Ordinal));
        Assert.StartsWith("::error file=main.bicep,line=4,col=8,endLine=4,endColumn=18,title=CMK001::", annotation);
        Assert.Contains("modules/registry.bicep(", annotation);
    }
}
