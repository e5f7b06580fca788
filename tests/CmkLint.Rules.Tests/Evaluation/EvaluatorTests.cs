using System.Collections.Generic;
using CmkLint.Arm;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Evaluation;

/// <summary>The evaluator through real ARM templates: each test evaluates one output expression.</summary>
public class EvaluatorTests
{
    private const string Resources = """
        [
          { "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "uami" },
          { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv", "properties": { "enableRbacAuthorization": true } }
        ]
        """;

    internal static Value Eval(string expression, string parameters = "{}", string variables = "{}", string functions = "[]")
    {
        string json = $$"""
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {{parameters}},
              "variables": {{variables}},
              "functions": {{functions}},
              "resources": {{Resources}},
              "outputs": { "result": { "type": "object", "value": {{System.Text.Json.JsonSerializer.Serialize(expression)}} } }
            }
            """;
        var document = ArmTemplateReader.Read(new SourceFile("/virtual/main.json", json));
        Assert.NotNull(document.Template);
        Assert.Empty(document.Template!.Diagnostics);
        var graph = GraphBuilder.Build(document.Template, null, null);
        return graph.Root.GetOutput("result", default);
    }

    private static string Text(Value v) => Assert.IsType<StringValue>(v).Text;

    [Theory]
    [InlineData("[concat('a', 'b', 'c')]", "abc")]
    [InlineData("[format('{0}-{1}', 'x', 2)]", "x-2")]
    [InlineData("[toLower('ABC')]", "abc")]
    [InlineData("[replace('a-b-c', '-', '')]", "abc")]
    [InlineData("[last(split('a/b/c', '/'))]", "c")]
    [InlineData("[take('abcdef', 3)]", "abc")]
    [InlineData("[substring('abcdef', 2, 2)]", "cd")]
    [InlineData("[string(add(1, 2))]", "3")]
    [InlineData("[if(equals(1, 1), 'yes', 'no')]", "yes")]
    [InlineData("[coalesce(null(), 'fallback')]", "fallback")]
    [InlineData("[join(createArray('a', 'b'), ',')]", "a,b")]
    [InlineData("[json('{\"a\": {\"b\": \"deep\"}}').a.b]", "deep")]
    [InlineData("[union(createObject('a', 'x'), createObject('b', 'y')).b]", "y")]
    [InlineData("['it''s']", "it's")]
    [InlineData("[[not an expression]", "[not an expression]")]
    public void Known_arguments_give_known_results(string expression, string expected) =>
        Assert.Equal(expected, Text(Eval(expression)));

    [Fact]
    public void Parameter_default_and_variables_are_used()
    {
        var v = Eval("[concat(parameters('p'), variables('v'))]", """{ "p": { "type": "string", "defaultValue": "a" } }""", """{ "v": "[toUpper('b')]" }""");
        Assert.Equal("aB", Text(v));
    }

    [Fact]
    public void Parameter_without_value_is_symbolic_not_a_placeholder()
    {
        var v = Eval("[parameters('p')]", """{ "p": { "type": "string" } }""");
        Assert.False(v.IsKnown);
        Assert.Contains("parameter 'p'", v.Describe());
        var compared = Eval("[equals(parameters('p'), 'x')]", """{ "p": { "type": "string" } }""");
        Assert.IsType<UnknownValue>(compared);
    }

    [Fact]
    public void Same_parameter_without_value_is_equal_to_itself()
    {
        var v = Eval("[equals(parameters('p'), parameters('p'))]", """{ "p": { "type": "string" } }""");
        Assert.True(Assert.IsType<BoolValue>(v).Bool);
    }

    [Fact]
    public void Reference_client_id_is_a_symbolic_property_of_the_declared_identity()
    {
        var v = Eval("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami')).clientId]");
        var reference = Assert.IsType<ResourceReferenceValue>(v);
        Assert.Equal("properties.clientid", reference.PathKey);
        Assert.NotNull(reference.Resource.Instance);
        Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", reference.Resource.Instance!.Type);
    }

