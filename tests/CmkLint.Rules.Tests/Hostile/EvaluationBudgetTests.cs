using System.Linq;
using Xunit;
using static CmkLint.Rules.Tests.Hostile.HostileInput;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>
/// Expressions that recurse or grow without bound (issue 12): each ends with a CMK901 naming the budget at
/// the construct, within a bounded number of steps, and never as an exception or a violation.
/// </summary>
public class EvaluationBudgetTests
{
    private const int Chain = 10000;

    [Fact]
    public void Arm_variable_chain_of_ten_thousand_stops_at_the_depth_budget()
    {
        string text = ArmUsing("[variables('v" + (Chain - 1) + "')]", variables: "\"v0\": \"x\"," + Lines(1, Chain, i => $"\"v{i}\": \"[variables('v{i - 1}')]\"", ",\n").TrimEnd(',', '\n'));
        var result = Run(ArmPath, text);
        var note = Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath);
        Assert.Contains("'evaluationDepth'", note.Message);
        Assert.StartsWith("'v", note.Span.Text);
        Assert.DoesNotContain(result.Findings, f => f.Path == ArmPath && f.RuleId == "CMK001");
        Assert.True(Steps(result, ArmPath) <= 50_000, "steps: " + Steps(result, ArmPath));
    }

    [Fact]
    public void Bicep_variable_chain_of_ten_thousand_stops_at_the_depth_budget()
    {
        string text = BicepUsing("var v0 = 'x'\n" + Lines(1, Chain, i => $"var v{i} = v{i - 1}"), "v" + (Chain - 1));
        var result = Run(BicepPath, text);
        var note = Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == BicepPath);
        Assert.Contains("'evaluationDepth'", note.Message);
        Assert.StartsWith("v", note.Span.Text);
        Assert.True(Steps(result, BicepPath) <= 50_000, "steps: " + Steps(result, BicepPath));
    }

    [Fact]
    public void Arm_and_bicep_parameter_chains_stop_at_the_depth_budget()
    {
        string arm = ArmUsing("[parameters('p" + (Chain - 1) + "')]", parameters: "\"p0\": { \"type\": \"string\", \"defaultValue\": \"x\" }," + Lines(1, Chain, i => $"\"p{i}\": {{ \"type\": \"string\", \"defaultValue\": \"[parameters('p{i - 1}')]\" }}", ",\n").TrimEnd(',', '\n'));
        string bicep = BicepUsing("param p0 string = 'x'\n" + Lines(1, Chain, i => $"param p{i} string = p{i - 1}"), "p" + (Chain - 1));
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep });
        Assert.Contains("'evaluationDepth'", Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath).Message);
        Assert.Contains("'evaluationDepth'", Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == BicepPath).Message);
    }

    [Fact]
    public void A_chain_within_the_depth_budget_is_still_evaluated()
    {
        // 100 variables deep is ordinary: the value at the end is known and the rule sees it.
        string text = ArmUsing("[variables('v99')]", variables: "\"v0\": \"Standard\"," + Lines(1, 100, i => $"\"v{i}\": \"[variables('v{i - 1}')]\"", ",\n").TrimEnd(',', '\n'))
            .Replace("\"sku\": { \"name\": \"Premium\" }", "\"sku\": { \"name\": \"[variables('v99')]\" }", System.StringComparison.Ordinal);
        var result = Run(ArmPath, text);
        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && f.Path == ArmPath);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath);
    }

    [Fact]
    public void Arm_user_function_calling_itself_twice_per_level_costs_its_levels()
    {
        const string function = "{ \"namespace\": \"ns\", \"members\": { \"f\": { \"parameters\": [ { \"name\": \"n\", \"type\": \"int\" } ], \"output\": { \"type\": \"string\", \"value\": \"[if(equals(parameters('n'), 0), 'a', concat(ns.f(sub(parameters('n'), 1)), ns.f(sub(parameters('n'), 1))))]\" } } } }";
        string text = ArmUsing("[ns.f(40)]", functions: function);
        var result = Run(ArmPath, text);
        BudgetNote(result, ArmPath, "stringLength", text, "concat(ns.f(");
        Assert.True(Steps(result, ArmPath) <= 2_000, "steps: " + Steps(result, ArmPath));
    }

    [Fact]
    public void Bicep_user_function_calling_itself_twice_per_level_costs_its_levels()
    {
        string text = BicepUsing("func f(n int) string => n == 0 ? 'a' : '${f(n - 1)}${f(n - 1)}'\n", "f(40)");
        var result = Run(BicepPath, text);
        BudgetNote(result, BicepPath, "stringLength", text, "'${f(n - 1)}");
        Assert.True(Steps(result, BicepPath) <= 2_000, "steps: " + Steps(result, BicepPath));
    }

    [Fact]
    public void User_function_recursing_without_end_stops_at_the_depth_budget()
    {
        string text = BicepUsing("func f(n int) int => f(n + 1)\n", "f(0)");
        var result = Run(BicepPath, text);
        BudgetNote(result, BicepPath, "evaluationDepth", text, "f(n + 1)");
    }

    [Fact]
    public void PadLeft_to_two_billion_is_refused_before_it_is_built()
    {
        string arm = ArmUsing("[padLeft('a', 2000000000)]");
        string bicep = BicepUsing("var x = padLeft('a', 2000000000)\n", "x");
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep });
        Assert.Contains("2000000000 characters", BudgetNote(result, ArmPath, "stringLength", arm, "padLeft").Message);
        BudgetNote(result, BicepPath, "stringLength", bicep, "padLeft");
    }

    [Fact]
    public void Strings_doubled_sixty_times_stop_at_the_string_budget()
    {
        string arm = ArmUsing("[variables('a60')]", variables: "\"a0\": \"ab\"," + Lines(1, 61, i => $"\"a{i}\": \"[concat(variables('a{i - 1}'), variables('a{i - 1}'))]\"", ",\n").TrimEnd(',', '\n'));
        string bicep = BicepUsing("var a0 = 'ab'\n" + Lines(1, 61, i => $"var a{i} = '${{a{i - 1}}}${{a{i - 1}}}'"), "a60");

        // 2 * 2^21 characters is the first over 4 MiB: a21 is where the budget runs out.
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep });
        BudgetNote(result, ArmPath, "stringLength", arm, "\"a21\"");
        BudgetNote(result, BicepPath, "stringLength", bicep, "var a21 ");
        Assert.True(Steps(result, ArmPath) <= 1_000, "steps: " + Steps(result, ArmPath));
    }

    [Fact]
    public void Arrays_doubled_sixty_times_by_concat_and_spread_stop_at_the_element_budget()
    {
        string arm = ArmUsing("[length(variables('a60'))]", variables: "\"a0\": [1, 2]," + Lines(1, 61, i => $"\"a{i}\": \"[concat(variables('a{i - 1}'), variables('a{i - 1}'))]\"", ",\n").TrimEnd(',', '\n'));
        string bicep = BicepUsing("var a0 = [1, 2]\n" + Lines(1, 61, i => $"var a{i} = [...a{i - 1}, ...a{i - 1}]"), "length(a60)");

        // 2^17 = 131072 items is the first over 100000.
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep });
        BudgetNote(result, ArmPath, "elements", arm, "\"a16\"");
        BudgetNote(result, BicepPath, "elements", bicep, "var a16 ");
    }

    [Fact]
    public void Objects_doubled_sixty_times_then_serialised_stop_at_the_size_budget()
    {
        string arm = ArmUsing("[length(string(variables('o60')))]", variables: "\"o0\": { \"x\": 1 }," + Lines(1, 61, i => $"\"o{i}\": {{ \"a\": \"[variables('o{i - 1}')]\", \"b\": \"[variables('o{i - 1}')]\" }}", ",\n").TrimEnd(',', '\n'));
        string bicep = BicepUsing("var o0 = { x: 1 }\n" + Lines(1, 61, i => $"var o{i} = {{ a: o{i - 1}, b: o{i - 1} }}"), "o60");
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep });

        // Shared parts cost little memory but their JSON doubles: o20 is the first over 16 MiB.
        BudgetNote(result, ArmPath, "valueBytes", arm, "\"o20\"");
        BudgetNote(result, BicepPath, "valueBytes", bicep, "var o20 ");
    }

    [Fact]
    public void Reduce_that_doubles_its_accumulator_stops_at_the_string_budget()
    {
        string arm = ArmUsing("[length(reduce(range(0, 60), 'ab', lambda('acc', 'i', concat(lambdaVariables('acc'), lambdaVariables('acc')))))]");
        string bicep = BicepUsing("var x = reduce(range(0, 60), 'ab', (acc, i) => '${acc}${acc}')\n", "length(x)");
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep });
        BudgetNote(result, ArmPath, "stringLength", arm, "concat(lambdaVariables");
        BudgetNote(result, BicepPath, "stringLength", bicep, "'${acc}");
        Assert.True(Steps(result, BicepPath) <= 1_000, "steps: " + Steps(result, BicepPath));
    }

    [Fact]
    public void Range_of_two_billion_is_refused_before_it_is_built()
    {
        string arm = ArmUsing("[length(range(0, 2000000000))]");
        string bicep = BicepUsing("var x = range(0, 2000000000)\n", "length(x)");
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep });
        BudgetNote(result, ArmPath, "elements", arm, "range(");
        BudgetNote(result, BicepPath, "elements", bicep, "range(");
    }

    [Fact]
    public void Three_nested_loops_of_a_thousand_stop_at_the_step_budget()
    {
        string arm = ArmUsing(
            "[length(variables('x'))]",
            variables: "\"copy\": [ { \"name\": \"x\", \"count\": 1000, \"input\": \"[map(range(0, 1000), lambda('j', map(range(0, 1000), lambda('k', add(lambdaVariables('j'), lambdaVariables('k'))))))]\" } ]");
        string bicep = BicepUsing("var x = [for i in range(0, 1000): [for j in range(0, 1000): [for k in range(0, 1000): i + j + k]]]\n", "length(x)");
        var result = Run(new() { [ArmPath] = arm, [BicepPath] = bicep }, o => o.Budgets.Steps = 200_000);
        Assert.Contains("'steps'", Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == ArmPath).Message);
        Assert.Contains("'steps'", Assert.Single(result.Findings, f => f.RuleId == "CMK901" && f.Path == BicepPath).Message);
        Assert.InRange(Steps(result, ArmPath), 200_000, 200_001);
        Assert.InRange(Steps(result, BicepPath), 200_000, 200_001);
    }

    [Fact]
    public void A_budget_cut_value_never_gives_a_violation()
    {
        // The SKU is 'Standard' padded to a length over the budget: unknown, so CMK001 is not reported for it.
        string text = ArmUsing("x").Replace("\"sku\": { \"name\": \"Premium\" }", "\"sku\": { \"name\": \"[padLeft('Standard', 5000000)]\" }", System.StringComparison.Ordinal);
        var result = Run(ArmPath, text);
        BudgetNote(result, ArmPath, "stringLength", text, "padLeft");
        Assert.DoesNotContain(result.Findings, f => f.Path == ArmPath && f.RuleId == "CMK001");
    }

    [Fact]
    public void Budgets_are_set_from_the_options()
    {
        string text = BicepUsing("var a0 = 'ab'\n" + Lines(1, 11, i => $"var a{i} = '${{a{i - 1}}}${{a{i - 1}}}'"), "a10");
        var result = Run(BicepPath, text, o => o.Budgets.StringLength = 100);

        // 2 * 2^6 = 128 characters is the first over 100.
        BudgetNote(result, BicepPath, "stringLength", text, "var a6 ");
        Assert.Contains("(100;", result.Findings.Single(f => f.RuleId == "CMK901" && f.Path == BicepPath).Message);
    }
}
