using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CmkLint.Analyzers.CSharp;
using CmkLint.Configuration;
using CmkLint.Engine;
using CmkLint.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>
/// cmklint.json (levels, <c>off</c>, suppressions) and the baseline as the analyzers see them: additional
/// files, the nearest above the source file or the one <c>build_property.CmkLintConfig</c> names; and how
/// they meet <c>.editorconfig</c> severities (the editorconfig wins).
/// </summary>
public class ConfigurationFileTests
{
    // Under /repo, not /: the engine's relative paths (globs, baseline fingerprints) need a folder above the files.
    private const string VersionedKey = "\"https://kv.vault.azure.net/keys/acr/0123456789abcdef0123456789abcdef\"";

    private const string Bicep = """
        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'acr-id'
          location: 'westeurope'
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acr'
          location: 'westeurope'
          sku: {
            name: SKU
          }
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${identity.id}': {}
            }
          }
          properties: {
            encryption: {
              status: 'enabled'
              keyVaultProperties: {
                identity: identity.properties.clientId
                keyIdentifier: KEY
              }
            }
          }
        }

        """;

    private static readonly (string, string)[] None = Array.Empty<(string, string)>();

    private static string Template(string sku, string key) =>
        Bicep.Replace("SKU", sku, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal);

    private static Task CSharp(string markup, (string Path, string Text)[] additionalFiles, (string Path, string Text)[] configs, params DiagnosticResult[] expected) =>
        Verify.ConfiguredAsync<InfrastructureCodeAnalyzer>(Sdk.Provisioning11, new[] { ("/repo/src/Infrastructure.cs", markup) }, additionalFiles, configs, expected);

    private static Task Templates((string Path, string Markup)[] additionalFiles, (string Path, string Text)[] configs, params DiagnosticResult[] expected) =>
        Verify.ConfiguredAsync<TemplateFileAnalyzer>(null, new[] { ("/repo/src/App.cs", "internal static class App { }") }, additionalFiles, configs, expected);

    [Fact]
    public Task CSharp_rule_turned_off_in_cmklint_json_is_not_reported_and_the_others_still_are() =>
        CSharp(
            Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard", encryptionIdentity: "{|CMK003:identity.PrincipalId|}.ToString()"),
            new[] { ("/repo/cmklint.json", """{ "rules": { "CMK001": "off" } }""") },
            None);

