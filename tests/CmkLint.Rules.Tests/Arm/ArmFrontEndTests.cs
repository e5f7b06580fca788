using System.Collections.Generic;
using System.Linq;
using System.Text;
using CmkLint.Arm;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Loading;
using CmkLint.Text;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Arm;

public class ArmFrontEndTests
{
    private static ResourceGraph Graph(string json)
    {
        var document = ArmTemplateReader.Read(new SourceFile(Lint.MainPath, json));
        Assert.DoesNotContain(document.Diagnostics, d => d.RuleId == "CMK900");
        Assert.NotNull(document.Template);
        return GraphBuilder.Build(document.Template!, null, null);
    }

    private static string NameOf(ResourceInstance r) => Assert.IsType<StringValue>(r.Name).Text;

    private static ResourceInstance Single(ResourceGraph graph, string type) => Assert.Single(graph.OfType(type));

    private const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    [Fact]
    public void Language_version_2_resources_object_has_symbolic_names_and_existing()
    {
        string json = "{ \"$schema\": \"" + Schema + "\", \"languageVersion\": \"2.0\", \"contentVersion\": \"1.0.0.0\",\n" +
            "  \"resources\": {\n" +
            "    \"uami\": { \"type\": \"Microsoft.ManagedIdentity/userAssignedIdentities\", \"apiVersion\": \"2023-01-31\", \"name\": \"id1\", \"existing\": true },\n" +
            "    \"acr\": { \"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-07-01\", \"name\": \"acr1\", \"sku\": { \"name\": \"Premium\" },\n" +
            "      \"properties\": { \"encryption\": { \"status\": \"enabled\", \"keyVaultProperties\": { \"identity\": \"[reference('uami').clientId]\" } } } }\n" +
            "  } }";
        var graph = Graph(json);
        var uami = Single(graph, "Microsoft.ManagedIdentity/userAssignedIdentities");
        var acr = Single(graph, "Microsoft.ContainerRegistry/registries");
        Assert.True(uami.Existing);
        Assert.Equal("uami", uami.Declaration.SymbolicName);
        Assert.Equal("acr", acr.Declaration.SymbolicName);
        var identity = Assert.IsType<ResourceReferenceValue>(acr.Get("properties.encryption.keyVaultProperties.identity"));
        Assert.Same(uami, identity.Resource.Instance);
        Assert.Equal("properties.clientid", identity.PathKey);
        Assert.Contains(uami, acr.Dependencies);
    }

    [Fact]
    public void Nested_child_resources_compose_name_and_type_and_link_the_parent()
    {
        string json = ArmTemplate(
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\", \"properties\": { },\n" +
            "      \"resources\": [ { \"type\": \"keys\", \"apiVersion\": \"2023-07-01\", \"name\": \"k1\", \"dependsOn\": [ \"kv1\" ], \"properties\": { \"kty\": \"RSA\" } } ] }");
        var graph = Graph(json);
        var vault = Single(graph, "Microsoft.KeyVault/vaults");
        var key = Single(graph, "Microsoft.KeyVault/vaults/keys");
        Assert.Equal("kv1/k1", key.Id.KnownName);
        Assert.Same(vault, key.Parent);
        Assert.True(graph.DependsOn(key, vault));
    }

    [Fact]
    public void Top_level_child_finds_its_parent_by_name()
    {
        string json = ArmTemplate(
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\", \"properties\": { } },\n" +
            "    { \"type\": \"Microsoft.KeyVault/vaults/keys\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1/k1\", \"properties\": { } }");
        var graph = Graph(json);
        Assert.Same(Single(graph, "Microsoft.KeyVault/vaults"), Single(graph, "Microsoft.KeyVault/vaults/keys").Parent);
    }

    [Fact]
    public void Resource_copy_loop_expands_instances_and_property_copy_builds_the_array()
    {
        string json = ArmTemplate(
            "    { \"type\": \"Microsoft.ManagedIdentity/userAssignedIdentities\", \"apiVersion\": \"2023-01-31\", \"name\": \"[concat('id', copyIndex(1))]\", \"copy\": { \"name\": \"ids\", \"count\": 3 } },\n" +
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\", \"dependsOn\": [ \"ids\" ],\n" +
            "      \"properties\": { \"copy\": [ { \"name\": \"accessPolicies\", \"count\": 2, \"input\": { \"objectId\": \"[concat('p', copyIndex('accessPolicies'))]\" } } ] } }");
        var graph = Graph(json);
        var ids = graph.OfType("Microsoft.ManagedIdentity/userAssignedIdentities");
        Assert.Equal(new[] { "id1", "id2", "id3" }, ids.Select(NameOf));
        var vault = Single(graph, "Microsoft.KeyVault/vaults");
        var policies = Assert.IsType<ArrayValue>(vault.Get("properties.accessPolicies"));
        Assert.Equal(new[] { "p0", "p1" }, policies.Items.Select(p => Values.AsString(Values.GetPath(p, "objectId"))));
        Assert.Null(vault.Get("properties.copy"));
        Assert.All(ids, id => Assert.True(graph.DependsOn(vault, id)));
    }

