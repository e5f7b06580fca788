using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>
/// Every nesting and chain shape a pull request can write, in both languages, beside an ordinary bad registry
/// (Standard SKU with a customer-managed key: CMK001). Chains parse (they are loops); nesting past
/// <see cref="NestingLimit.MaxDepth"/> gives exactly one CMK901 at the construct; the registry is still reported;
/// nothing throws or overflows the stack (which would end the test run, not fail one test).
/// </summary>
public sealed class ParserNestingTests
{
    private const string BicepPath = "/virtual/main.bicep";

    private static readonly string BadBicepRegistry = File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), "samples", "bicep", "bad", "cmk001-standard-sku.bicep"));

    private static readonly string BadArmTemplate = File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), "samples", "arm", "bad", "cmk001-standard-sku.json"));

    public static TheoryData<string, string> BicepChains => new()
    {
        { "addition", "var x = " + string.Join(" + ", Enumerable.Repeat("1", 25_000)) },
        { "mixed operators", "var x = " + string.Join(" * 2 + ", Enumerable.Repeat("1", 10_000)) + " > 0 && true || false ?? null" },
        { "members", "var a = {}\nvar x = a" + Repeat(".b", 10_000) },
        { "safe members", "var a = {}\nvar x = a" + Repeat(".?b", 7_000) },
        { "indexes", "var a = []\nvar x = a" + Repeat("[0]", 7_000) },
        { "non-null assertions", "var a = {}\nvar x = a" + Repeat(".b!", 7_000) },
        { "method calls", "var x = registry" + Repeat(".listKeys()", 2_000) },
        { "nullable types", "type t = string" + Repeat("?!", 5_000) + "\nparam p t" },
    };

    public static TheoryData<string, string, string, string> BicepNesting => new()
    {
        // name, prefix, repeated unit (one level each), suffix repeated as many times to close it
        { "parentheses", "var x = ", "(", ")" },
        { "arrays", "var x = ", "[", "]" },
        { "objects", "var x = ", "{a:", "}" },
        { "calls", "var x = ", "concat(", ")" },
        { "interpolation", "var x = ", "'${", "}'" },
        { "indexes", "var a = [0]\nvar x = ", "a[", "]" },
        { "lambdas", "var x = ", "y => ", string.Empty },
        { "ternaries", "var c = true\nvar x = ", "c ? ", " : 1" },
        { "object types", "type t = ", "{a: ", "}" },
        { "parenthesized types", "type t = ", "(", ")" },
    };

    [Theory]
    [MemberData(nameof(BicepChains))]
    public void A_long_bicep_chain_parses_and_the_registry_is_still_checked(string shape, string declaration)
    {
        var result = LintBicep(declaration + "\n" + BadBicepRegistry);

        Assert.True(result.Of("CMK001").Count == 1, shape);
        Assert.Empty(result.Of("CMK900"));
        Assert.DoesNotContain(result.Of("CMK901"), f => f.Message.Contains("nests deeper"));
    }

    [Fact]
    public void A_long_chain_of_child_resource_accesses_is_one_error()
    {
        // registry::child does not exist: the compiler's BCP057, once for the chain, not once per link.
        var result = LintBicep("var x = registry" + Repeat("::child", 5_000) + "\n" + BadBicepRegistry);

        Assert.Contains("BCP057", Assert.Single(result.Of("CMK900")).Message);
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void A_100_kb_addition_chain_parses_without_any_diagnostic()
    {
        string chain = "var x = " + string.Join(" + ", Enumerable.Repeat("1", 25_000));
        Assert.True(chain.Length > 100_000);

        var result = LintBicep(chain + "\noutput o int = x\n" + BadBicepRegistry);

        Assert.Empty(result.Of("CMK900"));
        Assert.DoesNotContain(result.Of("CMK901"), f => f.Span.StartPosition.Line == 1);
        Assert.Single(result.Of("CMK001"));
    }

    [Theory]
    [MemberData(nameof(BicepNesting))]
    public void Bicep_nested_past_the_limit_gives_one_note_at_the_construct(string shape, string prefix, string unit, string close)
    {
        const int levels = 100_000;
        var text = new StringBuilder(prefix);
        text.Insert(text.Length, unit, levels).Append('1').Insert(text.Length, close, levels).Append('\n').Append(BadBicepRegistry);
        var result = LintBicep(text.ToString());

        var note = Assert.Single(result.Of("CMK901"), f => f.Message.Contains("nests deeper"));
        int lastLine = prefix.Count(c => c == '\n') + 1;
        int lineStart = prefix.LastIndexOf('\n') + 1;
        Assert.Equal((lastLine, prefix.Length - lineStart + 1 + (unit.Length * NestingLimit.MaxDepth)), note.Position());
        Assert.Contains($"deeper than {NestingLimit.MaxDepth} levels", note.Message);
        Assert.True(result.Of("CMK900").Count == 0, shape + ": " + string.Join("; ", result.Of("CMK900").Select(f => f.Message)));
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void Nested_resources_past_the_limit_give_one_note_and_the_registry_is_still_checked()
    {
        var text = new StringBuilder("resource top 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'top'\n");
        for (int i = 0; i < 2_000; i++)
        {
            text.Append(' ', i + 2).Append("resource c").Append(i).Append(" 'blobServices' = {\n").Append(' ', i + 4).Append("name: 'default'\n");
        }

        text.Insert(text.Length, "}\n", 2_001).Append(BadBicepRegistry);
        var result = LintBicep(text.ToString());

        var note = Assert.Single(result.Of("CMK901"), f => f.Message.Contains("nests deeper"));
        // c0 is level 1, so c255 is level 256 and its name's value the first expression past the limit.
        int last = NestingLimit.MaxDepth - 1;
        Assert.Equal((4 + (2 * last), last + 4 + 1 + "name: ".Length), note.Position());
        Assert.Empty(result.Of("CMK900"));
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void Many_deep_siblings_are_one_note_that_counts_them()
    {
        // Three variables, each nested past the limit: one note, at the first, saying how many more there are.
        string deep = new string('(', 1_000) + "1" + new string(')', 1_000);
        var result = LintBicep($"var x = {deep}\nvar y = {deep}\nvar z = [{deep}, {deep}]\n" + BadBicepRegistry);

        var note = Assert.Single(result.Of("CMK901"), f => f.Message.Contains("nests deeper"));
        Assert.Equal((1, 9 + NestingLimit.MaxDepth), note.Position());
        Assert.Contains("3 more", note.Message);
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void Unclosed_deep_nesting_is_an_error_and_the_next_statements_are_still_read()
    {
        // The compiler rejects unclosed brackets: CMK900; the registry on the following lines is still read.
        var result = LintBicep("var x = " + new string('(', 100_000) + "\n" + BadBicepRegistry);

        Assert.NotEmpty(result.Of("CMK900"));
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void A_deep_parameters_file_value_gives_one_note()
    {
        var files = new Dictionary<string, string>
        {
            ["/virtual/main.bicep"] = "param p object\n" + BadBicepRegistry,
            ["/virtual/main.bicepparam"] = "using 'main.bicep'\nparam p = " + new string('[', 50_000) + new string(']', 50_000) + "\n",
        };
        var result = Lint.Files(files);

        var note = Assert.Single(result.Of("CMK901"), f => f.Message.Contains("nests deeper"));
        Assert.Equal((2, 11 + NestingLimit.MaxDepth), note.Position());
        Assert.NotEmpty(result.Of("CMK001"));
    }

    [Fact]
    public void An_arm_concat_nested_past_the_limit_gives_one_note_at_the_construct()
    {
        string expression = "[" + Repeat("concat(", 3_000) + "'a'" + Repeat(", 'b')", 3_000) + "]";
        Assert.True(expression.Length > 20_000);
        string json = WithVariable(BadArmTemplate, "\"" + expression + "\"");
        var result = Lint.Json(json);

        var note = Assert.Single(result.Of("CMK901"));
        // The expression starts after "[ (level 1); each concat( adds a level.
        var (line, column) = Lint.Locate(json, "\"deep\": \"[");
        Assert.Equal((line, column + "\"deep\": \"[".Length + ("concat(".Length * NestingLimit.MaxDepth)), note.Position());
        Assert.Contains($"deeper than {NestingLimit.MaxDepth} levels", note.Message);
        Assert.Empty(result.Of("CMK900"));
        Assert.Single(result.Of("CMK001"));
    }

    [Theory]
    [InlineData("[variables('y')", ".a", 10_000)]
    [InlineData("[variables('y')", "[0]", 7_000)]
    [InlineData("[variables('y')", "['a'].a[0]", 2_500)]
    public void An_arm_access_chain_parses_and_the_registry_is_still_checked(string start, string link, int count)
    {
        string json = WithVariable(BadArmTemplate, "\"" + start + Repeat(link, count) + "]\"");
        var result = Lint.Json(json);

        Assert.Empty(result.Of("CMK900"));
        Assert.Empty(result.Of("CMK901"));
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void An_arm_user_function_with_a_long_chain_is_read()
    {
        // FunctionParameters.Bind rewrites the body: the chain must not be walked by recursion.
        string body = "[parameters('p')" + Repeat(".a", 10_000) + "]";
        string functions = "\"functions\": [ { \"namespace\": \"ns\", \"members\": { \"f\": { \"parameters\": [ { \"name\": \"p\", \"type\": \"object\" } ], \"output\": { \"type\": \"object\", \"value\": \"" + body + "\" } } } } ],";
        string json = BadArmTemplate.Replace("\"resources\":", functions + "\n  \"resources\":");
        var result = Lint.Json(json);

        Assert.Empty(result.Of("CMK900"));
        Assert.Single(result.Of("CMK001"));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\": ", "}")]
    [InlineData("[{\"a\": ", "}]")]
    public void Json_nested_100k_deep_gives_one_note_and_the_registry_is_still_checked(string open, string close)
    {
        const int levels = 100_000;
        string deep = new StringBuilder().Insert(0, open, levels).Append("1").Insert((open.Length * levels) + 1, close, levels).ToString();
        string json = WithVariable(BadArmTemplate, deep);
        var result = Lint.Json(json);

        var note = Assert.Single(result.Of("CMK901"));
        Assert.Contains($"deeper than {NestingLimit.MaxDepth} levels", note.Message);

        // The root object and "variables" are two levels, so the deep value's first MaxDepth - 2 brackets are read
        // and the next one (1-based: MaxDepth - 1) is the value not read.
        int perUnit = open.Count(c => c == '[' || c == '{');
        int unread = NestingLimit.MaxDepth - 2;
        var (line, column) = Lint.Locate(json, "\"deep\": ");
        int offset = ((unread / perUnit) * open.Length) + NthBracket(open, (unread % perUnit) + 1);
        Assert.Equal((line, column + "\"deep\": ".Length + offset), note.Position());
        Assert.Empty(result.Of("CMK900"));
        Assert.Single(result.Of("CMK001"));
    }

    [Fact]
    public void Json_deep_in_a_parameters_file_gives_one_note()
    {
        string parameters = "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"parameters\": { \"p\": { \"value\": " + new string('[', 50_000) + new string(']', 50_000) + " } }\n}\n";
        var result = Lint.Files(new Dictionary<string, string> { ["/virtual/main.json"] = BadArmTemplate, ["/virtual/main.parameters.json"] = parameters });

        Assert.Single(result.Of("CMK901"), f => f.Path.EndsWith("main.parameters.json", System.StringComparison.Ordinal));
        Assert.NotEmpty(result.Of("CMK001"));
    }

    private static Engine.LintResult LintBicep(string text) =>
        Lint.Files(new Dictionary<string, string> { [BicepPath] = text });

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>The template with one more variable, "deep", holding the given JSON value.</summary>
    private static string WithVariable(string template, string value)
    {
        int at = template.IndexOf("\"resources\":", System.StringComparison.Ordinal);
        Assert.True(at >= 0, "the sample has resources");
        return template.Substring(0, at) + "\"variables\": {\n    \"deep\": " + value + "\n  },\n  " + template.Substring(at);
    }

    /// <summary>The offset in <paramref name="unit"/> of its <paramref name="n"/>-th (1-based) opening bracket.</summary>
    private static int NthBracket(string unit, int n)
    {
        for (int i = 0; i < unit.Length; i++)
        {
            if ((unit[i] == '[' || unit[i] == '{') && --n == 0)
            {
                return i;
            }
        }

        return 0;
    }
}
