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
        Assert.Equal(new[] { "$schema", "exclude", "include", "limits", "parameters", "rules", "suppress" }, settings);
        Assert.False((bool)schema["additionalProperties"]!);
    }
}