    [Fact]
    public void Condition_false_drops_the_resource_and_unknown_condition_keeps_it_conditional()
    {
        string json = ArmTemplate(
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv0\", \"condition\": \"[equals(parameters('env'), 'prod')]\" },\n" +
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\", \"condition\": \"[parameters('maybe')]\" },\n" +
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv2\", \"condition\": true }",
            parameters: "\"env\": { \"type\": \"string\", \"defaultValue\": \"dev\" }, \"maybe\": { \"type\": \"bool\" }");
        var vaults = Graph(json).OfType("Microsoft.KeyVault/vaults");
        Assert.Equal(new[] { "kv1", "kv2" }, vaults.Select(NameOf));
        Assert.True(vaults[0].IsConditional);
        Assert.False(vaults[1].IsConditional);
    }

    [Fact]
    public void Depends_on_by_name_by_resource_id_and_by_copy_name()
    {
        string json = ArmTemplate(
            "    { \"type\": \"Microsoft.ManagedIdentity/userAssignedIdentities\", \"apiVersion\": \"2023-01-31\", \"name\": \"id1\" },\n" +
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\", \"dependsOn\": [ \"[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]\" ] },\n" +
            "    { \"type\": \"Microsoft.KeyVault/vaults/keys\", \"apiVersion\": \"2023-07-01\", \"name\": \"[concat('kv1/k', copyIndex())]\", \"copy\": { \"name\": \"keyLoop\", \"count\": 2 }, \"dependsOn\": [ \"kv1\" ] },\n" +
            "    { \"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-07-01\", \"name\": \"acr1\", \"dependsOn\": [ \"keyLoop\" ] }");
        var graph = Graph(json);
        var id = Single(graph, "Microsoft.ManagedIdentity/userAssignedIdentities");
        var vault = Single(graph, "Microsoft.KeyVault/vaults");
        var keys = graph.OfType("Microsoft.KeyVault/vaults/keys");
        var acr = Single(graph, "Microsoft.ContainerRegistry/registries");
        Assert.Contains(id, vault.Dependencies);
        Assert.All(keys, k => Assert.Contains(vault, k.Dependencies));
        Assert.All(keys, k => Assert.Contains(k, acr.Dependencies));
        Assert.True(graph.DependsOn(acr, id));
        Assert.False(graph.DependsOn(id, acr));
    }

    private static string Nested(string scope, string template, string extra = "") =>
        "    { \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"inner\"," + extra + "\n" +
        "      \"properties\": { \"mode\": \"Incremental\", \"expressionEvaluationOptions\": { \"scope\": \"" + scope + "\" },\n" +
        "        \"parameters\": { \"vaultName\": { \"value\": \"kv-from-caller\" } },\n" +
        "        \"template\": " + template + " } }";

    [Fact]
    public void Nested_deployment_inner_scope_sees_its_own_parameters_and_outer_scope_the_callers()
    {
        string innerTemplate = ArmTemplate(
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"[parameters('vaultName')]\" }",
            parameters: "\"vaultName\": { \"type\": \"string\", \"defaultValue\": \"kv-inner-default\" }");
        string outerTemplate = ArmTemplate(
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"[parameters('vaultName')]\" }");
        string parentParameters = "\"vaultName\": { \"type\": \"string\", \"defaultValue\": \"kv-parent\" }";

        var inner = Graph(ArmTemplate(Nested("inner", innerTemplate), parameters: parentParameters));
        var innerVault = Single(inner, "Microsoft.KeyVault/vaults");
        Assert.Equal("kv-from-caller", NameOf(innerVault));
        Assert.NotNull(innerVault.Deployment.Owner);
        Assert.True(inner.DependsOn(Single(inner, "Microsoft.Resources/deployments"), innerVault));

        var outer = Graph(ArmTemplate(Nested("outer", outerTemplate), parameters: parentParameters));
        Assert.Equal("kv-parent", NameOf(Single(outer, "Microsoft.KeyVault/vaults")));
    }

