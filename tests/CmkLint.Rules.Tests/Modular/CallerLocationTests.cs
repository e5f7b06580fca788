using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Fixes;
using CmkLint.Rules.Tests.Fixes;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>
/// Issue 17 item 5: a finding inside a module whose value its caller (or a parameters file) decides is
/// located at the caller's argument — where the fix goes — with the module's property and parameter
/// related; a module's own default keeps the finding in the module. The fingerprint never moves.
/// </summary>
public class CallerLocationTests
{
    private const string MainPath = "/virtual/main.bicep";
    private const string ModulePath = "/virtual/module.bicep";

    /// <summary>
    /// Each case: the rule, the sample the module is made of, the text of the sample the module's parameter
    /// <c>p</c> replaces (the use keeps everything before the value), the parameter's type, a good default and the bad value.
    /// </summary>
    public static IEnumerable<object[]> Cases() => new[]
    {
        new object[] { "CMK001", "good/main.bicep", "name: 'Premium'", "string", "'Premium'", "'Standard'" },
        new object[] { "CMK002", "good/main.bicep", "type: 'UserAssigned'", "string", "'UserAssigned'", "'SystemAssigned'" },
        new object[] { "CMK005", "good/main.bicep", "enablePurgeProtection: true", "bool", "true", "false" },
        new object[] { "CMK005", "good/main.bicep", "enableSoftDelete: true", "bool", "true", "false" },
        new object[] { "CMK006", "good/main.bicep", "encryption: {", "string", "'disabled'", "'enabled'" },
        new object[] { "CMK007", "bad/cmk007-enabled-after-creation.bicep", "status: 'enabled'", "string", "'disabled'", "'enabled'" },
        new object[] { "CMK009", "good/main.bicep", "accessPolicies: []", "string", "'AzureServices'", "'None'" },
        new object[] { "CMK011", "good/main.bicep", "kty: 'RSA'", "string", "'RSA'", "'EC'" },
        new object[] { "CMK012", "good/main.bicep", "keyIdentifier: vault::key.properties.keyUri", "string", "'https://kv1.vault.azure.net/keys/acr-cmk'", "'https://kv1.vault.azure.net/secrets/acr-cmk'" },
        new object[] { "CMK013", "good/main.bicep", "keyIdentifier: vault::key.properties.keyUri", "string", "'https://kv1.vault.azure.net/keys/acr-cmk'", "'https://kv1.vault.azure.net/keys/acr-cmk/0123456789abcdef0123456789abcdef'" },
        new object[] { "CMK015", "bad/cmk015-tasks.bicep", "status: 'enabled'", "string", "'disabled'", "'enabled'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_value_the_caller_passes_is_reported_at_the_callers_argument(string rule, string sample, string replaced, string type, string good, string bad)
    {
        string module = Module(sample, replaced, type, good);
        string main = Caller("p: " + bad);
        var finding = Single(Lint.Files(new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module }), rule);

        Assert.Equal(MainPath, finding.Path);
        Assert.Equal(Lint.Locate(main, bad), finding.Position());
        Assert.Equal(bad, finding.Span.Text);
        AssertRelated(finding, "set here from parameter 'p'", ModulePath, UseOfP(module, replaced));
        AssertRelated(finding, "parameter 'p'", ModulePath, Declaration(module, "p"));
        AssertRelated(finding, "passed here by 'inner'", MainPath, Lint.Locate(main, bad));
        Assert.Equal(ModulePath, FingerprintPath(finding));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_modules_own_default_keeps_the_finding_in_the_module(string rule, string sample, string replaced, string type, string good, string bad)
    {
        _ = good;
        string module = Module(sample, replaced, type, bad);
        string main = Caller(string.Empty);
        var finding = Single(Lint.Files(new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module }), rule);

        Assert.Equal(ModulePath, finding.Path);
        Assert.Equal(UseOfP(module, replaced), finding.Position());
        Assert.DoesNotContain(finding.Related, r => r.Message.StartsWith("set here", System.StringComparison.Ordinal) || r.Message.StartsWith("passed here", System.StringComparison.Ordinal));
        AssertRelated(finding, "parameter 'p'", ModulePath, Declaration(module, "p"));
    }

    [Fact]
    public void The_avm_registry_tests_argument_is_where_a_wrong_sku_is_reported()
    {
        string registry = Path.Combine(Oracle.SharedCorpus.Shared, "corpus", "avm", "res", "container-registry", "registry");
        string test = Path.Combine(registry, "tests", "e2e", "encr", "main.test.bicep");
        string text = File.ReadAllText(test).Replace("\r\n", "\n");
        Assert.Contains("acrSku: 'Premium'", text);
        text = text.Replace("acrSku: 'Premium'", "acrSku: 'Standard'");
        var options = new Engine.LintOptions { Parallel = false, Now = new System.DateTimeOffset(2025, 6, 1, 0, 0, 0, System.TimeSpan.Zero) };
        var result = new Engine.LintEngine(options).AnalyzeTexts(new Dictionary<string, string> { [test] = text });

        var finding = Assert.Single(result.Of("CMK001"));
        Assert.Equal(test, finding.Path);
        Assert.Equal(Lint.Locate(text, "'Standard'"), finding.Position());
        string module = Path.Combine(registry, "main.bicep");
        Assert.Contains(finding.Related, r => r.Message == "set here from parameter 'acrSku'" && r.Span.File!.Path == module);
        Assert.Contains(finding.Related, r => r.Message == "parameter 'acrSku'" && r.Span.File!.Path == module && r.Span.Text == "acrSku");
        Assert.Equal(module, FingerprintPath(finding));
    }

    [Fact]
    public void The_fingerprint_is_the_same_wherever_the_value_comes_from()
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Standard'");
        var inModule = Single(Lint.Files(new Dictionary<string, string> { [MainPath] = Caller(string.Empty), [ModulePath] = module }), "CMK001");
        var passed = Single(Lint.Files(new Dictionary<string, string> { [MainPath] = Caller("p: 'Basic'"), [ModulePath] = module }), "CMK001");
        Assert.NotEqual(inModule.Path, passed.Path);
        Assert.Equal(inModule.Fingerprint, passed.Fingerprint);
    }

