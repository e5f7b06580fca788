using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CmkLint.Arm;
using CmkLint.Bicep;
using CmkLint.Bicep.Syntax;
using CmkLint.Text;
using CsCheck;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>
/// Property tests (CsCheck) over generated nested, repeated and oversized constructs in JSON, ARM expressions and
/// Bicep: no exception, exactly one note when (and only when) the nesting passes <see cref="NestingLimit.MaxDepth"/>,
/// the bad registry beside it still reported, and the parser's work bounded by the size of the input.
/// </summary>
public sealed class ParserPropertyTests
{
    private const long Iterations = 40;

    private static readonly string BadBicepRegistry = File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), "samples", "bicep", "bad", "cmk001-standard-sku.bicep"));

    private static readonly string BadArmTemplate = File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), "samples", "arm", "bad", "cmk001-standard-sku.json"));

    /// <summary>Bicep units that each add exactly one level of expression nesting, with their closers.</summary>
    private static readonly Gen<(string Open, string Close)> BicepLevel = Gen.OneOf(
        ("(", ")"), ("[", "]"), ("{a: ", "}"), ("concat(", ")"), ("[0, ", "]"), ("{a: 1, b: ", "}"));

    /// <summary>Levels allowed inside string interpolation (no object or array literals there).</summary>
    private static readonly Gen<(string Open, string Close)> InterpolationLevel = Gen.OneOf(("'${", "}'"), ("'a${", "}b'"), ("(", ")"), ("string(", ")"));

    /// <summary>Chains that are loops, not nesting: as long as they like, they add no level.</summary>
    private static readonly Gen<string> BicepLink = Gen.OneOf(" + 1", ".a", "[0]", "!", ".?b", " * 2");

    private static readonly Gen<(string Open, string Close)> JsonLevel = Gen.OneOf(("[", "]"), ("{\"a\": ", "}"), ("[1, ", "]"), ("{\"a\": 1, \"b\": ", "}"));

    private static readonly Gen<(string Open, string Close)> ArmLevel = Gen.OneOf(
        ("concat(", ", 'b')"), ("if(true(), ", ", null())"), ("json(", ")"), ("variables('y')[", "]"), ("createArray(1, ", ")"));

    private static readonly Gen<string> ArmLink = Gen.OneOf(".a", "[0]", "['k']", ".b[1]");

    /// <summary>A run of one unit repeated, up to far past the limit.</summary>
    private static Gen<(string Open, string Close, int Count)> Run(Gen<(string Open, string Close)> unit) =>
        Gen.Select(unit, Gen.OneOf(Gen.Int[0, 40], Gen.Int[0, 400], Gen.Int[200, 3_000]), (u, n) => (u.Open, u.Close, n));

    [Fact]
    public void Bicep_nesting_gives_one_note_exactly_when_it_passes_the_limit()
    {
        var gen = Gen.Select(Run(BicepLevel).Array[1, 3], Run(InterpolationLevel).Array[0, 2], BicepLink.Array[0, 3], Gen.Int[0, 3_000]);
        gen.Sample(
            (outer, inner, links, chainLength) =>
            {
                var runs = outer.Concat(inner).ToArray();
                int levels = runs.Sum(r => r.Count);
                var text = new StringBuilder("var x = ");
                foreach (var run in runs)
                {
                    text.Insert(text.Length, run.Open, run.Count);
                }

                text.Append('1');
                foreach (string link in links)
                {
                    text.Insert(text.Length, link, chainLength);
                }

                foreach (var run in runs.Reverse())
                {
                    text.Insert(text.Length, run.Close, run.Count);
                }

                text.Append('\n').Append(BadBicepRegistry);
                string source = text.ToString();
                var result = Lint.Files(new Dictionary<string, string> { ["/virtual/main.bicep"] = source });

                // The value is level 1, so the innermost '1' is level levels + 1.
                int notes = result.Of("CMK901").Count(f => f.Message.Contains("nests deeper"));
                Assert.True(notes == (levels >= NestingLimit.MaxDepth ? 1 : 0), $"{notes} notes for {levels} levels");
                Assert.Empty(result.Of("CMK900"));
                Assert.Single(result.Of("CMK001"));

                var tree = BicepParser.Parse(new SourceFile("/virtual/main.bicep", source));
                AssertBoundedWork(tree);
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public void Bicep_token_soup_never_throws_and_its_work_and_diagnostics_are_bounded()
    {
        // Fragments repeated in any order: broken, deep and long at once; lines bound the errors, the tokens the work.
        var fragment = Gen.OneOf(
            "(", ")", "[", "]", "{", "}", "'${", "}'", "a", ".b", "[0]", " + ", " ? ", " : ", ",", "\n", "var x = ", "param p ",
            "resource r 'a@1' = ", "=> ", "[for i in ", ": ", "'''", "@d()", "type t = ", "string?", " | ", "...", "!", "::c");
        var gen = Gen.Select(fragment, Gen.Int[1, 2_000], (piece, count) => (Piece: piece, Count: count)).Array[1, 12];
        gen.Sample(
            parts =>
            {
                var text = new StringBuilder();
                foreach (var part in parts)
                {
                    text.Insert(text.Length, part.Piece, part.Count);
                }

                string source = text.ToString();
                var tree = BicepParser.Parse(new SourceFile("/virtual/soup.bicep", source));
                Assert.DoesNotContain(tree.Diagnostics, d => d.Code == "CMKBICEP000");
                Assert.True(tree.Diagnostics.Count(d => d.IsNote) <= 1, "one nesting note per file");
                Assert.True(tree.Diagnostics.Count <= BicepParser.MaxDiagnostics + 1);
                AssertBoundedWork(tree);

                // Lowering walks whatever the parser built, however deep or long.
                BicepFrontEnd.LowerTemplate(new SourceFile("/virtual/soup.bicep", source));
            },
            iter: Iterations * 2,
            threads: 1);
    }

    [Fact]
    public void Json_nesting_gives_one_note_exactly_when_it_passes_the_limit()
    {
        var gen = Gen.Select(Run(JsonLevel).Array[1, 3], Gen.OneOf("1", "\"[concat('a', 'b')]\"", "[]", "{}", "null"));
        gen.Sample(
            (runs, leaf) =>
            {
                int levels = runs.Sum(r => r.Count);
                var value = new StringBuilder();
                foreach (var run in runs)
                {
                    value.Insert(value.Length, run.Open, run.Count);
                }

                value.Append(leaf);
                foreach (var run in runs.Reverse())
                {
                    value.Insert(value.Length, run.Close, run.Count);
                }

                // The root object and "variables" are two levels; an empty leaf ([] or {}) is one more.
                levels += leaf is "[]" or "{}" ? 1 : 0;
                string json = WithVariable(value.ToString());
                var result = Lint.Json(json);
                int notes = result.Of("CMK901").Count;
                Assert.True(notes == (levels > NestingLimit.MaxDepth - 2 ? 1 : 0), $"{notes} notes for {levels} levels");
                Assert.Empty(result.Of("CMK900"));
                Assert.Single(result.Of("CMK001"));
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public void Arm_expression_nesting_is_too_deep_exactly_past_the_limit_and_chains_are_not()
    {
        var gen = Gen.Select(Run(ArmLevel).Array[1, 3], ArmLink.Array[0, 3], Gen.Int[0, 5_000]);
        gen.Sample(
            (runs, links, chainLength) =>
            {
                int levels = runs.Sum(r => r.Count);
                var text = new StringBuilder("[");
                foreach (var run in runs)
                {
                    text.Insert(text.Length, run.Open, run.Count);
                }

                text.Append("parameters('p')");
                foreach (string link in links)
                {
                    text.Insert(text.Length, link, chainLength);
                }

                foreach (var run in runs.Reverse())
                {
                    text.Insert(text.Length, run.Close, run.Count);
                }

                text.Append(']');
                string value = text.ToString();
                var file = new SourceFile("/virtual/main.json", "\"" + value + "\"");
                var expr = ArmExpressionParser.ParseStringValue(new JsonString(file.Span(0, file.Text.Length), value, hasEscapes: false), out var error);

                // The whole expression is level 1: its innermost call parameters('p') is level levels + 1 and that
                // call's argument 'p' one more (every expression counts, leaves included, as in the JSON reader).
                bool tooDeep = levels + 2 > NestingLimit.MaxDepth;
                Assert.Equal(tooDeep, error is not null);
                if (tooDeep)
                {
                    Assert.True(error!.ExceedsNestingLimit);
                    Assert.IsType<Model.UnsupportedExpr>(expr);
                }
            },
            iter: Iterations * 2,
            threads: 1);
    }

    /// <summary>Tokens read (re-reads after error recovery included) grow with the input, never with its square.</summary>
    private static void AssertBoundedWork(BicepSyntaxTree tree)
    {
        int tokens = BicepLexer.Lex(tree.File).Tokens.Count;
        Assert.True(tree.ParserSteps <= (4L * tokens) + 16, $"{tree.ParserSteps} parser steps for {tokens} tokens");
    }

    private static string WithVariable(string value)
    {
        int at = BadArmTemplate.IndexOf("\"resources\":", System.StringComparison.Ordinal);
        return BadArmTemplate.Substring(0, at) + "\"variables\": {\n    \"deep\": " + value + "\n  },\n  " + BadArmTemplate.Substring(at);
    }
}
