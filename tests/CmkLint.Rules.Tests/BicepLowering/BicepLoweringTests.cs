using System.Linq;
using CmkLint.Evaluation;
using CmkLint.Model;
using Xunit;

namespace CmkLint.Rules.Tests.BicepLowering;

public sealed class BicepLoweringTests
{
    [Fact]
    public void Parameters_keep_type_default_allowed_values_and_nullability()
    {
        var files = new BicepFiles(("main.bicep", """
            @allowed([
              'Basic'
              'Premium'
            ])
            param sku string = 'Premium'
            param tag string?
            param tier 'Standard' | 'Premium' = 'Standard'
            @secure()
            param secret string
            """));
        var template = files.Lower("main.bicep");

        Assert.Equal(TemplateLanguage.Bicep, template.Language);
        Assert.True(template.UsesSymbolicNames);
        var sku = template.Parameters["sku"];
        Assert.Equal("string", sku.Type);
        Assert.Equal("Premium", Assert.IsType<LiteralExpr>(sku.DefaultValue).Value);
        Assert.Equal(new object?[] { "Basic", "Premium" }, sku.AllowedValues!.Items.Select(i => ((LiteralExpr)i).Value));
        Assert.Equal("string?", template.Parameters["tag"].Type);
        Assert.Equal(new object?[] { "Standard", "Premium" }, template.Parameters["tier"].AllowedValues!.Items.Select(i => ((LiteralExpr)i).Value));
        Assert.Equal("securestring", template.Parameters["secret"].Type);
    }

    [Fact]
    public void Target_scope_variables_outputs_and_functions_are_lowered()
    {
        var files = new BicepFiles(("main.bicep", """
            targetScope = 'subscription'
            func prefixed(name string) string => 'cmk-${name}'
            var vaultName = prefixed('vault')
            output name string = vaultName
            """));
        var template = files.Lower("main.bicep");

        Assert.Equal(DeploymentScope.Subscription, template.TargetScope);
        var function = template.Functions["__bicep.prefixed"];
        Assert.Equal(new[] { "name" }, function.Parameters);
        var graph = Graph.GraphBuilder.Build(template, null, null);
        Assert.Equal("cmk-vault", Assert.IsType<StringValue>(graph.Root.GetVariable("vaultName", default)).Text);
        Assert.Equal("cmk-vault", Assert.IsType<StringValue>(graph.Root.GetOutput("name", default)).Text);
    }

    [Fact]
    public void Operators_become_the_arm_functions_the_compiler_emits()
    {
        var files = new BicepFiles(("main.bicep", """
            param a int = 7
            var checks = {
              eq: a == 7
              ne: a != 7
              ieq: 'ABC' =~ 'abc'
              ine: 'ABC' !~ 'abc'
              and: a > 1 && a <= 7
              or: a < 1 || a >= 8
              not: !(a == 7)
              math: (a + 3) * 2 - a / 7 % 4
              neg: -a
              lit: -5
              coalesce: null ?? 'x'
              ternary: a == 7 ? 'yes' : 'no'
              asserted: a!
              idx: [1, 2, 3][^1]
            }
            """));
        var template = files.Lower("main.bicep");
        var graph = Graph.GraphBuilder.Build(template, null, null);
        var checks = Assert.IsType<ObjectValue>(graph.Root.GetVariable("checks", default));

        Assert.Equal(true, Values.AsBool(checks.Get("eq")!));
        Assert.Equal(false, Values.AsBool(checks.Get("ne")!));
        Assert.Equal(true, Values.AsBool(checks.Get("ieq")!));
        Assert.Equal(false, Values.AsBool(checks.Get("ine")!));
        Assert.Equal(true, Values.AsBool(checks.Get("and")!));
        Assert.Equal(false, Values.AsBool(checks.Get("or")!));
        Assert.Equal(false, Values.AsBool(checks.Get("not")!));
        Assert.Equal(19, Assert.IsType<NumberValue>(checks.Get("math")).AsLong);
        Assert.Equal(-7, Assert.IsType<NumberValue>(checks.Get("neg")).AsLong);
        Assert.Equal(-5, Assert.IsType<NumberValue>(checks.Get("lit")).AsLong);
        Assert.Equal("x", Assert.IsType<StringValue>(checks.Get("coalesce")).Text);
        Assert.Equal("yes", Assert.IsType<StringValue>(checks.Get("ternary")).Text);
        Assert.Equal(7, Assert.IsType<NumberValue>(checks.Get("asserted")).AsLong);
        Assert.Equal(3, Assert.IsType<NumberValue>(checks.Get("idx")).AsLong);
        var ne = Assert.IsType<CallExpr>(((ObjectExpr)template.Variables["checks"].Value).Get("ne"));
        Assert.Equal("not", ne.Name);
        Assert.Equal("equals", Assert.IsType<CallExpr>(ne.Arguments[0]).Name);
    }

