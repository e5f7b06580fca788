using System;
using System.Linq;
using System.Text;
using Xunit;

namespace CmkLint.Tests.Hostile;

/// <summary>Issue 12, item 6: names and values from a pull request cannot forge log lines, break a report or flood it.</summary>
public sealed class OutputInjectionTests : IDisposable
{
    private readonly HostileTree tree = new();

    public void Dispose() => tree.Dispose();

    [Fact]
    public void A_file_name_with_a_newline_and_escape_cannot_forge_a_workflow_command()
    {
        tree.Write("x\n::error file=app.cs::forged\u001b[31m.json", Templates.Registry("Standard", "named"));
        tree.Write("::warning::forged.json", Templates.Registry("Standard", "colons"));

        var result = tree.Run();

        foreach (var line in (result.Out + result.Error).Split('\n'))
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), "a line starts a workflow command: " + line);
        }

        Assert.DoesNotContain("\u001b", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("x\\n::error file=app.cs::forged\\x1b[31m.json(", result.Out, StringComparison.Ordinal);
        Assert.Contains("./::warning::forged.json(", result.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }

    [Fact]
    public void Control_characters_in_values_are_escaped_in_messages_and_code_frames()
    {
        // A registry name with ESC, CR, a C1 control and a right-to-left override, quoted by CMK001's message and its frame.
        tree.Write("ctl.json", Templates.Registry("Standard", "a\\u001b]0;owned\\u0007b\\r\\u0085\\u202ec"));

        var result = tree.Run();

        Assert.DoesNotContain("\u001b", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0085", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", result.Out, StringComparison.Ordinal);
        Assert.Contains("Registry 'a\\x1b]0;owned\\x07b\\r\\x85\\u202ec'", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_never_breaks_json_or_sarif_output()
    {
        tree.Write("surrogate.json", Templates.Registry("Standard", "x\\udc00y"));

        foreach (var format in new[] { "json", "sarif" })
        {
            var toFile = tree.Run("--format", format, "--output", "report." + format);
            var toStdout = tree.Run("--format", format);

            Assert.Equal(1, toFile.ExitCode);
            byte[] bytes = System.IO.File.ReadAllBytes(tree.PathOf("report." + format));
            string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.Contains("Registry 'x\uFFFDy'", HostileTree.ParseReport(text).ToString(), StringComparison.Ordinal);
            HostileTree.AssertOrdinaryFindingReported(text);
            HostileTree.ParseReport(toStdout.Out);
        }

        Assert.Contains("Registry 'x\\udc00y'", tree.Run().Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_are_capped_per_file_with_a_summary_line_and_a_sarif_note()
    {
        tree.Write("many.json", ManyRegistries(260));

        var text = tree.Run();
        var sarif = HostileTree.ParseReport(tree.Run("--format", "sarif").Out);
        tree.Write("cmklint.json", "{ \"limits\": { \"maxFindingsPerFile\": 1000, \"maxFindingsPerRun\": 50 } }");
        var configured = tree.Run("--format", "json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal(200, text.Out.Split('\n').Count(l => l.StartsWith("many.json(", StringComparison.Ordinal)));
        Assert.Contains("60 more findings not shown (at most 200 per file and 5000 per run", text.Out, StringComparison.Ordinal);
        Assert.Contains("261 errors", text.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(text.Out);

        var run = sarif["runs"]![0]!;
        Assert.Equal(201, ((Newtonsoft.Json.Linq.JArray)run["results"]!).Count);
        Assert.Equal(60, (int)run["properties"]!["omittedResults"]!);

        var json = HostileTree.ParseReport(configured.Out);
        Assert.Equal(50, ((Newtonsoft.Json.Linq.JArray)json["findings"]!).Count);
        Assert.Equal(211, (int)json["summary"]!["omitted"]!);
        Assert.Equal(261, (int)json["summary"]!["errors"]!);
    }

    [Fact]
    public void No_inline_suppressions_ignores_suppressions_written_in_the_template()
    {
        tree.Write("suppressed.bicep", "#disable-next-line CMK001\nvar x = 1\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'inline'\n  location: 'westeurope'\n  sku: {\n    #disable-next-line CMK001\n    name: 'Standard'\n  }\n  properties: { encryption: { status: 'enabled' } }\n}\n");

        var honoured = tree.Run("suppressed.bicep", "--format", "json");
        var ignored = tree.Run("suppressed.bicep", "--format", "json", "--no-inline-suppressions");

        var before = Assert.Single(HostileTree.ParseReport(honoured.Out)["findings"]!, f => (string?)f["ruleId"] == "CMK001");
        var after = Assert.Single(HostileTree.ParseReport(ignored.Out)["findings"]!, f => (string?)f["ruleId"] == "CMK001");
        Assert.Equal("inSource", (string?)before["suppression"]!["kind"]);
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, after["suppression"]!.Type);
        Assert.Equal(1, ignored.ExitCode);
    }

    /// <summary>The ordinary template with its registry repeated under <paramref name="count"/> names (one CMK001 each).</summary>
    private static string ManyRegistries(int count)
    {
        string one = Templates.Registry("Standard", "NAME");
        int start = one.IndexOf("    {", StringComparison.Ordinal);
        int end = one.IndexOf("\n    },", start, StringComparison.Ordinal) + "\n    }".Length;
        string registry = one.Substring(start, end - start);
        var registries = string.Join(",\n", Enumerable.Range(0, count).Select(i => registry.Replace("NAME", "acr" + i, StringComparison.Ordinal)));
        return one.Substring(0, start) + registries + one.Substring(end);
    }
}
