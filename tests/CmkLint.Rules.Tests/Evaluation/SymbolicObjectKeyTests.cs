using System.Linq;
using CmkLint.Arm;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Evaluation;

public class SymbolicObjectKeyTests
{
    private static ObjectValue EvaluateTags(string tagsJson)
    {
        string json = $$"""
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "resources": [
                { "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acr", "identity": { "userAssignedIdentities": {{tagsJson}} } }
              ]
            }
            """;
        var document = ArmTemplateReader.Read(new SourceFile("/virtual/keys.json", json));
        var graph = GraphBuilder.Build(document.Template!, null, null);
        return Assert.IsType<ObjectValue>(graph.Resources.Single().Get("identity.userAssignedIdentities"));
    }

    [Fact]
    public void A_key_that_evaluates_to_a_resource_id_is_kept_with_its_symbolic_value()
    {
        var obj = EvaluateTags("""{ "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-acr')]": {} }""");
        var property = Assert.Single(obj.Properties);
        var id = Assert.IsType<ResourceIdValue>(property.KeyValue);
        Assert.Equal("id-acr", id.LastName);
        Assert.False(obj.IsOpen);
    }

    [Fact]
    public void A_key_built_from_a_runtime_value_and_a_resource_id_path_is_kept_and_the_object_stays_closed()
    {
        var obj = EvaluateTags("""{ "[concat(resourceGroup().id, '/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-acr')]": {} }""");
        Assert.IsType<CompositeStringValue>(Assert.Single(obj.Properties).KeyValue);
        Assert.False(obj.IsOpen);
    }

    [Fact]
    public void A_partly_known_key_that_could_be_any_name_is_kept_but_opens_the_object()
    {
        var obj = EvaluateTags("""{ "[concat('tag-', uniqueString(resourceGroup().id))]": {} }""");
        Assert.IsType<CompositeStringValue>(Assert.Single(obj.Properties).KeyValue);
        Assert.True(obj.IsOpen);
        Assert.IsNotType<NullValue>(Values.GetPath(obj, "other"));
    }

    [Fact]
    public void A_key_known_as_text_has_no_symbolic_value()
    {
        var obj = EvaluateTags("""{ "[concat('/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/', 'id-acr')]": {} }""");
        var property = Assert.Single(obj.Properties);
        Assert.Null(property.KeyValue);
        Assert.EndsWith("/id-acr", property.Name);
    }
}