    [Fact]
    public Task CSharp_levels_of_cmklint_json_become_the_diagnostic_severities() =>
        CSharp(
            Snippets.Provisioning(sku: "{|#0:ContainerRegistrySkuName.Standard|}", keyIdentifier: "{|#1:" + VersionedKey + "|}"),
            new[] { ("/repo/cmklint.json", """{ "rules": { "CMK001": "note", "cmk-versionless-key": "error" } }""") },
            None,
            new DiagnosticResult("CMK001", DiagnosticSeverity.Info).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            new DiagnosticResult("CMK013", DiagnosticSeverity.Error).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task CSharp_editorconfig_severity_wins_over_the_cmklint_json_level() =>
        CSharp(
            Snippets.Provisioning(keyIdentifier: "{|#0:" + VersionedKey + "|}"),
            new[] { ("/repo/cmklint.json", """{ "rules": { "CMK013": "error" } }""") },
            new[] { ("/repo/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CMK013.severity = warning\n") },
            new DiagnosticResult("CMK013", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task CSharp_finding_in_a_suppressed_folder_is_not_reported() =>
        CSharp(
            Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard"),
            new[] { ("/repo/cmklint.json", """{ "suppress": [ { "rule": "CMK001", "paths": ["src/**"], "justification": "test registry" } ] }""") },
            None);

    [Fact]
    public Task CSharp_suppression_for_another_folder_leaves_the_finding() =>
        CSharp(
            Snippets.Provisioning(sku: "{|CMK001:ContainerRegistrySkuName.Standard|}"),
            new[] { ("/repo/cmklint.json", """{ "suppress": [ { "rule": "CMK001", "paths": ["infra/**"] } ] }""") },
            None);

    [Fact]
    public Task CSharp_finding_accepted_in_the_baseline_is_not_reported_and_the_others_are()
    {
        string accepted = Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard", keyIdentifier: VersionedKey);
        var cmk001 = LoweredFindings(accepted).Where(f => f.RuleId == "CMK001").ToList();
        Assert.Single(cmk001);
        string baseline = Baseline.FromFindings(cmk001, "/repo").ToJson();
        return CSharp(
            Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard", keyIdentifier: "{|CMK013:" + VersionedKey + "|}"),
            new[] { ("/repo/cmklint.baseline.json", baseline) },
            None);
    }

    [Fact]
    public Task CSharp_baseline_named_by_the_build_property_is_used()
    {
        var findings = LoweredFindings(Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard"));
        string baseline = Baseline.FromFindings(findings, "/repo").ToJson();
        return CSharp(
            Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard"),
            new[] { ("/repo/baselines/accepted.json", baseline) },
            new[] { ("/.globalconfig", "is_global = true\nbuild_property.CmkLintBaseline = /repo/baselines/accepted.json\nbuild_property.CmkLintSourceRoot = /repo\n") });
    }

    [Fact]
    public Task Template_levels_off_and_raised_apply_to_an_additional_file() =>
        Templates(
            new[]
            {
                ("/repo/infra/main.bicep", Template("'Standard'", "{|#0:'https://kv.vault.azure.net/keys/acr/0123456789abcdef0123456789abcdef'|}")),
                ("/repo/cmklint.json", """{ "rules": { "CMK001": "off", "CMK013": "error" } }"""),
            },
            None,
            new DiagnosticResult("CMK013", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Template_level_lowered_to_note_is_info_and_editorconfig_none_silences_another() =>
        Templates(
            new[]
            {
                ("/repo/infra/main.bicep", Template("{|#0:'Standard'|}", "'https://kv.vault.azure.net/keys/acr/0123456789abcdef0123456789abcdef'")),
                ("/repo/cmklint.json", """{ "rules": { "CMK001": "note" } }"""),
            },
            new[] { ("/repo/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.CMK013.severity = none\n") },
            new DiagnosticResult("CMK001", DiagnosticSeverity.Info).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Template_suppressed_by_path_in_cmklint_json_is_not_reported_outside_it_is() =>
        Templates(
            new[]
            {
                ("/repo/infra/dev/main.bicep", Template("'Standard'", "'https://kv.vault.azure.net/keys/acr'")),
                ("/repo/infra/prod/main.bicep", Template("{|CMK001:'Standard'|}", "'https://kv.vault.azure.net/keys/acr'")),
                ("/repo/cmklint.json", """{ "suppress": [ { "rule": "cmk-requires-premium", "paths": ["infra/dev/**"] } ] }"""),
            },
            None);

    [Fact]
    public Task Template_finding_accepted_in_the_baseline_is_not_reported()
    {
        string text = Template("'Standard'", "'https://kv.vault.azure.net/keys/acr/0123456789abcdef0123456789abcdef'");
        var result = new LintEngine(new LintOptions { Parallel = false, DiscoverParameterFiles = false }).AnalyzeTexts(new Dictionary<string, string> { ["/repo/infra/main.bicep"] = text });
        var cmk001 = result.Findings.Where(f => f.RuleId == "CMK001").ToList();
        Assert.Single(cmk001);
        return Templates(
            new[]
            {
                ("/repo/infra/main.bicep", Template("'Standard'", "{|CMK013:'https://kv.vault.azure.net/keys/acr/0123456789abcdef0123456789abcdef'|}")),
                ("/repo/cmklint.baseline.json", Baseline.FromFindings(cmk001, "/repo").ToJson()),
            },
            None);
    }

    [Fact]
    public Task Template_takes_the_nearest_cmklint_json_above_it() =>
        Templates(
            new[]
            {
                ("/repo/app/main.bicep", Template("'Standard'", "'https://kv.vault.azure.net/keys/acr'")),
                ("/repo/infra/main.bicep", Template("{|CMK001:'Standard'|}", "'https://kv.vault.azure.net/keys/acr'")),
                ("/repo/cmklint.json", """{ "rules": { "CMK001": "off" } }"""),
                ("/repo/infra/cmklint.json", """{ "rules": { "CMK013": "error" } }"""),
            },
            None);

    [Fact]
    public Task Template_cmklint_config_property_overrides_the_nearest_file() =>
        Templates(
            new[]
            {
                ("/repo/infra/main.bicep", Template("{|#0:'Standard'|}", "'https://kv.vault.azure.net/keys/acr'")),
                ("/repo/cmklint.json", """{ "rules": { "CMK001": "off" } }"""),
                ("/repo/ci/strict.json", """{ "rules": { "CMK001": "warning" } }"""),
            },
            new[] { ("/.globalconfig", "is_global = true\nbuild_property.CmkLintConfig = /repo/ci/strict.json\n") },
            new DiagnosticResult("CMK001", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Broken_cmklint_json_is_reported_where_it_is_wrong_and_nothing_under_it_is_analysed() =>
        Templates(
            new[]
            {
                ("/repo/infra/main.bicep", Template("'Standard'", "'https://kv.vault.azure.net/keys/acr'")),
                ("/repo/cmklint.json", "{ \"rules\": { \"CMK001\": {|#0:|}\"loud\" } }"),
            },
            None,
            new DiagnosticResult(CmkDiagnostics.InvalidSettings).WithLocation(0).WithArguments("invalid level for 'CMK001'; expected \"error\", \"warning\", \"note\" or \"off\""));

    [Fact]
    public Task Broken_baseline_silences_the_csharp_analyzer_too() =>
        CSharp(
            Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard"),
            new[] { ("/repo/cmklint.baseline.json", """{ "version": 1 }""") },
            None);

    /// <summary>What the analyzer's C# path finds in a source (the engine's findings, before the analyzer reports them), to write a baseline from.</summary>
    private static IReadOnlyList<CmkLint.Diagnostics.Finding> LoweredFindings(string source)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, path: "/repo/src/Infrastructure.cs") };
        foreach (var stub in Verify.Stubs(Sdk.Provisioning11))
        {
            trees.Add(CSharpSyntaxTree.ParseText(stub.Text, path: stub.Name));
        }

        var compilation = CSharpCompilation.Create("infra", trees, FrameworkReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var tree = trees[0];
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var block = compilation.GetSemanticModel(tree).GetOperation(method)!;
        var lowering = new InfrastructureLowering(compilation, tree);
        var template = lowering.Lower(new[] { block });
        return new TemplateAnalysis(new LintOptions { Parallel = false }).Analyze(template);
    }

    private static class FrameworkReferences
    {
        public static readonly MetadataReference[] All = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal) && (System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) == "netstandard.dll" || System.IO.Path.GetFileName(p) == "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }
}