    [Theory]
    [InlineData("true", "kv-when-true")]
    [InlineData("false", "kv-when-false")]
    public void Nested_deployment_parameter_written_as_an_expression_building_the_value_holder_is_bound(string condition, string expected)
    {
        // What the Bicep compiler emits for a conditional module argument.
        string innerTemplate = ArmTemplate(
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"[parameters('vaultName')]\" }",
            parameters: "\"vaultName\": { \"type\": \"string\", \"defaultValue\": \"kv-inner-default\" }");
        string deployment = Nested("inner", innerTemplate).Replace(
            "\"vaultName\": { \"value\": \"kv-from-caller\" }",
            "\"vaultName\": \"[if(parameters('useFirst'), createObject('value', 'kv-when-true'), createObject('value', 'kv-when-false'))]\"");
        Assert.Contains("createObject", deployment);
        var graph = Graph(ArmTemplate(deployment, parameters: "\"useFirst\": { \"type\": \"bool\", \"defaultValue\": " + condition + " }"));
        Assert.Equal(expected, NameOf(Single(graph, "Microsoft.KeyVault/vaults")));
    }

    [Fact]
    public void Nested_deployment_in_another_resource_group_changes_the_scope()
    {
        string innerTemplate = ArmTemplate("    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\" }");
        var graph = Graph(ArmTemplate(
            Nested("inner", innerTemplate, " \"resourceGroup\": \"rg-keys\",") + ",\n" +
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\" }"));
        var vaults = graph.OfType("Microsoft.KeyVault/vaults");
        Assert.Equal(2, vaults.Count);
        Assert.Equal("rg-keys", Values.AsString(vaults[0].Id.Scope.ResourceGroup));
        // The deployment's own resource group may be the one named 'rg-keys': the values cannot tell.
        Assert.Null(ResourceIdValue.Same(vaults[0].Id, vaults[1].Id));
    }

