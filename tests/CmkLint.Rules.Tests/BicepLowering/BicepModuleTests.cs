using System.Linq;
using CmkLint.Evaluation;
using CmkLint.Model;
using Xunit;

namespace CmkLint.Rules.Tests.BicepLowering;

public sealed class BicepModuleTests
{
    private const string StandardRegistry = """
        param registryName string = 'acr1'
        resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: registryName
          location: 'westeurope'
          sku: {
            name: 'Standard'
          }
          properties: {
            encryption: {
              status: 'enabled'
              keyVaultProperties: {
                identity: '00000000-0000-0000-0000-000000000001'
                keyIdentifier: 'https://kv1.vault.azure.net/keys/cmk'
              }
            }
          }
        }
        output registryId string = acr.id
        """;

    [Fact]
    public void Module_becomes_a_nested_deployment_with_bound_parameters_and_scope()
    {
        var files = new BicepFiles(
            ("main.bicep", """
                param prefix string = 'team'
                module registry 'modules/registry.bicep' = {
                  name: 'registry-deployment'
                  scope: resourceGroup('rg-registry')
                  params: {
                    registryName: '${prefix}acr'
                  }
                }
                output id string = registry.outputs.registryId
                """),
            ("modules/registry.bicep", StandardRegistry));
        var template = files.Lower("main.bicep");
        var module = BicepFiles.Resource(template, "registry");

        Assert.Equal("Microsoft.Resources/deployments", module.Type);
        Assert.NotNull(module.Scope);
        Assert.Equal(ExpressionScope.Inner, module.Nested!.ExpressionScope);
        Assert.EndsWith("registry.bicep", module.Nested.Template.File.Path);
        Assert.True(module.Nested.ParameterValues.ContainsKey("registryName"));

        var graph = Graph.GraphBuilder.Build(template, null, null);
        var acr = Assert.Single(graph.OfType("Microsoft.ContainerRegistry/registries"));
        Assert.Equal("teamacr", Assert.IsType<StringValue>(acr.Name).Text);
        Assert.Equal("rg-registry", Assert.IsType<StringValue>(acr.Deployment.Scope.ResourceGroup).Text);
        Assert.Equal("registry-deployment", Assert.IsType<StringValue>(acr.Deployment.Owner!.Name).Text);
    }

    [Fact]
    public void Module_file_is_read_once_per_run_and_json_modules_load_through_the_arm_front_end()
    {
        var files = new BicepFiles(
            ("main.bicep", """
                module first 'modules/registry.bicep' = {
                  name: 'first'
                }
                module second 'modules/registry.bicep' = {
                  name: 'second'
                }
                module arm 'modules/empty.json' = {
                  name: 'arm'
                }
                """),
            ("modules/registry.bicep", StandardRegistry),
            ("modules/empty.json", """{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] }"""));
        var template = files.Lower("main.bicep");

        Assert.Same(BicepFiles.Resource(template, "first").Nested!.Template, BicepFiles.Resource(template, "second").Nested!.Template);
        Assert.Equal(TemplateLanguage.ArmJson, BicepFiles.Resource(template, "arm").Nested!.Template.Language);
    }

    [Fact]
    public void Registry_module_gets_no_nested_template_and_a_cmk901_note()
    {
        var files = new BicepFiles(("main.bicep", """
            module shared 'br/public:avm/res/container-registry/registry:0.1.0' = {
              name: 'shared'
            }
            """));
        var template = files.Lower("main.bicep", out var loader);

        Assert.Null(BicepFiles.Resource(template, "shared").Nested);
        var note = Assert.Single(BicepFiles.Diagnostics(loader, "CMK901"));
        Assert.Contains("br/public:avm", note.Message);
        Assert.Equal(1, note.Span.StartPosition.Line);
        Assert.Equal(15, note.Span.StartPosition.Column);
    }

