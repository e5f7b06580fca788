using System.Collections.Generic;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Fixes;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Fixes;

/// <summary>A fix only where it is certain: never through a variable, an expression, an unknown value or a suppressed finding.</summary>
public class FixPlannerTests
{
    private const string Path = "/virtual/main.bicep";

    private static string Registry(string sku, string identity = "identity.properties.clientId", string prelude = "") => prelude + @"
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id'
  location: 'westeurope'
}

resource other 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'other'
  location: 'westeurope'
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrfix'
  location: 'westeurope'
  sku: {
    name: " + sku + @"
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
        identity: " + identity + @"
        keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'
      }
    }
  }
}
";

    [Fact]
    public void A_literal_in_place_is_replaced_and_nothing_else_changes()
    {
        string text = Registry("'Standard'");
        var round = FixRound.Run(Path, text);
        var fix = Assert.Single(round.Fixes);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal("'Premium'", edit.NewText);
        Assert.Equal("'Standard'", edit.Span.Text);
        Assert.Equal(Lint.Locate(text, "'Standard'"), (edit.Span.StartPosition.Line, edit.Span.StartPosition.Column));
        Assert.Equal(text.Replace("'Standard'", "'Premium'"), round.After[Path]);
    }

    [Theory]
    [InlineData("tier", "var tier = 'Standard'\n")]
    [InlineData("toLower('Standard')", "")]
    [InlineData("'${tier}'", "var tier = 'Standard'\n")]
    [InlineData("true ? 'Standard' : 'Premium'", "")]
    public void A_value_not_written_as_a_literal_in_place_gets_no_fix(string sku, string prelude)
    {
        var round = FixRound.Run(Path, Registry(sku, prelude: prelude));
        Assert.Contains(round.Before.Findings, f => f.RuleId == "CMK001" && f.Kind == FindingKind.Violation);
        if (sku.StartsWith("true", System.StringComparison.Ordinal))
        {
            // The chosen branch is a literal in place: fixing it is certain.
            Assert.Single(round.Fixes);
            return;
        }

        Assert.Empty(round.Fixes);
    }

    [Fact]
    public void A_parameter_without_a_value_is_inconclusive_and_gets_no_fix()
    {
        var round = FixRound.Run(new Dictionary<string, string> { [Path] = Registry("tier", prelude: "param tier string\n") });
        Assert.DoesNotContain(round.Before.Findings, f => f.RuleId == "CMK001");
        Assert.Empty(round.Fixes);
    }

    [Fact]
    public void A_parameters_file_value_is_fixed_in_the_parameters_file()
    {
        var files = new Dictionary<string, string>
        {
            [Path] = Registry("tier", prelude: "param tier string = 'Premium'\n"),
            ["/virtual/main.bicepparam"] = "using 'main.bicep'\n\nparam tier = 'Basic' // cheaper\n",
        };
        var round = FixRound.Run(files);
        Assert.Contains(round.Fixes, f => f.Finding.RuleId == "CMK001");
        Assert.Equal("using 'main.bicep'\n\nparam tier = 'Premium' // cheaper\n", round.After["/virtual/main.bicepparam"]);
        Assert.Equal(files[Path], round.After[Path]);
    }

    [Fact]
    public void The_principal_id_of_an_identity_the_registry_does_not_assign_is_not_renamed()
    {
        var assigned = FixRound.Run(Path, Registry("'Premium'", "identity.properties.principalId"));
        Assert.Equal("clientId", Assert.Single(Assert.Single(assigned.Fixes).Edits).NewText);

        var notAssigned = FixRound.Run(Path, Registry("'Premium'", "other.properties.principalId"));
        Assert.Contains(notAssigned.Before.Findings, f => f.RuleId == "CMK003");
        Assert.Empty(notAssigned.Fixes);
    }

    [Fact]
    public void A_suppressed_finding_is_not_fixed()
    {
        var round = FixRound.Run(Path, Registry("'Standard'"));
        var finding = Assert.Single(round.Before.Findings, f => f.RuleId == "CMK001");
        finding.Suppression = new SuppressionInfo("external", "accepted");
        Assert.Null(FixPlanner.Plan(finding));
    }

    [Fact]
    public void Text_that_differs_from_what_the_rule_saw_drops_the_fix()
    {
        var file = new SourceFile("/virtual/x.bicep", "name: 'Basic'");
        var finding = new Finding(RequirePremiumRule.Rule, Level.Error, "m", file.Span(6, 7), "fp")
        {
            Fix = new SuggestedFix("set", new SuggestedChange(ChangeKind.ReplaceLiteral, file.Span(6, 7), "Standard", "Premium")),
        };
        Assert.Null(FixPlanner.Plan(finding));

        finding.Fix = new SuggestedFix("set", new SuggestedChange(ChangeKind.ReplaceLiteral, file.Span(6, 7), "Basic", "Premium"));
        Assert.Equal("'Premium'", Assert.Single(FixPlanner.Plan(finding)!.Edits).NewText);
    }

    [Fact]
    public void A_file_that_is_neither_bicep_nor_json_gets_no_edit()
    {
        var file = new SourceFile("/virtual/Deployment.cs", "Name = \"Basic\"");
        var finding = new Finding(RequirePremiumRule.Rule, Level.Error, "m", file.Span(7, 7), "fp")
        {
            Fix = new SuggestedFix("set", new SuggestedChange(ChangeKind.ReplaceLiteral, file.Span(7, 7), "Basic", "Premium")),
        };
        Assert.Null(FixPlanner.Plan(finding));
    }

    [Theory]
    [InlineData("{\n  a: 1\n}", "{\n  n: true\n  a: 1\n}")]
    [InlineData("{\n\n    a: 1\n}", "{\n    n: true\n\n    a: 1\n}")]
    [InlineData("{\n}", "{\n  n: true\n}")]
    [InlineData("{ // c\n\ta: 1\n}", "{ // c\n\tn: true\n\ta: 1\n}")]
    [InlineData("{ a: 1 }", null)]
    [InlineData("{ a: 1, b: 2 }", "{ n: true, a: 1, b: 2 }")]
    [InlineData("{\n  // only a comment\n}", null)]
    [InlineData("vaultProperties", null)]
    public void A_property_is_added_first_with_its_siblings_indentation(string objectText, string? expected)
    {
        var file = new SourceFile("/virtual/x.bicep", "x: " + objectText);
        var span = file.Span(3, objectText.Length);
        var finding = new Finding(VaultRecoverableRule.Rule, Level.Error, "m", span, "fp")
        {
            Fix = new SuggestedFix("add", new SuggestedChange(ChangeKind.AddProperty, span, null, true, "n")),
        };
        var fix = FixPlanner.Plan(finding);
        if (expected is null)
        {
            Assert.Null(fix);
            return;
        }

        Assert.Equal("x: " + expected, FixedFile.Apply(new[] { fix! }).Single().NewText);
    }

    [Theory]
    [InlineData("{\n  \"a\": 1\n}", "{\n  \"n\": true,\n  \"a\": 1\n}")]
    [InlineData("{\n}", "{\n  \"n\": true\n}")]
    [InlineData("{}", "{ \"n\": true }")]
    [InlineData("{\"a\": 1}", "{\"n\": true, \"a\": 1}")]
    public void A_json_property_gets_a_comma_only_before_a_sibling(string objectText, string expected)
    {
        var file = new SourceFile("/virtual/x.json", objectText);
        var span = file.Span(0, objectText.Length);
        var finding = new Finding(VaultRecoverableRule.Rule, Level.Error, "m", span, "fp")
        {
            Fix = new SuggestedFix("add", new SuggestedChange(ChangeKind.AddProperty, span, null, true, "n")),
        };
        Assert.Equal(expected, FixedFile.Apply(new[] { FixPlanner.Plan(finding)! }).Single().NewText);
    }

    [Fact]
    public void Overlapping_fixes_keep_the_first_identical_edits_are_shared()
    {
        var file = new SourceFile("/virtual/x.bicep", "a: 'Basic'");
        Finding Make(string to) => new(RequirePremiumRule.Rule, Level.Error, "m", file.Span(3, 7), "fp" + to)
        {
            Fix = new SuggestedFix("set " + to, new SuggestedChange(ChangeKind.ReplaceLiteral, file.Span(3, 7), "Basic", to)),
        };

        var fixes = FixPlanner.Plan(new[] { Make("Premium"), Make("Standard"), Make("Premium") });
        Assert.Equal(new[] { "set Premium", "set Premium" }, fixes.Select(f => f.Title));
        var fixedFile = FixedFile.Apply(fixes).Single();
        Assert.Equal("a: 'Premium'", fixedFile.NewText);
        Assert.Single(fixedFile.Edits);
    }

    [Fact]
    public void Two_insertions_at_one_offset_do_not_overlap_an_insertion_inside_a_replacement_does()
    {
        var file = new SourceFile("/virtual/x.bicep", "abcdef");
        var insertA = new TextEdit(file.Span(2, 0), "1");
        var insertB = new TextEdit(file.Span(2, 0), "2");
        var replace = new TextEdit(file.Span(1, 3), "X");
        var touching = new TextEdit(file.Span(2, 2), "Y");
        Assert.False(insertA.Overlaps(insertB));
        Assert.True(insertA.Overlaps(replace));
        Assert.True(replace.Overlaps(insertA));
        Assert.False(insertA.Overlaps(touching));
        Assert.True(replace.Overlaps(touching));
    }
}
