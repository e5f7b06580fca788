using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Arm;
using CmkLint.Fuzz;
using CmkLint.Model;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>
/// Replays the committed, minimised fuzz corpus (tests/fuzz/corpus/&lt;target&gt;/, inputs that crashed included)
/// through the same entry the AFL harness uses: any exception fails the test.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (string target in FuzzTargets.Names)
        {
            foreach (string file in Directory.EnumerateFiles(CorpusFolder(target)).OrderBy(f => f, System.StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_corpus_input_runs_without_an_exception(string target, string name)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(CorpusFolder(target), name));
        FuzzTargets.Run(target, input);
    }

    [Fact]
    public void Every_target_has_a_corpus()
    {
        foreach (string target in FuzzTargets.Names)
        {
            Assert.True(Directory.EnumerateFiles(CorpusFolder(target)).Count() >= 2, $"tests/fuzz/corpus/{target} is empty");
        }
    }

    [Theory]
    [InlineData("[2.[parameters('x')]")]
    [InlineData("[variables('a')[0]")]
    [InlineData("[variables('a').b[1]")]
    public void The_closing_bracket_of_an_expression_never_closes_an_index(string value)
    {
        // Found by fuzzing the JSON target: the template's closing ']' was read as an index's, then indexed past the end.
        var file = new SourceFile("/virtual/main.json", "\"" + value + "\"");
        var expr = ArmExpressionParser.ParseStringValue(new JsonString(file.Span(0, file.Text.Length), value, hasEscapes: false), out var error);

        Assert.IsType<UnsupportedExpr>(expr);
        Assert.Contains("expected ']' to close the index", error!.Message);
        Assert.NotEmpty(Directory.EnumerateFiles(CorpusFolder("json"), "crash-*"));
    }

    private static string CorpusFolder(string target) =>
        Path.Combine(Lint.RepositoryRoot(), "tests", "fuzz", "corpus", target);
}