    [Fact]
    public void Reference_to_a_declared_property_reads_the_body()
    {
        var v = Eval("[reference(resourceId('Microsoft.KeyVault/vaults', 'kv')).enableRbacAuthorization]");
        Assert.True(Assert.IsType<BoolValue>(v).Bool);
    }

    [Fact]
    public void A_declared_object_read_through_a_reference_keeps_declared_members_and_runtime_ones_stay_symbolic()
    {
        const string Vault = "reference(resourceId('Microsoft.KeyVault/vaults', 'kv'), '2023-07-01', 'Full').properties";
        Assert.True(Assert.IsType<BoolValue>(Eval($"[{Vault}.enableRbacAuthorization]")).Bool);
        Assert.Equal("properties.vaulturi", Assert.IsType<ResourceReferenceValue>(Eval($"[{Vault}.vaultUri]")).PathKey);
    }

    [Fact]
    public void Full_reference_reads_identity_path()
    {
        var v = Eval("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami'), '2023-01-31', 'Full').properties.principalId]");
        Assert.Equal("properties.principalid", Assert.IsType<ResourceReferenceValue>(v).PathKey);
    }

    [Fact]
    public void Resource_id_links_to_the_declared_resource()
    {
        var v = Eval("[resourceId('Microsoft.KeyVault/vaults', 'kv')]");
        var id = Assert.IsType<ResourceIdValue>(v);
        Assert.Equal("kv", id.KnownName);
        Assert.NotNull(id.Instance);
    }

    [Fact]
    public void Concat_with_a_symbolic_part_is_a_composite_string()
    {
        var v = Eval("[concat(reference(resourceId('Microsoft.KeyVault/vaults', 'kv')).vaultUri, 'keys/cmk')]");
        var composite = Assert.IsType<CompositeStringValue>(v);
        Assert.Equal(2, composite.Parts.Count);
        Assert.Equal("keys/cmk", Assert.IsType<StringValue>(composite.Parts[1]).Text);
    }

    [Fact]
    public void Unique_string_of_same_arguments_is_equal_but_unknown()
    {
        var v = Eval("[equals(uniqueString(resourceGroup().id), uniqueString(resourceGroup().id))]");
        Assert.True(Assert.IsType<BoolValue>(v).Bool);
        Assert.False(Eval("[uniqueString(resourceGroup().id)]").IsKnown);
    }

    [Fact]
    public void Variable_copy_builds_an_array_with_copy_index()
    {
        var v = Eval("[variables('names')[2]]", variables: """{ "copy": [ { "name": "names", "count": 3, "input": "[concat('n', copyIndex('names'))]" } ] }""");
        Assert.Equal("n2", Text(v));
    }

    [Fact]
    public void Lambdas_filter_and_map()
    {
        var v = Eval("[join(map(filter(createArray(1, 2, 3, 4), lambda('x', greater(lambdaVariables('x'), 2))), lambda('y', string(lambdaVariables('y')))), '+')]");
        Assert.Equal("3+4", Text(v));
    }

    [Fact]
    public void User_functions_bind_their_own_parameters()
    {
        string functions = """[ { "namespace": "contoso", "members": { "name": { "parameters": [ { "name": "prefix", "type": "string" } ], "output": { "type": "string", "value": "[concat(parameters('prefix'), '-acr')]" } } } } ]""";
        Assert.Equal("team-acr", Text(Eval("[contoso.name('team')]", functions: functions)));
    }

    [Fact]
    public void Runtime_values_are_named_not_invented()
    {
        var v = Eval("[subscription().tenantId]");
        var runtime = Assert.IsType<RuntimeValue>(v);
        Assert.Equal("subscription().tenantId", runtime.Description);
    }

    [Fact]
    public void Missing_property_is_unknown_and_safe_access_on_null_is_null()
    {
        Assert.IsType<UnknownValue>(Eval("[createObject('a', 1).b]"));
        Assert.IsType<NullValue>(Eval("[tryGet(createObject('a', 1), 'b')]"));
    }
}
