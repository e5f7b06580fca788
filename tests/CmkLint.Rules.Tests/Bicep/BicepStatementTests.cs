using System.Linq;
using CmkLint.Bicep.Syntax;
using Xunit;
using static CmkLint.Rules.Tests.Bicep.BicepParse;

namespace CmkLint.Rules.Tests.Bicep;

public class BicepStatementTests
{
    [Fact]
    public void Target_scope_has_its_value()
    {
        var statement = Single<TargetScopeSyntax>("targetScope = 'subscription'");
        Assert.Equal("subscription", Assert.IsType<StringSyntax>(statement.Value).Value);
        Assert.Equal((1, 1), Start(statement.KeywordSpan));
        Assert.Equal((1, 15), Start(statement.Value));
    }

    [Fact]
    public void Metadata_declaration_has_name_and_value()
    {
        var statement = Single<MetadataDeclarationSyntax>("metadata description = 'Registry with CMK'");
        Assert.Equal("description", statement.SymbolName);
        Assert.Equal((1, 10), Start(statement.NameSpan));
    }

    [Fact]
    public void Parameter_with_type_and_default_value()
    {
        var parameter = Single<ParameterDeclarationSyntax>("param location string = resourceGroup().location");
        Assert.Equal("location", parameter.SymbolName);
        Assert.Equal((1, 7), Start(parameter.NameSpan));
        Assert.Equal("string", Assert.IsType<TypeVariableAccessSyntax>(parameter.Type).TypeName);
        var value = Assert.IsType<PropertyAccessSyntax>(parameter.DefaultValue);
        Assert.Equal("location", value.PropertyName);
        Assert.Equal((1, 25), Start(value));
        Assert.Equal(0, parameter.Span.Start);
        Assert.Equal(48, parameter.Span.Length);
    }

    [Fact]
    public void Parameter_without_default_value_has_null_default()
    {
        Assert.Null(Single<ParameterDeclarationSyntax>("param keyName string").DefaultValue);
    }

    [Fact]
    public void Parameter_decorators_are_attached_in_order_with_their_arguments()
    {
        var parameter = Single<ParameterDeclarationSyntax>(
            "@description('The SKU')\n@sys.allowed([\n  'Basic'\n  'Premium'\n])\n@secure()\nparam sku string = 'Premium'");
        Assert.Equal(new[] { "description", "allowed", "secure" }, parameter.Decorators.Select(d => d.Name).ToArray());
        Assert.Equal("sys", parameter.Decorators[1].Namespace);
        var allowed = Assert.IsType<ArraySyntax>(Assert.Single(parameter.Decorators[1].Arguments));
        Assert.Equal(new[] { "Basic", "Premium" }, allowed.Items.Cast<StringSyntax>().Select(s => s.Value).ToArray());
        Assert.Equal((2, 1), Start(parameter.Decorators[1]));
        Assert.Equal((7, 7), Start(parameter.NameSpan));
        Assert.Same(parameter.Decorators[0], parameter.TryGetDecorator("description"));
    }

    [Fact]
    public void Parameter_types_cover_unions_literals_objects_arrays_and_nullability()
    {
        var root = Valid(string.Join("\n",
            "param a 'Basic' | 'Standard' | 'Premium'",
            "param b { name: string, size: int? }",
            "param c string[]",
            "param d int?",
            "param e resourceInput<'Microsoft.ContainerRegistry/registries@2023-07-01'>.properties",
            "param f resource 'Microsoft.KeyVault/vaults@2023-02-01'",
            "param g (string | int)[]",
            "param h [string, int]",
            "param i -1 | 1 | true | null"));
        var types = root.Parameters.Select(p => p.Type).ToArray();
        var union = Assert.IsType<UnionTypeSyntax>(types[0]);
        Assert.Equal(new[] { "Basic", "Standard", "Premium" }, union.Members.Cast<LiteralTypeSyntax>().Select(m => ((StringSyntax)m.Literal).Value).ToArray());
        var obj = Assert.IsType<ObjectTypeSyntax>(types[1]);
        Assert.Equal(new[] { "name", "size" }, obj.Properties.Select(p => p.KeyName).ToArray());
        Assert.IsType<NullableTypeSyntax>(obj.Properties[1].Value);
        Assert.IsType<ArrayTypeSyntax>(types[2]);
        Assert.IsType<NullableTypeSyntax>(types[3]);
        var access = Assert.IsType<TypePropertyAccessSyntax>(types[4]);
        var input = Assert.IsType<ParameterizedTypeSyntax>(access.BaseExpression);
        Assert.Equal("resourceInput", input.TypeName);
        Assert.Equal("Microsoft.ContainerRegistry/registries@2023-07-01", ((StringSyntax)Assert.IsType<LiteralTypeSyntax>(Assert.Single(input.Arguments)).Literal).Value);
        Assert.Equal("Microsoft.KeyVault/vaults@2023-02-01", Assert.IsType<ResourceTypeSyntax>(types[5]).TypeString!.Value);
        Assert.IsType<ParenthesizedTypeSyntax>(Assert.IsType<ArrayTypeSyntax>(types[6]).ItemType);
        Assert.Equal(2, Assert.IsType<TupleTypeSyntax>(types[7]).Items.Count);
        var literals = Assert.IsType<UnionTypeSyntax>(types[8]);
        Assert.IsType<UnaryOperationSyntax>(Assert.IsType<LiteralTypeSyntax>(literals.Members[0]).Literal);
    }

