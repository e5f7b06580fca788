using System.Linq;
using CmkLint.Arm;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Rules.Tests.BicepLowering;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>Predicates, string functions and types decided from what a symbolic value is known to be.</summary>
public sealed class SymbolicValueTests
{
    private static Value BicepVariable(string text, string name, params (string Name, string Text)[] more)
    {
        var files = new BicepFiles(new[] { ("main.bicep", text) }.Concat(more).ToArray());
        return files.Graph("main.bicep").Root.GetVariable(name, SourceSpan.None);
    }

    private static Value BicepParameter(string text, string name, params (string Name, string Text)[] more)
    {
        var files = new BicepFiles(new[] { ("main.bicep", text) }.Concat(more).ToArray());
        return files.Graph("main.bicep").Root.GetParameter(name, SourceSpan.None);
    }

    private static Graph.Deployment ArmRoot(string json)
    {
        var document = ArmTemplateReader.Read(new SourceFile("/virtual/main.json", json));
        return GraphBuilder.Build(document.Template!, null, null).Root;
    }

    private const string Vault = """
        resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
          name: 'kv1'
          location: 'westeurope'
          properties: {
            tenantId: tenant().tenantId
            sku: {
              family: 'A'
              name: 'standard'
            }
          }
        }

        """;

    [Theory]
    [InlineData("empty(vault.id)", false)]
    [InlineData("!empty(vault.id ?? '')", true)]
    [InlineData("empty('${vault.properties.vaultUri}keys/cmk')", false)]
    [InlineData("vault.id == ''", false)]
    [InlineData("vault.id != null", true)]
    [InlineData("contains(vault.id, '/providers/Microsoft.KeyVault/')", true)]
    [InlineData("startsWith(vault.id, '/subscriptions/')", true)]
    [InlineData("last(split(vault.id, '/')) == 'kv1'", true)]
    [InlineData("split(vault.id, '/')[7] == 'vaults'", true)]
    [InlineData("length({ '${vault.id}': {} }) == 1", true)]
    public void Bicep_predicates_on_symbolic_resource_ids_are_decided(string expression, bool expected)
    {
        var value = BicepVariable(Vault + "var x = " + expression + "\n", "x");
        Assert.Equal(expected, Assert.IsType<BoolValue>(value).Bool);
    }

    [Fact]
    public void Bicep_split_of_a_resource_id_keeps_its_symbolic_subscription_and_group()
    {
        var value = BicepVariable(Vault + "var x = split(vault.id, '/')\n", "x");
        var parts = Assert.IsType<ArrayValue>(value).Items;
        Assert.Equal(9, parts.Count);
        Assert.Equal("subscription().subscriptionId", Assert.IsType<RuntimeValue>(parts[2]).Description);
        Assert.Equal("resourceGroup().name", Assert.IsType<RuntimeValue>(parts[4]).Description);
        Assert.Equal("kv1", Assert.IsType<StringValue>(parts[8]).Text);
    }

    [Fact]
    public void Bicep_empty_of_a_value_known_only_at_deployment_stays_undecided()
    {
        var value = BicepVariable(Vault + "var x = empty(vault.properties.vaultUri)\n", "x");
        Assert.False(value.IsKnown);
    }

    [Fact]
    public void Arm_predicates_on_symbolic_resource_ids_are_decided()
    {
        var root = ArmRoot(Templates.ArmTemplate(string.Empty, variables: """
            "a": "[empty(resourceId('Microsoft.KeyVault/vaults', 'kv1'))]",
            "b": "[equals(last(split(resourceId('Microsoft.KeyVault/vaults', 'kv1'), '/')), 'kv1')]",
            "c": "[equals(concat(resourceGroup().id, '/x'), '')]",
            "d": "[empty(reference(resourceId('Microsoft.KeyVault/vaults', 'kv1'), '2023-07-01').vaultUri)]"
            """));
        Assert.False(Assert.IsType<BoolValue>(root.GetVariable("a", SourceSpan.None)).Bool);
        Assert.True(Assert.IsType<BoolValue>(root.GetVariable("b", SourceSpan.None)).Bool);
        Assert.False(Assert.IsType<BoolValue>(root.GetVariable("c", SourceSpan.None)).Bool);
        Assert.False(root.GetVariable("d", SourceSpan.None).IsKnown);
    }

    [Fact]
    public void Bicep_omitted_parameter_of_a_nullable_type_alias_is_null()
    {
        string text = """
            type cmk = {
              keyName: string
            }?
            type alsoCmk = cmk
            param p cmk
            param q alsoCmk
            param r object
            """;
        Assert.IsType<NullValue>(BicepParameter(text, "p"));
        Assert.IsType<NullValue>(BicepParameter(text, "q"));
        Assert.IsNotType<NullValue>(BicepParameter(text, "r"));
    }

    [Fact]
    public void Bicep_omitted_parameter_of_a_nullable_type_imported_from_a_local_file_is_null()
    {
        string types = """
            @export()
            type cmk = {
              keyName: string
            }?

            @export()
            type plain = {
              keyName: string
            }
            """;
        string text = """
            import { cmk, plain } from 'types.bicep'
            param p cmk
            param q plain
            """;
        Assert.IsType<NullValue>(BicepParameter(text, "p", ("types.bicep", types)));
        Assert.IsNotType<NullValue>(BicepParameter(text, "q", ("types.bicep", types)));
    }

    [Fact]
    public void Arm_omitted_parameter_with_ref_and_nullable_is_null()
    {
        string json = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "languageVersion": "2.0",
              "contentVersion": "1.0.0.0",
              "definitions": {
                "cmk": { "type": "object", "properties": { "keyName": { "type": "string" } } },
                "nullableCmk": { "$ref": "#/definitions/cmk", "nullable": true }
              },
              "parameters": {
                "p": { "$ref": "#/definitions/cmk", "nullable": true },
                "q": { "$ref": "#/definitions/nullableCmk" },
                "r": { "$ref": "#/definitions/cmk" }
              },
              "resources": {}
            }
            """;
        var root = ArmRoot(json);
        Assert.IsType<NullValue>(root.GetParameter("p", SourceSpan.None));
        Assert.IsType<NullValue>(root.GetParameter("q", SourceSpan.None));
        Assert.IsNotType<NullValue>(root.GetParameter("r", SourceSpan.None));
    }
}
