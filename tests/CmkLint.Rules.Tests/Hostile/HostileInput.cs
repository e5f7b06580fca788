using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>Hostile templates in both languages, each linted beside an ordinary bad one that must still be reported.</summary>
internal static class HostileInput
{
    public const string ArmPath = "/hostile/main.json";
    public const string BicepPath = "/hostile/main.bicep";
    public const string BesideArmPath = "/beside/standard.json";
    public const string BesideBicepPath = "/beside/standard.bicep";

    /// <summary>A Standard-SKU registry with a customer-managed key: CMK001.</summary>
    public static readonly string BesideArm = ArmTemplate(Registry(Encryption(), sku: "Standard"));

    /// <summary>The same in Bicep.</summary>
    public const string BesideBicep =
        "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n" +
        "  name: 'acrbeside'\n" +
        "  location: 'westeurope'\n" +
        "  sku: {\n" +
        "    name: 'Standard'\n" +
        "  }\n" +
        "  properties: {\n" +
        "    encryption: {\n" +
        "      status: 'enabled'\n" +
        "      keyVaultProperties: {\n" +
        "        identity: '00000000-0000-0000-0000-000000000001'\n" +
        "        keyIdentifier: 'https://kv1.vault.azure.net/keys/k1'\n" +
        "      }\n" +
        "    }\n" +
        "  }\n" +
        "}\n";

    /// <summary>An ARM registry whose tag holds <paramref name="expression"/>, so that the value is evaluated.</summary>
    public static string ArmUsing(string expression, string variables = "", string parameters = "", string functions = "") =>
        "{\n" +
        "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n" +
        "  \"contentVersion\": \"1.0.0.0\",\n" +
        (functions.Length > 0 ? "  \"functions\": [" + functions + "],\n" : string.Empty) +
        "  \"parameters\": {" + parameters + "},\n" +
        "  \"variables\": {" + variables + "},\n" +
        "  \"resources\": [\n" + Registry(Encryption(), name: "acrtagged", extra: "      \"tags\": { \"t\": \"" + expression + "\" },\n") + "\n  ]\n" +
        "}\n";

    /// <summary>A Bicep registry whose tag holds <c>string(expression)</c>, after the given declarations.</summary>
    public static string BicepUsing(string declarations, string expression) =>
        declarations + "\n" +
        "resource tagged 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n" +
        "  name: 'acrtagged'\n" +
        "  location: 'westeurope'\n" +
        "  sku: {\n" +
        "    name: 'Premium'\n" +
        "  }\n" +
        "  tags: {\n" +
        "    t: string(" + expression + ")\n" +
        "  }\n" +
        "}\n";

    /// <summary>Lines joined with newlines: <c>make(i)</c> for i in [from, to).</summary>
    public static string Lines(int from, int to, Func<int, string> make, string separator = "\n")
    {
        var sb = new StringBuilder();
        for (int i = from; i < to; i++)
        {
            sb.Append(make(i)).Append(separator);
        }

        return sb.ToString();
    }

    /// <summary>Lints the hostile files beside both ordinary bad templates, checking what every hostile run must show.</summary>
    public static LintResult Run(Dictionary<string, string> hostile, Action<LintOptions>? configure = null)
    {
        var files = new Dictionary<string, string>(hostile) { [BesideArmPath] = BesideArm, [BesideBicepPath] = BesideBicep };
        var result = Lint.Files(files, configure: configure);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("internal error", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && f.Path == BesideArmPath);
        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && f.Path == BesideBicepPath);
        return result;
    }

    public static LintResult Run(string path, string text, Action<LintOptions>? configure = null) =>
        Run(new Dictionary<string, string> { [path] = text }, configure);

    /// <summary>The one CMK901 naming <paramref name="budget"/> in the file, asserted to be on the line of <paramref name="needle"/>.</summary>
    public static Finding BudgetNote(LintResult result, string path, string budget, string text, string needle, int occurrence = 0)
    {
        var notes = result.Findings.Where(f => f.RuleId == "CMK901" && f.Path == path && f.Message.Contains("'" + budget + "'", StringComparison.Ordinal)).ToList();
        var note = Assert.Single(notes);
        Assert.Equal(Lint.Locate(text, needle, occurrence).Line, note.Position().Line);
        Assert.Equal(Level.Note, note.Level);
        return note;
    }

    /// <summary>The evaluation steps the engine spent on a file.</summary>
    public static long Steps(LintResult result, string path) => result.EvaluationSteps.Single(p => p.Key.EndsWith(path, StringComparison.Ordinal)).Value;
}