    [Fact]
    public void Multi_line_union_type_may_start_with_a_pipe()
    {
        var type = Single<TypeDeclarationSyntax>("type sku =\n  | 'Basic'\n  | 'Premium'");
        Assert.Equal(2, Assert.IsType<UnionTypeSyntax>(type.Value).Members.Count);
    }

    [Fact]
    public void Object_type_with_decorated_properties_and_additional_properties()
    {
        var type = Single<TypeDeclarationSyntax>("@sealed()\ntype config = {\n  @description('the key')\n  keyName: string\n  'quoted-key': int\n  *: string\n}");
        var obj = Assert.IsType<ObjectTypeSyntax>(type.Value);
        Assert.Equal(new[] { "keyName", "quoted-key" }, obj.Properties.Select(p => p.KeyName).ToArray());
        Assert.Equal("description", Assert.Single(obj.Properties[0].Decorators).Name);
        Assert.NotNull(obj.AdditionalProperties);
        Assert.Equal("sealed", Assert.Single(type.Decorators).Name);
    }

    [Fact]
    public void Variable_with_and_without_a_type()
    {
        var root = Valid("var a = 1\nvar b string = 'x'");
        Assert.Null(root.Variables[0].Type);
        Assert.Equal("string", Assert.IsType<TypeVariableAccessSyntax>(root.Variables[1].Type).TypeName);
        Assert.Equal((2, 5), Start(root.Variables[1].NameSpan));
    }

    [Fact]
    public void Resource_exposes_type_api_version_name_and_body()
    {
        var resource = Single<ResourceDeclarationSyntax>(
            "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr'\n  sku: {\n    name: 'Premium'\n  }\n}");
        Assert.Equal("registry", resource.SymbolName);
        Assert.Equal((1, 10), Start(resource.NameSpan));
        Assert.Equal("Microsoft.ContainerRegistry/registries@2023-07-01", resource.TypeString);
        Assert.Equal("Microsoft.ContainerRegistry/registries", resource.ResourceType);
        Assert.Equal("2023-07-01", resource.ApiVersion);
        Assert.False(resource.IsExisting);
        Assert.Null(resource.Condition);
        Assert.Null(resource.Loop);
        var body = Assert.IsType<ObjectSyntax>(resource.Body);
        Assert.Equal(new[] { "name", "sku" }, body.Properties.Select(p => p.KeyName).ToArray());
        var sku = Assert.IsType<ObjectSyntax>(body.TryGetProperty("SKU")!.Value);
        Assert.Equal((4, 11), Start(sku.Properties[0].Value));
    }

    [Fact]
    public void Existing_resource_is_marked()
    {
        var resource = Single<ResourceDeclarationSyntax>("resource vault 'Microsoft.KeyVault/vaults@2023-02-01' existing = {\n  name: vaultName\n}");
        Assert.True(resource.IsExisting);
    }

    [Fact]
    public void Conditional_resource_has_condition_and_body()
    {
        var resource = Single<ResourceDeclarationSyntax>("resource r 'A/b@1' = if (deploy && !skip) {\n  name: 'r'\n}");
        var condition = Assert.IsType<IfConditionSyntax>(resource.Value);
        Assert.IsType<BinaryOperationSyntax>(condition.Condition);
        Assert.Same(condition, resource.Condition);
        Assert.Single(resource.Body!.Properties);
        Assert.Equal((1, 22), Start(condition));
    }