    [Fact]
    public void Resource_type_api_version_name_and_body_come_from_the_declaration()
    {
        var files = new BicepFiles(("main.bicep", """
            resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
              name: 'acr1'
              location: 'westeurope'
              sku: {
                name: 'Premium'
              }
            }
            """));
        var acr = BicepFiles.Resource(files.Lower("main.bicep"), "acr");

        Assert.Equal("Microsoft.ContainerRegistry/registries", acr.Type);
        Assert.Equal("2023-07-01", acr.ApiVersion);
        Assert.Equal("acr1", Assert.IsType<LiteralExpr>(acr.Name).Value);
        Assert.NotNull(acr.Body.Get("location"));
        Assert.NotNull(acr.Body.Get("sku"));
        Assert.Equal("acr", acr.NameSpan.Text);
    }

    [Fact]
    public void Nested_children_compose_type_and_name_and_are_reachable_with_the_child_accessor()
    {
        var files = new BicepFiles(("main.bicep", """
            resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv1'
              location: 'westeurope'
              resource key 'keys' = {
                name: 'cmk'
                properties: {
                  kty: 'RSA'
                }
              }
            }
            output keyName string = vault::key.name
            output keyType string = vault::key.properties.kty
            """));
        var template = files.Lower("main.bicep");
        var key = BicepFiles.Resource(template, "vault::key");

        Assert.Equal("Microsoft.KeyVault/vaults/keys", key.Type);
        Assert.Equal("2023-07-01", key.ApiVersion);
        Assert.Same(BicepFiles.Resource(template, "vault"), key.Parent);
        var graph = Graph.GraphBuilder.Build(template, null, null);
        var instance = Assert.Single(graph.OfType("Microsoft.KeyVault/vaults/keys"));
        Assert.Equal(new[] { "kv1", "cmk" }, instance.Id.Names.Select(n => ((StringValue)n).Text));
        Assert.Equal("cmk", Assert.IsType<StringValue>(graph.Root.GetOutput("keyName", default)).Text);
        Assert.Equal("RSA", Assert.IsType<StringValue>(graph.Root.GetOutput("keyType", default)).Text);
    }

    [Fact]
    public void Parent_property_links_a_top_level_child_declared_before_its_parent()
    {
        var files = new BicepFiles(("main.bicep", """
            resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
              parent: vault
              name: 'cmk'
            }
            resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv1'
            }
            """));
        var template = files.Lower("main.bicep");
        Assert.Equal("vault", BicepFiles.Resource(template, "key").ParentSymbol);
        var graph = Graph.GraphBuilder.Build(template, null, null);
        var key = Assert.Single(graph.OfType("Microsoft.KeyVault/vaults/keys"));
        Assert.Equal("kv1", ((StringValue)key.Parent!.Name).Text);
        Assert.Equal(new[] { "kv1", "cmk" }, key.Id.Names.Select(n => ((StringValue)n).Text));
        Assert.Contains(key.Parent, key.Dependencies);
    }

