using System.Collections.Generic;
using System.Linq;
using Xunit;
using static CmkLint.Rules.Tests.Hostile.HostileInput;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>
/// Nested deployments and modules deep, wide and fanning out (issue 12): analysed and reported to the
/// depth budget, a CMK901 past it, and a diamond costing its distinct calls rather than its paths.
/// </summary>
public class DeploymentDepthTests
{
    /// <summary>A Standard-SKU CMK registry in Bicep (CMK001), named <paramref name="name"/>.</summary>
    private static string BicepRegistry(string name) => BesideBicep.Replace("'acrbeside'", "'" + name + "'", System.StringComparison.Ordinal);

    /// <summary>An ARM template nesting <paramref name="inner"/> (resources) in <paramref name="levels"/> inline deployments, each with <paramref name="copies"/> copies.</summary>
    private static string NestedArm(int levels, string inner, int copies = 0)
    {
        string template = ArmTemplate(inner);
        for (int level = 0; level < levels; level++)
        {
            string copy = copies > 0 ? $"\"copy\": {{ \"name\": \"c{level}\", \"count\": {copies} }}, " : string.Empty;
            string name = copies > 0 ? $"[concat('d{level}-', copyIndex())]" : $"d{level}";
            template = ArmTemplate($"{{ \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"{name}\", {copy}\"properties\": {{ \"mode\": \"Incremental\", \"expressionEvaluationOptions\": {{ \"scope\": \"inner\" }}, \"template\": {template} }} }}");
        }

        return template;
    }

    /// <summary>Bicep files m0..m(levels-1), each calling the next <paramref name="calls"/> times (with <paramref name="arguments"/>), the last a bad registry.</summary>
    private static Dictionary<string, string> ModuleChain(int levels, int calls, System.Func<int, int, string> arguments)
    {
        var files = new Dictionary<string, string>();
        for (int i = 0; i < levels; i++)
        {
            string text = "param p string = 'x'\n";
            for (int c = 0; c < calls; c++)
            {
                text += $"module c{c} 'm{i + 1}.bicep' = {{\n  name: 'c{c}'\n  params: {{ p: {arguments(i, c)} }}\n}}\n";
            }

            files[$"/hostile/m{i}.bicep"] = text;
        }

        files[$"/hostile/m{levels}.bicep"] = "param p string = 'x'\n" + BicepRegistry("acrdeep");
        return files;
    }