    [Fact]
    public void Condition_may_start_on_the_next_line()
    {
        var resource = Single<ResourceDeclarationSyntax>("resource r 'A/b@1' =\n  if (deploy) {\n  name: 'r'\n}");
        Assert.NotNull(resource.Condition);
    }

    [Fact]
    public void Resource_loop_with_item_only()
    {
        var resource = Single<ResourceDeclarationSyntax>("resource r 'A/b@1' = [for name in names: {\n  name: name\n}]");
        var loop = Assert.IsType<ForSyntax>(resource.Value);
        Assert.Equal("name", loop.ItemVariable.Name);
        Assert.Null(loop.IndexVariable);
        Assert.Equal("names", Assert.IsType<VariableAccessSyntax>(loop.Expression).SymbolName);
        Assert.NotNull(resource.Body);
    }

    [Fact]
    public void Resource_loop_with_index_and_condition()
    {
        var resource = Single<ResourceDeclarationSyntax>("resource r 'A/b@1' = [for (item, i) in items: if (i > 0) {\n  name: item.name\n}]");
        var loop = resource.Loop!;
        Assert.Equal("item", loop.ItemVariable.Name);
        Assert.Equal("i", loop.IndexVariable!.Name);
        Assert.NotNull(resource.Condition);
        Assert.Equal("(i > 0)", Shape(resource.Condition!.Condition));
        Assert.Single(resource.Body!.Properties);
    }

    [Fact]
    public void Batch_size_decorator_on_a_loop()
    {
        var resource = Single<ResourceDeclarationSyntax>("@batchSize(2)\nresource r 'A/b@1' = [for x in range(0, 3): {}]");
        var batch = Assert.Single(resource.Decorators);
        Assert.Equal("batchSize", batch.Name);
        Assert.Equal(2UL, Assert.IsType<IntegerLiteralSyntax>(Assert.Single(batch.Arguments)).Value);
    }

    [Fact]
    public void Nested_child_resources_are_declarations_inside_the_body()
    {
        var parent = Single<ResourceDeclarationSyntax>(string.Join("\n",
            "resource vault 'Microsoft.KeyVault/vaults@2023-02-01' = {",
            "  name: 'kv'",
            "  resource: 'not a child'",
            "  @description('the key')",
            "  resource key 'keys' = {",
            "    name: 'cmk'",
            "    resource version 'versions' existing = {",
            "      name: 'v1'",
            "    }",
            "  }",
            "}"));
        var body = parent.Body!;
        Assert.Equal(new[] { "name", "resource" }, body.Properties.Select(p => p.KeyName).ToArray());
        var key = Assert.Single(body.Resources);
        Assert.Equal("key", key.SymbolName);
        Assert.Equal("keys", key.TypeString);
        Assert.Equal("description", Assert.Single(key.Decorators).Name);
        Assert.Equal((5, 12), Start(key.NameSpan));
        var version = Assert.Single(key.Body!.Resources);
        Assert.True(version.IsExisting);
        Assert.Single(Valid("resource a 'A/b@1' = {\n  resource b 'c' = {}\n}").Resources);
    }

    [Fact]
    public void Module_with_relative_registry_and_template_spec_paths()
    {
        var root = Valid(string.Join("\n",
            "module a './modules/acr.bicep' = {",
            "  name: 'a'",
            "  params: {",
            "    sku: 'Premium'",
            "  }",
            "}",
            "module b 'br:contoso.azurecr.io/bicep/acr:v1' = if (deploy) {",
            "  name: 'b'",
            "}",
            "module c 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = [for (x, i) in xs: if (x.on) {",
            "  name: 'c${i}'",
            "}]",
            "module d 'br/public:avm/res/container-registry/registry:0.1.0' = {",
            "  name: 'd'",
            "}"));
        Assert.Equal(new[] { "./modules/acr.bicep", "br:contoso.azurecr.io/bicep/acr:v1", "ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0", "br/public:avm/res/container-registry/registry:0.1.0" },
            root.Modules.Select(m => m.PathText).ToArray());
        Assert.NotNull(root.Modules[1].Condition);
        Assert.NotNull(root.Modules[2].Loop);
        Assert.NotNull(root.Modules[2].Condition);
        Assert.True(root.Modules[2].Body!.Properties[0].Value is StringSyntax { IsInterpolated: true });
        Assert.Equal((7, 8), Start(root.Modules[1].NameSpan));
    }

