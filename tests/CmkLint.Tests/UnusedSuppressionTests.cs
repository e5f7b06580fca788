using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

/// <summary>CMK902: a suppression in any form that suppresses nothing, or names no CmkLint rule, is reported where it is written.</summary>
public sealed class UnusedSuppressionTests
{
    /// <summary>A Bicep CMK registry on Premium with every link of the chain, so no finding but those the test adds.</summary>
    private const string PremiumBicep = """
        resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'uami'
          location: 'westeurope'
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'reg'
          location: 'westeurope'
          sku: {
            // SKU
            name: 'Premium'
          }
        }
        """;

    [Fact]
    public void Arm_metadata_suppression_that_matches_nothing_is_a_note_at_its_rule()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium", registryMetadata: "{ \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK006\" } ] } }"));
        var result = tree.Run();
        Assert.Equal(0, result.ExitCode);
        var line = Line(tree.Read("main.json"), "\"CMK006\"");
        Assert.Contains($"main.json({line.Line},{line.Column}): note CMK902: metadata.cmklint.suppress CMK006 suppresses nothing: no CMK006 (cmk-content-trust) finding in the object it is written on; remove it", result.Out);
    }

    [Fact]
    public void Arm_metadata_suppression_that_matches_is_not_reported()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard", registryMetadata: "{ \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK001\" } ] } }"));
        var result = tree.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CMK902", result.Out);
        Assert.Contains("1 suppressed", result.Out);
    }

    [Fact]
    public void Arm_metadata_with_an_unknown_rule_id_says_which_rule_was_meant()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Standard", templateMetadata: "{ \"cmklint\": { \"suppress\": [ \"CMK0001\" ] } }"));
        var result = tree.Run();
        Assert.Equal(1, result.ExitCode);
        var line = Line(tree.Read("main.json"), "\"CMK0001\"");
        Assert.Contains($"main.json({line.Line},{line.Column}): note CMK902: metadata.cmklint.suppress names 'CMK0001', which is not a CmkLint rule, so it suppresses nothing; did you mean 'CMK001'?", result.Out);
        Assert.Contains("error CMK001", result.Out);
    }

    [Fact]
    public void Bicep_pragma_for_a_rule_with_no_finding_on_the_next_line_is_a_note_at_the_code()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", PremiumBicep.Replace("// SKU", "#disable-next-line CMK001"));
        var result = tree.Run("main.bicep");
        var line = Line(tree.Read("main.bicep"), "CMK001");
        Assert.Contains($"main.bicep({line.Line},{line.Column}): note CMK902: #disable-next-line CMK001 suppresses nothing: no CMK001 (cmk-requires-premium) finding on the next line; remove it", result.Out);
    }

    [Fact]
    public void Bicep_pragma_that_suppresses_a_finding_is_not_reported()
    {
        using var tree = new TempTree();
        string cmk = PremiumBicep.Replace("// SKU", "#disable-next-line CMK001").Replace("'Premium'", "'Standard'")
            .Replace("  sku: {", "  identity: { type: 'UserAssigned', userAssignedIdentities: { '${uami.id}': {} } }\n  properties: { encryption: { status: 'enabled', keyVaultProperties: { identity: uami.properties.clientId, keyIdentifier: 'https://kv.vault.azure.net/keys/k' } } }\n  sku: {");
        tree.Write("main.bicep", cmk);
        var result = tree.Run("main.bicep", "--verbose");
        Assert.DoesNotContain("CMK902", result.Out);
        Assert.Contains("CMK001", result.Out);
        Assert.Contains("1 suppressed", result.Out);
    }

    [Fact]
    public void Bicep_pragma_names_of_bicep_linter_rules_are_not_ours_to_report()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", "#disable-next-line no-unused-params BCP081\nparam unused string = 'x'\n\n#disable-diagnostics use-secure-value-for-secure-inputs\n" + PremiumBicep + "\n#restore-diagnostics use-secure-value-for-secure-inputs\n");
        var result = tree.Run("main.bicep");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CMK902", result.Out);
    }

    [Fact]
    public void Bicep_pragma_with_a_mistyped_rule_name_says_which_rule_was_meant()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", "#disable-diagnostics cmk-requires-premum\n" + PremiumBicep);
        var result = tree.Run("main.bicep");
        Assert.Contains("main.bicep(1,22): note CMK902: #disable-diagnostics names 'cmk-requires-premum', which is not a CmkLint rule, so it suppresses nothing; did you mean 'cmk-requires-premium'?", result.Out);
    }

    [Fact]
    public void Report_unused_suppressions_makes_them_errors_that_fail_the_run()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", PremiumBicep.Replace("// SKU", "#disable-next-line CMK001"));
        Assert.Equal(0, tree.Run("main.bicep").ExitCode);
        var strict = tree.Run("main.bicep", "--report-unused-suppressions");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("error CMK902", strict.Out);

        var sarif = JObject.Parse(tree.Run("main.bicep", "--report-unused-suppressions", "-f", "sarif").Out);
        var result = Assert.Single((JArray)sarif["runs"]![0]!["results"]!);
        Assert.Equal("CMK902", (string)result["ruleId"]!);
        Assert.Equal("error", (string)result["level"]!);
    }

    [Fact]
    public void Configuration_suppress_entry_that_matches_nothing_is_a_note_in_cmklint_json()
    {
        using var tree = new TempTree();
        tree.Write("infra/main.json", Templates.Registry("Premium"));
        tree.Write("cmklint.json", "{\n  \"suppress\": [\n    { \"rule\": \"CMK001\", \"paths\": [\"infra/**\"] },\n    { \"rule\": \"CMK006\", \"paths\": [\"legacy/**\"] }\n  ]\n}\n");
        var result = tree.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cmklint.json(3,15): note CMK902: this 'cmklint.json' suppress entry suppresses nothing: no CMK001 (cmk-requires-premium) finding in its paths; remove it", result.Out);
        // The second entry's paths hold no file of this run: it cannot be judged.
        Assert.DoesNotContain("cmklint.json(4,", result.Out);

        tree.Write("infra/main.json", Templates.Registry("Standard"));
        var used = tree.Run();
        Assert.DoesNotContain("CMK902", used.Out);
        Assert.Contains("1 suppressed", used.Out);
    }

    [Fact]
    public void Configuration_suppress_entry_with_an_unknown_rule_is_an_error_with_a_suggestion()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium"));
        tree.Write("cmklint.json", "{ \"suppress\": [ { \"rule\": \"CMK0001\" } ] }");
        var result = tree.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cmklint.json(1,27): error: unknown rule 'CMK0001'; did you mean 'CMK001'?", result.Error);
    }

    [Fact]
    public void Stale_baseline_entry_is_a_note_at_the_entry_when_its_file_was_analysed()
    {
        using var tree = new TempTree();
        tree.Write("infra/old.json", Templates.Registry("Standard", "old"));
        tree.Write("infra/other.json", Templates.Registry("Standard", "other"));
        Assert.Equal(0, tree.Run("--write-baseline", "baseline.json").ExitCode);

        tree.Write("infra/old.json", Templates.Registry("Premium", "old"));
        var result = tree.Run("--baseline", "baseline.json");
        Assert.Equal(0, result.ExitCode);
        var line = Line(tree.Read("baseline.json"), "\"CMK001|infra/old.json");
        Assert.Contains($"baseline.json({line.Line},{line.Column}): note CMK902: the baseline entry for CMK001 in infra/old.json matches no finding any more (fixed?); rewrite the baseline with --write-baseline to drop it", result.Out);
        Assert.Single(result.Out.Split('\n'), l => l.Contains("CMK902"));

        // Linting only the other file cannot tell whether the entry for old.json is stale.
        Assert.DoesNotContain("CMK902", tree.Run("infra/other.json", "--baseline", "baseline.json").Out);
    }

    [Fact]
    public void Suppression_of_a_previous_state_rule_is_not_judged_without_a_previous_state()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium", registryMetadata: "{ \"cmklint\": { \"suppress\": [ \"CMK008\", \"cmk-identity-removed\" ] } }"));
        Assert.DoesNotContain("CMK902", tree.Run().Out);
    }

    [Fact]
    public void Unused_suppression_notes_can_be_turned_off_like_any_rule()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium", registryMetadata: "{ \"cmklint\": { \"suppress\": [ \"CMK006\" ] } }"));
        tree.Write("cmklint.json", "{ \"rules\": { \"unused-suppression\": \"none\" } }");
        Assert.DoesNotContain("CMK902", tree.Run().Out);
    }

    private static (int Line, int Column) Line(string text, string needle)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf(needle, System.StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new Xunit.Sdk.XunitException($"'{needle}' not found");
    }
}
