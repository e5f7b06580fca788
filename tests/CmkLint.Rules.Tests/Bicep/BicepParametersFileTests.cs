using System.Linq;
using CmkLint.Bicep.Syntax;
using Xunit;
using static CmkLint.Rules.Tests.Bicep.BicepParse;

namespace CmkLint.Rules.Tests.Bicep;

public class BicepParametersFileTests
{
    [Fact]
    public void Parameters_file_has_using_param_assignments_variables_and_imports()
    {
        var root = Valid(string.Join("\n",
            "using './main.bicep'",
            "import { skus } from 'types.bicep'",
            "var prefix = 'cmk'",
            "param registryName = '${prefix}acr'",
            "param keyVersion = readEnvironmentVariable('KEY_VERSION', '')"), "main.bicepparam");
        Assert.Equal("./main.bicep", root.Using!.PathText);
        Assert.False(root.Using.IsNone);
        Assert.Equal(new[] { "registryName", "keyVersion" }, root.ParameterAssignments.Select(p => p.SymbolName).ToArray());
        Assert.Equal((4, 7), Start(root.ParameterAssignments[0].NameSpan));
        Assert.Single(root.Variables);
        Assert.Single(root.Imports);
    }

    [Fact]
    public void Using_none_is_recognized()
    {
        var root = Valid("using none\nparam a = 1", "p.bicepparam");
        Assert.True(root.Using!.IsNone);
        Assert.Null(root.Using.Path);
    }

    [Fact]
    public void Extends_is_recognized()
    {
        var root = Valid("using 'main.bicep'\nextends 'base.bicepparam'\n", "p.bicepparam");
        Assert.IsType<ExtendsDeclarationSyntax>(root.Statements[1]);
    }

    [Fact]
    public void Parameter_assignment_without_value_is_reported()
    {
        var tree = Tree("using 'main.bicep'\nparam a\nparam b = 2", "p.bicepparam");
        Assert.Equal("BCP018", Assert.Single(tree.Diagnostics).Code);
        Assert.Equal(2, tree.Root.ParameterAssignments.Count);
    }

    [Fact]
    public void Template_statements_are_not_parameters_file_statements()
    {
        var tree = Tree("resource r 'A/b@1' = {}", "p.bicepparam");
        Assert.Equal("BCP007", Assert.Single(tree.Diagnostics).Code);
        Assert.Equal(BicepFileKind.Parameters, tree.Kind);
    }

    [Fact]
    public void Using_is_not_a_template_statement()
    {
        Assert.Equal("BCP007", Assert.Single(Tree("using 'main.bicep'").Diagnostics).Code);
    }

    [Fact]
    public void Parse_mode_can_be_chosen_explicitly()
    {
        var tree = BicepParser.Parse(new CmkLint.Text.SourceFile("params.txt", "using 'main.bicep'"), BicepFileKind.Parameters);
        Assert.Empty(tree.Diagnostics);
    }
}