    [Fact]
    public void Output_with_plain_and_resource_types()
    {
        var root = Valid("output id string = registry.id\noutput r resource 'A/b@1' = registry\noutput s resource = registry");
        Assert.Equal(3, root.Outputs.Count);
        Assert.Null(Assert.IsType<ResourceTypeSyntax>(root.Outputs[2].Type).TypeString);
        Assert.Equal((1, 8), Start(root.Outputs[0].NameSpan));
    }

    [Fact]
    public void User_defined_function_with_typed_parameters()
    {
        var function = Single<FunctionDeclarationSyntax>("func keyUri(vault string, key string, version int) string => '${vault}/keys/${key}'");
        Assert.Equal("keyUri", function.SymbolName);
        Assert.Equal(new[] { "vault", "key", "version" }, function.Parameters.Select(p => p.Name.Name).ToArray());
        Assert.Equal("int", Assert.IsType<TypeVariableAccessSyntax>(function.Parameters[2].Type).TypeName);
        Assert.Equal("string", Assert.IsType<TypeVariableAccessSyntax>(function.ReturnType).TypeName);
        Assert.Equal(2, Assert.IsType<StringSyntax>(function.Body).Expressions.Count);
        Assert.Empty(Single<FunctionDeclarationSyntax>("func zero() int => 0").Parameters);
    }

    [Fact]
    public void Wildcard_import()
    {
        var import = Single<ImportDeclarationSyntax>("import * as types from './types.bicep'");
        Assert.True(import.IsWildcard);
        Assert.Equal("types", import.WildcardAlias!.Name);
        Assert.Equal("./types.bicep", import.PathText);
    }

    [Fact]
    public void Symbol_list_import_with_aliases_across_lines()
    {
        var import = Single<ImportDeclarationSyntax>("import {\n  a\n  b as c\n  'd-e' as f\n} from 'shared.bicep'");
        Assert.False(import.IsWildcard);
        Assert.Equal(new[] { "a", "c", "f" }, import.Symbols.Select(s => s.LocalName).ToArray());
        Assert.Equal("b", import.Symbols[1].OriginalNameText);
        Assert.Equal(2, Valid("import {a, b as c} from 'x.bicep'").Imports[0].Symbols.Count);
    }

    [Fact]
    public void Extension_and_provider_declarations()
    {
        var root = Valid(string.Join("\n",
            "extension az",
            "extension kubernetes with {\n  namespace: 'default'\n  kubeConfig: ''\n} as k8s",
            "extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview' as graph",
            "provider microsoftGraph",
            "import 'az@1.0.0'"));
        var extensions = root.Extensions;
        Assert.Equal(5, extensions.Count);
        Assert.Equal("az", Assert.IsType<IdentifierSyntax>(extensions[0].Specification).Name);
        Assert.Equal("k8s", extensions[1].Alias!.Name);
        Assert.Equal(2, extensions[1].Config!.Properties.Count);
        Assert.IsType<StringSyntax>(extensions[2].Specification);
    }

    [Fact]
    public void Assert_and_test_declarations()
    {
        var root = Valid("assert nameOk = length(name) < 24\ntest t 'main.bicep' = {\n  params: {}\n}");
        Assert.Equal("nameOk", Assert.IsType<AssertDeclarationSyntax>(root.Statements[0]).SymbolName);
        Assert.Equal("t", Assert.IsType<TestDeclarationSyntax>(root.Statements[1]).SymbolName);
    }

    [Fact]
    public void Declarations_are_separated_by_newlines_and_blank_lines_and_comments_are_ignored()
    {
        var root = Valid("// header\n\nparam a string // trailing\n\n/* block */\nvar b = a\n\n");
        Assert.Equal(2, root.Statements.Count);
    }

    [Fact]
    public void Every_node_span_lies_inside_its_parent_span()
    {
        var path = System.IO.Path.Combine(SharedCorpus.Path, "corpus", "bicep-baselines", "samples", "Resources_CRLF", "main.bicep");
        var tree = File(path);
        Assert.Empty(tree.Diagnostics);
        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            foreach (var child in node.GetChildren())
            {
                Assert.True(child.Span.Start >= node.Span.Start && child.Span.End <= node.Span.End, $"{child} is outside {node}");
            }
        }
    }
}