    [Fact]
    public void Loops_expand_with_index_and_filter_and_conditions_and_existing_are_kept()
    {
        var files = new BicepFiles(("main.bicep", """
            param names array = ['a', 'b', 'c']
            param deploy bool = false
            resource ids 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for (n, i) in names: if (n != 'b') {
              name: '${n}-${i}'
            }]
            resource optional 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (deploy) {
              name: 'optional'
            }
            resource old 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
              name: 'kv-old'
            }
            """));
        var template = files.Lower("main.bicep");
        var ids = BicepFiles.Resource(template, "ids");
        Assert.Equal("n", ids.Loop!.ItemVariable);
        Assert.Equal("i", ids.Loop.IndexVariable);
        Assert.NotNull(ids.Loop.Filter);
        Assert.NotNull(BicepFiles.Resource(template, "optional").Condition);
        Assert.True(BicepFiles.Resource(template, "old").Existing);

        var graph = Graph.GraphBuilder.Build(template, null, null);
        var names = graph.OfType("Microsoft.ManagedIdentity/userAssignedIdentities").Select(r => ((StringValue)r.Name).Text).ToList();
        Assert.Equal(new[] { "a-0", "c-2" }, names);
        Assert.True(Assert.Single(graph.OfType("Microsoft.KeyVault/vaults")).Existing);
    }

    [Fact]
    public void Interpolation_with_a_symbolic_part_evaluates_to_a_composite_string()
    {
        var files = new BicepFiles(("main.bicep", """
            resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: 'kv1'
            }
            var keyUri = '${vault.properties.vaultUri}keys/cmk'
            """));
        var template = files.Lower("main.bicep");
        Assert.Equal("concat", Assert.IsType<CallExpr>(template.Variables["keyUri"].Value).Name);
        var graph = Graph.GraphBuilder.Build(template, null, null);
        var value = Assert.IsType<CompositeStringValue>(graph.Root.GetVariable("keyUri", default));
        var reference = Assert.IsType<ResourceReferenceValue>(value.Parts[0]);
        Assert.Equal(new[] { "properties", "vaultUri" }, reference.Path);
        Assert.Equal("keys/cmk", Assert.IsType<StringValue>(value.Parts[1]).Text);
    }

    [Fact]
    public void Lambdas_for_expressions_and_spreads_evaluate()
    {
        var files = new BicepFiles(("main.bicep", """
            var numbers = [1, 2, 3, 4]
            var evens = filter(numbers, n => n % 2 == 0)
            var doubled = [for (n, i) in numbers: n * 2 + i]
            var merged = { ...{ a: 1 }, b: 2 }
            var objects = map(numbers, n => { value: n })
            """));
        var graph = files.Graph("main.bicep");
        Assert.Equal(new long[] { 2, 4 }, Assert.IsType<ArrayValue>(graph.Root.GetVariable("evens", default)).Items.Select(i => ((NumberValue)i).AsLong));
        Assert.Equal(new long[] { 2, 5, 8, 11 }, Assert.IsType<ArrayValue>(graph.Root.GetVariable("doubled", default)).Items.Select(i => ((NumberValue)i).AsLong));
        var merged = Assert.IsType<ObjectValue>(graph.Root.GetVariable("merged", default));
        Assert.Equal(1, ((NumberValue)merged.Get("a")!).AsLong);
        Assert.Equal(2, ((NumberValue)merged.Get("b")!).AsLong);
        Assert.Equal(4, Assert.IsType<ArrayValue>(graph.Root.GetVariable("objects", default)).Items.Count);
    }

    [Fact]
    public void Undeclared_names_are_reported_like_the_compiler_does()
    {
        var files = new BicepFiles(("main.bicep", "var x = missingThing\n"));
        var template = files.Lower("main.bicep");
        var error = Assert.Single(template.Diagnostics, d => d.RuleId == "CMK900");
        Assert.Contains("missingThing", error.Message);
        Assert.Equal(1, error.Span.StartPosition.Line);
        Assert.Equal(9, error.Span.StartPosition.Column);
    }
}