    [Fact]
    public void Module_cycle_terminates_with_a_note()
    {
        var files = new BicepFiles(
            ("a.bicep", "module b 'b.bicep' = {\n  name: 'b'\n}\n"),
            ("b.bicep", "module a 'a.bicep' = {\n  name: 'a'\n}\n"));
        var result = files.Analyze("a.bicep", "b.bicep");

        Assert.Contains(result.Findings, f => f.RuleId == "CMK901" && f.Message.Contains("cycle"));
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("internal error"));
    }

    [Fact]
    public void Cmk001_points_at_the_bicep_line_and_column_of_the_sku()
    {
        var files = new BicepFiles(("main.bicep", StandardRegistry));
        var result = files.Analyze("main.bicep");

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK001");
        Assert.EndsWith("main.bicep", finding.Span.File!.Path);
        Assert.Equal(6, finding.Span.StartPosition.Line);
        Assert.Equal(11, finding.Span.StartPosition.Column);
        Assert.Equal("'Standard'", finding.Span.Text);
    }

    [Fact]
    public void Cmk001_inside_a_local_module_points_into_the_module_file()
    {
        var files = new BicepFiles(
            ("main.bicep", "module registry 'modules/registry.bicep' = {\n  name: 'registry'\n}\n"),
            ("modules/registry.bicep", StandardRegistry));
        var result = files.Analyze("main.bicep");

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK001");
        Assert.EndsWith("registry.bicep", finding.Span.File!.Path);
        Assert.Equal(6, finding.Span.StartPosition.Line);
        Assert.Equal(11, finding.Span.StartPosition.Column);
    }

    [Fact]
    public void Disable_next_line_pragma_suppresses_the_finding()
    {
        string text = StandardRegistry.Replace("    name: 'Standard'", "    #disable-next-line CMK001\n    name: 'Standard'");
        var files = new BicepFiles(("main.bicep", text));
        var template = files.Lower("main.bicep");
        var suppression = Assert.Single(template.Suppressions);
        Assert.Equal(SuppressionKind.NextLine, suppression.Kind);
        Assert.Equal("    name: 'Standard'", suppression.Scope.Text);

        var finding = Assert.Single(files.Analyze("main.bicep").Findings, f => f.RuleId == "CMK001");
        Assert.NotNull(finding.Suppression);
    }

    [Fact]
    public void Disable_diagnostics_region_runs_to_the_restore()
    {
        var files = new BicepFiles(("main.bicep", "#disable-diagnostics CMK001 cmk-content-trust\nvar a = 1\n#restore-diagnostics CMK001\nvar b = 2\n"));
        var template = files.Lower("main.bicep");

        var region = Assert.Single(template.Suppressions, s => s.RuleId == "CMK001");
        Assert.Equal(SuppressionKind.Region, region.Kind);
        Assert.Contains("var a", region.Scope.Text);
        Assert.DoesNotContain("var b", region.Scope.Text);
        var open = Assert.Single(template.Suppressions, s => s.RuleId == "cmk-content-trust");
        Assert.Contains("var b", open.Scope.Text);
    }

    [Fact]
    public void Bicepparam_binds_values_to_the_template_it_uses()
    {
        var files = new BicepFiles(
            ("main.bicep", StandardRegistry.Replace("name: 'Standard'", "name: sku").Replace("param registryName string = 'acr1'", "param registryName string = 'acr1'\nparam sku string = 'Premium'")),
            ("main.bicepparam", "using './main.bicep'\nvar tier = 'Standard'\nparam sku = tier\n"));
        var loader = files.Loader();
        var parameters = loader.Load(files.PathOf("main.bicepparam"));

        Assert.Equal(files.PathOf("main.bicep"), parameters.UsingTemplate);
        Assert.Equal("Standard", Assert.IsType<LiteralExpr>(parameters.ParameterValues!["sku"]).Value);

        // With its defaults the template is fine; with the .bicepparam found by convention it is not.
        var result = files.Analyze("main.bicep");
        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK001");
        Assert.Contains("main.bicepparam", finding.Message);
    }

    [Fact]
    public void Using_none_names_no_template()
    {
        var files = new BicepFiles(("shared.bicepparam", "using none\nparam sku = 'Premium'\n"));
        var result = files.Loader().Load(files.PathOf("shared.bicepparam"));
        Assert.Null(result.UsingTemplate);
        Assert.Equal("Premium", Assert.IsType<LiteralExpr>(result.ParameterValues!["sku"]).Value);
    }

    [Fact]
    public void Syntax_errors_are_cmk900_at_their_line_and_column_and_the_rest_still_lowers()
    {
        var files = new BicepFiles(("main.bicep", "param ok string = 'x'\nvar broken = )\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr1'\n}\n"));
        var template = files.Lower("main.bicep");

        var error = template.Diagnostics.First(d => d.RuleId == "CMK900");
        Assert.Equal(2, error.Span.StartPosition.Line);
        Assert.True(template.Parameters.ContainsKey("ok"));
        Assert.Single(template.Resources);
    }

    [Fact]
    public void Imported_variables_and_functions_come_from_the_local_file()
    {
        var files = new BicepFiles(
            ("main.bicep", "import { skuName, label } from 'shared.bicep'\nimport * as shared from 'shared.bicep'\nvar a = skuName\nvar b = label('x')\nvar c = shared.skuName\n"),
            ("shared.bicep", "@export()\nvar skuName = 'Premium'\n@export()\nfunc label(n string) string => 'cmk-${n}'\n"));
        var graph = files.Graph("main.bicep");

        Assert.Equal("Premium", Assert.IsType<StringValue>(graph.Root.GetVariable("a", default)).Text);
        Assert.Equal("cmk-x", Assert.IsType<StringValue>(graph.Root.GetVariable("b", default)).Text);
        Assert.Equal("Premium", Assert.IsType<StringValue>(graph.Root.GetVariable("c", default)).Text);
    }
}