    [Fact]
    public void Arm_registry_seventeen_nested_deployments_deep_is_reported()
    {
        string text = NestedArm(17, Registry(Encryption(), name: "acrdeep", sku: "Standard"));
        var result = Run(ArmPath, text);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK001" && f.Path == ArmPath);
        Assert.Equal(Lint.Locate(text, "\"Standard\"").Line, finding.Position().Line);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath);
    }

    [Fact]
    public void Arm_inline_templates_past_the_depth_budget_give_one_note_at_the_limit()
    {
        string text = NestedArm(70, Registry(Encryption(), name: "acrdeep", sku: "Standard"));
        var result = Run(ArmPath, text);
        // Each inline deployment nests its template five JSON levels deeper, so the JSON reader's nesting limit
        // (shared by every front end) is reached before the 64th deployment: one note there, nothing deeper read.
        var note = Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath);
        Assert.Contains($"deeper than {CmkLint.Text.NestingLimit.MaxDepth} levels", note.Message);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK900");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK001" && f.Path == ArmPath);
    }

    [Fact]
    public void Bicep_registry_seventeen_modules_deep_is_reported_and_seventy_deep_gives_a_note()
    {
        var shallow = ModuleChain(17, 1, (_, _) => "p");
        var result = Run(shallow);
        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && f.Path == "/hostile/m17.bicep");

        // m0 .. m5 each have more than 64 files nested below them: a note at their module, the same whichever file
        // is read first; m6 and below are within the budget, so m70's registry is still reported.
        var deep = ModuleChain(70, 1, (_, _) => "p");
        var deepResult = Run(deep);
        var notes = deepResult.Findings.Where(f => f.RuleId == "CMK901" && f.Message.Contains("'deploymentDepth'", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => ($"/hostile/m{i}.bicep", $"'m{i + 1}.bicep'")), notes.Select(n => (n.Path, n.Span.Text)).OrderBy(n => n.Path.Length).ThenBy(n => n.Path, System.StringComparer.Ordinal));
        Assert.Contains(deepResult.Findings, f => f.RuleId == "CMK001" && f.Path == "/hostile/m70.bicep");
    }

    [Fact]
    public void A_low_deployment_depth_override_reaches_the_bicep_module_loader()
    {
        // m0 -> m1 -> ... -> m5 (the registry): with deploymentDepth 2, m0, m1 and m2 have more than 2 files below them.
        var result = Run(ModuleChain(5, 1, (_, _) => "p"), o => o.Budgets.DeploymentDepth = 2);
        var notes = result.Findings.Where(f => f.RuleId == "CMK901" && f.Message.Contains("'deploymentDepth' (2;", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "/hostile/m0.bicep", "/hostile/m1.bicep", "/hostile/m2.bicep" }, notes.Select(n => n.Path).OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && f.Path == "/hostile/m5.bicep");

        var byDefault = Run(ModuleChain(5, 1, (_, _) => "p"));
        Assert.DoesNotContain(byDefault.Findings, f => f.Message.Contains("'deploymentDepth'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_low_deployment_depth_override_reaches_the_arm_nested_deployment_reader()
    {
        // d4 holds d3 holds d2 ...: with deploymentDepth 2, the templates of d4 and d3 are read, d2's is not.
        string text = NestedArm(5, Registry(Encryption(), name: "acrdeep", sku: "Standard"));
        var result = Run(ArmPath, text, o => o.Budgets.DeploymentDepth = 2);
        var note = Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath);
        Assert.Contains("'deploymentDepth' (2;", note.Message, System.StringComparison.Ordinal);
        Assert.Equal(Lint.Locate(text, "\"name\": \"d2\"").Line, note.Position().Line);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK001" && f.Path == ArmPath);

        var byDefault = Run(ArmPath, text);
        Assert.Contains(byDefault.Findings, f => f.RuleId == "CMK001" && f.Path == ArmPath);
        Assert.DoesNotContain(byDefault.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath);
    }

    [Fact]
    public void Arm_inline_deployments_with_copy_at_each_level_share_equal_deployments()
    {
        // Two copies at each of twelve levels: 4096 paths, twelve distinct deployments.
        string text = NestedArm(12, Registry(Encryption(), name: "acrdeep", sku: "Standard"), copies: 2);
        var result = Run(ArmPath, text);
        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && f.Path == ArmPath);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath);
        Assert.True(Steps(result, ArmPath) <= 20_000, "steps: " + Steps(result, ArmPath));
    }

    [Fact]
    public void Arm_three_levels_of_a_thousand_copies_stay_within_the_budgets()
    {
        string storage = "{ \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\", \"name\": \"st1\", \"location\": \"westeurope\", \"kind\": \"StorageV2\", \"sku\": { \"name\": \"Standard_LRS\" } }";
        string text = NestedArm(3, storage, copies: 1000);
        var result = Run(ArmPath, text);
        Assert.True(Steps(result, ArmPath) <= 200_000, "steps: " + Steps(result, ArmPath));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(21)]
    public void Bicep_diamond_of_modules_costs_its_distinct_calls(int levels)
    {
        var files = ModuleChain(levels, 2, (_, _) => "p");
        var result = Run(files);
        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && f.Path == $"/hostile/m{levels}.bicep");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK901" && f.Path.StartsWith("/hostile/", System.StringComparison.Ordinal));
        Assert.True(Steps(result, "/hostile/m0.bicep") <= 20_000, "steps: " + Steps(result, "/hostile/m0.bicep"));
    }

    [Fact]
    public void Bicep_diamond_with_different_arguments_on_every_path_stops_at_the_module_budget()
    {
        var files = ModuleChain(21, 2, (_, c) => "'${p}" + c + "'");
        var result = Run(files, o => o.Budgets.Modules = 200);
        var notes = result.Findings.Where(f => f.RuleId == "CMK901" && f.Message.Contains("'modules'", System.StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(notes);

        // One note per module declaration where the budget ran out, not one per path.
        Assert.Equal(notes.Count, notes.Select(n => (n.Path, n.Position().Line)).Distinct().Count());
        Assert.True(notes.Count <= 2 * 21, "notes: " + notes.Count);
        Assert.True(Steps(result, "/hostile/m0.bicep") <= 50_000, "steps: " + Steps(result, "/hostile/m0.bicep"));
    }

    [Fact]
    public void Bicep_module_loops_of_a_thousand_stop_at_the_instance_budget()
    {
        var files = new Dictionary<string, string>
        {
            ["/hostile/main.bicep"] = "module a 'l1.bicep' = [for i in range(0, 1000): {\n  name: 'a${i}'\n  params: { i: i }\n}]\n",
            ["/hostile/l1.bicep"] = "param i int\nmodule b 'l2.bicep' = [for j in range(0, 1000): {\n  name: 'b${j}'\n  params: { i: i }\n}]\n",
            ["/hostile/l2.bicep"] = "param i int\nresource s 'Microsoft.Storage/storageAccounts@2023-01-01' = [for k in range(0, 1000): {\n  name: 's${i}${k}'\n  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n}]\n",
        };
        var result = Run(files);
        Assert.Contains(result.Findings, f => f.RuleId == "CMK901" && f.Message.Contains("'instances'", System.StringComparison.Ordinal) && f.Path.StartsWith("/hostile/", System.StringComparison.Ordinal));
    }
}
