using System.IO;
using System.Linq;
using CmkLint.Rules;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void Configuration_schema_names_every_rule_by_id_and_name()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(Repository.Root, "schemas", "cmklint.schema.json")));
        var ruleNames = ((JObject)schema["properties"]!["rules"]!["properties"]!).Properties().Select(p => p.Name).ToHashSet();
        foreach (var rule in RuleCatalog.Descriptors)
        {
            Assert.Contains(rule.Id, ruleNames);
            Assert.Contains(rule.Name, ruleNames);
        }
    }

    [Fact]
    public void Configuration_schema_lists_the_settings_the_reader_accepts()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(Repository.Root, "schemas", "cmklint.schema.json")));
        var settings = ((JObject)schema["properties"]!).Properties().Select(p => p.Name).OrderBy(n => n);
        Assert.Equal(new[] { "$schema", "budgets", "exclude", "include", "limits", "parameters", "rules", "suppress" }, settings);
        Assert.False((bool)schema["additionalProperties"]!);
    }

    [Fact]
    public void Configuration_schema_lists_every_budget_with_its_default()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(Repository.Root, "schemas", "cmklint.schema.json")));
        var budgets = (JObject)schema["properties"]!["budgets"]!["properties"]!;
        Assert.Equal(Loading.AnalysisBudgets.Names, budgets.Properties().Select(p => p.Name));
        var defaults = new Loading.AnalysisBudgets();
        foreach (var name in Loading.AnalysisBudgets.Names)
        {
            var overridden = new Loading.AnalysisBudgets();
            Assert.True(overridden.TrySet(name, (long)budgets[name]!["default"]!));
            Assert.Equal(defaults, overridden, new BudgetComparer());
        }
    }

    private sealed class BudgetComparer : System.Collections.Generic.IEqualityComparer<Loading.AnalysisBudgets>
    {
        public bool Equals(Loading.AnalysisBudgets? x, Loading.AnalysisBudgets? y) =>
            x!.EvaluationDepth == y!.EvaluationDepth && x.DeploymentDepth == y.DeploymentDepth && x.Steps == y.Steps && x.StringLength == y.StringLength
            && x.Elements == y.Elements && x.ValueBytes == y.ValueBytes && x.Instances == y.Instances && x.Modules == y.Modules && x.FileSeconds == y.FileSeconds;

        public int GetHashCode(Loading.AnalysisBudgets obj) => obj.Steps.GetHashCode();
    }
}