    [Fact]
    public void Through_two_modules_the_outermost_literal_decides()
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'");
        string middle = "param p string = 'Premium'\n\nmodule inner 'module.bicep' = {\n  name: 'inner'\n  params: {\n    p: p\n  }\n}\n";
        string main = "module middle 'middle.bicep' = {\n  name: 'middle'\n  params: {\n    p: 'Basic'\n  }\n}\n";
        var finding = Single(Lint.Files(new Dictionary<string, string> { [MainPath] = main, ["/virtual/middle.bicep"] = middle, [ModulePath] = module }), "CMK001");

        Assert.Equal(MainPath, finding.Path);
        Assert.Equal(Lint.Locate(main, "'Basic'"), finding.Position());
        AssertRelated(finding, "set here from parameter 'p'", ModulePath, UseOfP(module, "name: 'Premium'"));
        AssertRelated(finding, "passed here by 'inner'", "/virtual/middle.bicep", Lint.Locate(middle, "p: p", 0) is var (line, column) ? (line, column + 3) : default);
        AssertRelated(finding, "passed here by 'middle'", MainPath, Lint.Locate(main, "'Basic'"));
        Assert.Contains(finding.Related, r => r.Message == "parameter 'p'" && r.Span.File!.Path == "/virtual/middle.bicep");
        Assert.Equal(ModulePath, FingerprintPath(finding));
    }

    [Fact]
    public void A_callers_parameter_default_through_a_variable_is_where_the_value_is_decided()
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'");
        string main = "param tier string = 'Standard'\n\nvar chosen = tier\n\n" + Caller("p: chosen");
        var finding = Single(Lint.Files(new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module }), "CMK001");

        Assert.Equal(Lint.Locate(main, "'Standard'"), finding.Position());
        AssertRelated(finding, "parameter 'tier'", MainPath, Declaration(main, "tier"));
        AssertRelated(finding, "passed here by 'inner'", MainPath, Lint.Locate(main, "chosen", 1));
        AssertRelated(finding, "set here from parameter 'p'", ModulePath, UseOfP(module, "name: 'Premium'"));
    }

    [Fact]
    public void An_undecided_check_points_at_the_callers_argument_that_leaves_the_value_open()
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'");
        string main = "param tier string\n\n" + Caller("p: tier");
        var result = Lint.Files(new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module }, includeInconclusive: true);
        var open = Assert.Single(result.Of("CMK001"), f => f.Kind == FindingKind.Inconclusive && f.Related.Any(r => r.Message == "parameter 'p'"));

        Assert.Equal(Lint.Locate(main, "tier", 1), open.Position());
        AssertRelated(open, "set here from parameter 'p'", ModulePath, UseOfP(module, "name: 'Premium'"));
        AssertRelated(open, "parameter 'tier'", MainPath, Declaration(main, "tier"));
    }

    [Fact]
    public void An_allowed_value_warning_through_a_module_is_suppressed_at_the_modules_property()
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'").Replace("    name: p\n", "    #disable-next-line CMK001\n    name: p\n");
        string main = "@allowed([ 'Premium', 'Standard' ])\nparam tier string = 'Premium'\n\n" + Caller("p: tier");
        var result = Lint.Files(new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module });

        var warning = Assert.Single(result.Of("CMK001"));
        Assert.Equal(Level.Warning, warning.Level);
        Assert.Equal(MainPath, warning.Path);
        Assert.True(warning.IsSuppressed);
    }

    [Fact]
    public void A_bicepparam_value_is_reported_in_the_parameters_file()
    {
        string template = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'");
        string parameters = "using 'main.bicep'\n\nparam p = 'Basic'\n";
        var finding = Single(Lint.Files(new Dictionary<string, string> { [MainPath] = template, ["/virtual/main.bicepparam"] = parameters }), "CMK001");

        Assert.Equal("/virtual/main.bicepparam", finding.Path);
        Assert.Equal(Lint.Locate(parameters, "'Basic'"), finding.Position());
        AssertRelated(finding, "set here from parameter 'p'", MainPath, UseOfP(template, "name: 'Premium'"));
        AssertRelated(finding, "parameter 'p'", MainPath, Declaration(template, "p"));
        Assert.Equal(MainPath, FingerprintPath(finding));
    }

    [Theory]
    [InlineData("CMK001", "\"sku\": { \"name\": \"Premium\" }", "\"sku\": { \"name\": \"[parameters('p')]\" }", "\"Standard\"")]
    [InlineData("CMK006", "\"encryption\": {", "\"policies\": { \"trustPolicy\": { \"type\": \"Notary\", \"status\": \"[parameters('p')]\" } }, \"encryption\": {", "\"enabled\"")]
    [InlineData("CMK013", "\"keyIdentifier\": \"https://kv1.vault.azure.net/keys/acr-cmk\"", "\"keyIdentifier\": \"[parameters('p')]\"", "\"https://kv1.vault.azure.net/keys/acr-cmk/0123456789abcdef0123456789abcdef\"")]
    public void An_arm_nested_deployments_parameter_value_is_reported_there(string rule, string replaced, string use, string bad)
    {
        string json = NestedDeployment(bad).Replace(replaced, use);
        var finding = Single(Lint.Json(json), rule);

        Assert.Equal(Lint.Locate(json, bad), finding.Position());
        AssertRelated(finding, "set here from parameter 'p'", Lint.MainPath, Lint.Locate(json, "parameters('p')"));
        AssertRelated(finding, "parameter 'p'", Lint.MainPath, Lint.Locate(json, "\"p\": { \"type\""));
        AssertRelated(finding, "passed here by 'inner'", Lint.MainPath, Lint.Locate(json, bad));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_pragma_at_the_modules_property_or_at_the_callers_argument_suppresses_the_moved_finding(bool atModule)
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'");
        string main = Caller("p: 'Standard'");
        if (atModule)
        {
            module = module.Replace("    name: p\n", "    #disable-next-line CMK001\n    name: p\n");
        }
        else
        {
            main = main.Replace("    p: 'Standard'", "    #disable-next-line CMK001\n    p: 'Standard'");
        }

        var result = Lint.Files(new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module });
        var finding = Single(result, "CMK001");
        Assert.Equal(MainPath, finding.Path);
        Assert.True(finding.IsSuppressed);
        Assert.Equal("inSource", finding.Suppression!.Kind);
        Assert.Empty(result.Of("CMK902"));
    }

    [Fact]
    public void The_fix_edits_the_callers_argument_the_finding_points_at()
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'");
        string main = Caller("p: 'Standard'");
        var round = FixRound.Run(new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module });

        var fix = Assert.Single(round.Fixes);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal(MainPath, fix.Finding.Path);
        Assert.True(edit.Span.Start >= fix.Finding.Span.Start && edit.Span.End <= fix.Finding.Span.End, "the edit is inside the finding's primary location");
        Assert.Equal(main.Replace("'Standard'", "'Premium'"), round.After[MainPath]);
        Assert.Equal(module, round.After[ModulePath]);
        Assert.DoesNotContain(Lint.Files(round.After).Findings, f => f.RuleId == "CMK001");
    }

    [Fact]
    public void Through_two_modules_the_fix_edits_the_outermost_literal()
    {
        string module = Module("good/main.bicep", "name: 'Premium'", "string", "'Premium'");
        string middle = "param p string = 'Premium'\n\nmodule inner 'module.bicep' = {\n  name: 'inner'\n  params: {\n    p: p\n  }\n}\n";
        string main = "param tier string = 'Basic'\n\nmodule middle 'middle.bicep' = {\n  name: 'middle'\n  params: {\n    p: tier\n  }\n}\n";
        var files = new Dictionary<string, string> { [MainPath] = main, ["/virtual/middle.bicep"] = middle, [ModulePath] = module };
        var round = FixRound.Run(files);

        var fix = Assert.Single(round.Fixes);
        Assert.Equal(Lint.Locate(main, "'Basic'"), fix.Finding.Position());
        Assert.Equal(main.Replace("'Basic'", "'Premium'"), round.After[MainPath]);
        Assert.Equal(middle, round.After["/virtual/middle.bicep"]);
        Assert.DoesNotContain(Lint.Files(round.After).Findings, f => f.RuleId == "CMK001");

        // A parameter passed through that does not allow the fixed value: no certain fix.
        files["/virtual/middle.bicep"] = "@allowed([ 'Basic', 'Standard' ])\n" + middle.Replace("= 'Premium'", "= 'Standard'");
        var blocked = FixRound.Run(files);
        Assert.Contains(blocked.Before.Findings, f => f.RuleId == "CMK001" && f.Path == MainPath);
        Assert.DoesNotContain(blocked.Fixes, f => f.Edits.Any(e => e.Path == MainPath));
    }

    [Fact]
    public void A_principal_id_the_caller_passes_is_reported_and_renamed_at_the_callers_argument()
    {
        string module = """
            param identityId string
            param p string

            resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
              name: 'acr1'
              location: 'westeurope'
              sku: { name: 'Premium' }
              identity: {
                type: 'UserAssigned'
                userAssignedIdentities: { '${identityId}': {} }
              }
              properties: {
                encryption: {
                  status: 'enabled'
                  keyVaultProperties: {
                    identity: p
                    keyIdentifier: 'https://kv1.vault.azure.net/keys/acr-cmk'
                  }
                }
              }
            }
            """;
        string main = "resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n  name: 'uami'\n  location: 'westeurope'\n}\n\n"
            + Caller("identityId: uami.id\n    p: uami.properties.principalId");
        var files = new Dictionary<string, string> { [MainPath] = main, [ModulePath] = module };
        var round = FixRound.Run(files);

        var finding = Single(round.Before, "CMK003");
        Assert.Equal(Lint.Locate(main, "uami.properties.principalId"), finding.Position());
        AssertRelated(finding, "set here from parameter 'p'", ModulePath, Lint.Locate(module, "identity: p") is var (line, column) ? (line, column + "identity: ".Length) : default);
        var fix = Assert.Single(round.Fixes, f => f.Finding.RuleId == "CMK003");
        Assert.Equal(MainPath, Assert.Single(fix.Edits).Path);
        Assert.Equal(main.Replace("uami.properties.principalId", "uami.properties.clientId"), round.After[MainPath]);
        Assert.DoesNotContain(Lint.Files(round.After).Findings, f => f.RuleId == "CMK003");
    }

    /// <summary>The sample with a parameter <c>p</c> (default <paramref name="value"/>) in place of the value <paramref name="replaced"/> writes.</summary>
    private static string Module(string sample, string replaced, string type, string value)
    {
        string text = File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), "samples", "bicep", sample)).Replace("\r\n", "\n");
        Assert.Contains(replaced, text);
        string use = replaced switch
        {
            // Properties the good sample does not write: the use adds them.
            "encryption: {" => "policies: {\n      trustPolicy: {\n        type: 'Notary'\n        status: p\n      }\n    }\n    encryption: {",
            "accessPolicies: []" => "accessPolicies: []\n    networkAcls: {\n      defaultAction: 'Deny'\n      bypass: p\n    }",
            _ => Use(replaced),
        };
        return $"param p {type} = {value}\n\n" + text.Replace(replaced, use);
    }

    /// <summary>The text of the module's use of <c>p</c> (its position is the finding's in the module).</summary>
    private static string Use(string replaced) => replaced switch
    {
        "encryption: {" => "status: p",
        "accessPolicies: []" => "bypass: p",
        _ => replaced.Substring(0, replaced.IndexOf(':') + 1) + " p",
    };

    private static string Caller(string argument) =>
        $"module inner 'module.bicep' = {{\n  name: 'inner'\n  params: {{\n    {argument}\n  }}\n}}\n";

    /// <summary>An ARM template deploying a CMK registry in an inner-scope nested deployment that binds its parameter 'p' to <paramref name="bad"/>.</summary>
    private static string NestedDeployment(string bad) => $$"""
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Resources/deployments",
              "apiVersion": "2022-09-01",
              "name": "inner",
              "properties": {
                "mode": "Incremental",
                "expressionEvaluationOptions": { "scope": "inner" },
                "parameters": {
                  "p": { "value": {{bad}} }
                },
                "template": {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "p": { "type": "string" }
                  },
                  "resources": [
                    {
                      "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
                      "apiVersion": "2023-01-31",
                      "name": "uami",
                      "location": "westeurope"
                    },
                    {
                      "type": "Microsoft.ContainerRegistry/registries",
                      "apiVersion": "2023-07-01",
                      "name": "acr1",
                      "location": "westeurope",
                      "sku": { "name": "Premium" },
                      "identity": {
                        "type": "UserAssigned",
                        "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami')]": {} }
                      },
                      "properties": {
                        "encryption": {
                          "status": "enabled",
                          "keyVaultProperties": {
                            "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami'), '2023-01-31').clientId]",
                            "keyIdentifier": "https://kv1.vault.azure.net/keys/acr-cmk"
                          }
                        }
                      },
                      "dependsOn": [ "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami')]" ]
                    }
                  ]
                }
              }
            }
          ]
        }
        """;

    /// <summary>The rule's violation about the value of a parameter 'p' (a rule may also report other values).</summary>
    private static Finding Single(Engine.LintResult result, string rule) =>
        Assert.Single(result.Of(rule), f => f.Kind == FindingKind.Violation && f.Related.Any(r => r.Message == "parameter 'p'"));

    /// <summary>Where a Bicep parameter is declared: its name.</summary>
    private static (int Line, int Column) Declaration(string text, string name) => Lint.Locate(text, "param " + name + " ") is var (line, column) ? (line, column + "param ".Length) : default;

    /// <summary>Where the module reads <c>p</c> in its use of it (the value the rule sees).</summary>
    private static (int Line, int Column) UseOfP(string module, string replaced)
    {
        string use = Use(replaced);
        var (line, column) = Lint.Locate(module, use);
        return (line, column + use.Length - 1);
    }

    private static void AssertRelated(Finding finding, string message, string path, (int Line, int Column) at)
    {
        var related = finding.Related.Where(r => r.Message == message).ToList();
        Assert.True(related.Count > 0, $"no related location '{message}' in: {string.Join("; ", finding.Related.Select(r => r.Message))}");
        Assert.True(
            related.Any(r => r.Span.File!.Path == path && (r.Span.StartPosition.Line, r.Span.StartPosition.Column) == at),
            $"'{message}' expected at {path}({at.Line},{at.Column}), found at: {string.Join("; ", related.Select(r => $"{r.Span.File!.Path}({r.Span.StartPosition.Line},{r.Span.StartPosition.Column})"))}");
    }

    /// <summary>The file part of the fingerprint (rule|file|resource|path|kind).</summary>
    private static string FingerprintPath(Finding finding) => finding.Fingerprint.Split('|')[1];
}