    [Fact]
    public void Scope_on_an_extension_resource_names_the_resource_it_applies_to()
    {
        string json = ArmTemplate(
            "    { \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2023-07-01\", \"name\": \"kv1\" },\n" +
            "    { \"type\": \"Microsoft.Authorization/roleAssignments\", \"apiVersion\": \"2022-04-01\", \"name\": \"[guid('ra')]\",\n" +
            "      \"scope\": \"[format('Microsoft.KeyVault/vaults/{0}', 'kv1')]\", \"properties\": { \"principalId\": \"p\" } }");
        var graph = Graph(json);
        var vault = Single(graph, "Microsoft.KeyVault/vaults");
        var assignment = Single(graph, "Microsoft.Authorization/roleAssignments");
        Assert.NotNull(assignment.Id.Scope.ExtensionOf);
        Assert.True(ResourceIdValue.Same(assignment.Id.Scope.ExtensionOf!, vault.Id));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_with_exact_spans()
    {
        string json = "// a template with comments\n{\n  \"$schema\": \"" + Schema + "\", /* block */\n  \"contentVersion\": \"1.0.0.0\",\n" +
            "  \"resources\": [\n" +
            "    {\n" +
            "      \"type\": \"Microsoft.ContainerRegistry/registries\", // registry\n" +
            "      \"apiVersion\": \"2023-07-01\",\n" +
            "      \"name\": \"acr1\",\n" +
            "      \"sku\": { \"name\": \"Basic\", },\n" +
            "      \"properties\": { \"encryption\": { \"status\": \"enabled\", }, },\n" +
            "    },\n" +
            "  ],\n" +
            "}\n";
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Equal(Lint.Locate(json, "\"Basic\""), finding.Position());
        Assert.Empty(Lint.Json(json).Of("CMK900"));
    }

    [Fact]
    public void Double_bracket_escape_is_a_literal_string_not_an_expression()
    {
        string json = ArmTemplate(Registry("        \"encryption\": { \"status\": \"enabled\" }", sku: "[[parameters('sku')]"));
        var graph = Graph(json);
        var sku = Single(graph, "Microsoft.ContainerRegistry/registries").Get("sku.name");
        Assert.Equal("[parameters('sku')]", Values.AsString(sku));
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        // Quoted as an ARM expression writes the string: a quote inside it doubled.
        Assert.Contains("'[parameters(''sku'')]'", finding.Message);
    }

    [Fact]
    public void Strings_spanning_lines_are_accepted_as_arm_does()
    {
        string json = ArmTemplate(Registry(Encryption(), sku: "[if(equals(1, 1),\n          'Standard',\n          'Premium')]"));
        Assert.Empty(Lint.Json(json).Of("CMK900"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK001"));
        Assert.Contains("'Standard'", finding.Message);
    }

    [Theory]
    [InlineData("[uri('', 'file.zip')]")]
    [InlineData("[base64ToString('%%%')]")]
    public void Function_that_rejects_known_arguments_gives_an_unknown_value_not_an_exception(string expression)
    {
        string json = ArmTemplate(Registry(Encryption(), sku: expression));
        var result = Lint.Json(json, includeInconclusive: true);
        Assert.Empty(result.Of("CMK900"));
        var open = Assert.Single(result.Of("CMK001"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
    }

    [Fact]
    public void Broken_json_is_cmk900_at_the_exact_position_and_other_files_are_still_analysed()
    {
        string broken = "{\n  \"$schema\": \"" + Schema + "\",\n  \"resources\": [\n    { \"type\": \"x\" \"name\": \"y\" }\n  ]\n}\n";
        string good = ArmTemplate(Registry(Encryption(), sku: "Standard"));
        var result = Lint.Files(new Dictionary<string, string> { ["/virtual/broken.json"] = broken, ["/virtual/good.json"] = good });
        var invalid = Assert.Single(result.Of("CMK900"));
        Assert.Equal("/virtual/broken.json", invalid.Path);
        Assert.Equal(Lint.Locate(broken, "\"name\": \"y\""), invalid.Position());
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void Invalid_expression_is_a_cmk900_error_at_the_exact_position_and_other_files_are_still_analysed()
    {
        // The JSON is valid, so the file is read; ARM rejects the template at the unparseable expression (CMK900 there).
        string bad = ArmTemplate(Registry(Encryption(), sku: "[concat('a', ]"));
        string good = ArmTemplate(Registry(Encryption(), sku: "Standard"));
        var result = Lint.Files(new Dictionary<string, string> { ["/virtual/bad.json"] = bad, ["/virtual/good.json"] = good });
        Assert.Empty(result.Of("CMK901"));
        var invalid = Assert.Single(result.Of("CMK900"));
        Assert.Equal(Level.Error, invalid.Level);
        Assert.Contains("invalid template expression", invalid.Message);
        Assert.Equal("/virtual/bad.json", invalid.Path);
        Assert.Equal(Lint.Locate(bad, "[concat('a', ]").Line, invalid.Position().Line);
        int start = Lint.Locate(bad, "[concat('a', ]").Column;
        Assert.InRange(invalid.Position().Column, start, start + "[concat('a', ]".Length);
        Assert.Single(result.Of("CMK001"), f => f.Path == "/virtual/good.json");
    }

    [Fact]
    public void Binary_and_non_utf8_files_are_cmk900()
    {
        var files = new BytesFileSystem(new Dictionary<string, byte[]>
        {
            ["/virtual/binary.json"] = new byte[] { 0x7B, 0x00, 0x01, 0x02, 0xFF, 0x00, 0x7D },
            ["/virtual/latin1.json"] = Encoding.Latin1.GetBytes("{\n  \"$schema\": \"" + Schema + "\",\n  \"description\": \"caf\u00e9\"\n}\n"),
            ["/virtual/good.json"] = Encoding.UTF8.GetBytes(ArmTemplate(Registry(Encryption(), sku: "Standard"))),
        });
        var result = new LintEngine(new LintOptions { Parallel = false, FileSystem = files }).Analyze(files.Paths);
        var invalid = result.Of("CMK900");
        Assert.Contains(invalid, f => f.Path == "/virtual/binary.json");
        var latin1 = Assert.Single(invalid, f => f.Path == "/virtual/latin1.json");
        Assert.Equal(3, latin1.Position().Line);
        Assert.Single(result.Of("CMK001"));
    }

    private sealed class BytesFileSystem : IFileSystem
    {
        private readonly Dictionary<string, byte[]> files;

        public BytesFileSystem(Dictionary<string, byte[]> files) => this.files = files;

        public IReadOnlyCollection<string> Paths => files.Keys;

        public bool FileExists(string path) => files.ContainsKey(path);

        public byte[]? ReadAllBytes(string path, out string? error)
        {
            error = files.ContainsKey(path) ? null : "not found";
            return files.TryGetValue(path, out var bytes) ? bytes : null;
        }
    }
}
