using System;
using System.Text;
using System.Text.RegularExpressions;
using CmkLint.Bicep.Modules;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>
/// Whether a missing module is worth a note reads the caller's text for <c>symbol.outputs</c> and for a relevant
/// resource's symbol, searched in place; the answers must be those of the regular expressions they replace.
/// </summary>
public class ModuleRelevanceSearchTests
{
    [Theory]
    [InlineData("name: registry.outputs.name", "registry", true)]
    [InlineData("name: registry[0].outputs.name", "registry", true)]
    [InlineData("name: registry[i + 1].outputs", "registry", true)]
    [InlineData("name: myregistry.outputs.name", "registry", false)]
    [InlineData("name: registry.outputsX", "registry", false)]
    [InlineData("name: registry[0.outputs", "registry", false)]
    [InlineData("name: registry .outputs", "registry", false)]
    [InlineData("x: registry_2.outputs.id", "registry", false)]
    public void Outputs_are_read_where_the_regular_expression_said(string text, string symbol, bool expected)
    {
        var file = new SourceFile("main.bicep", text);
        Assert.Equal(expected, ModuleRelevance.ReadsOutputs(file.Span(0, text.Length), symbol));
        Assert.Equal(expected, Regex.IsMatch(text, @"\b" + Regex.Escape(symbol) + @"(\[[^\]]*\])?\.outputs\b", RegexOptions.CultureInvariant));
    }

    [Fact]
    public void The_search_agrees_with_the_regular_expressions_on_generated_text_and_inner_spans()
    {
        var random = new Random(1234);
        string[] pieces = { "acr", "acr2", "_acr", ".outputs", ".outputsx", "[", "]", "[0]", " ", ".", "x", "é", "\n", "(", "acr.outputs", "acr[", "outputs" };
        for (int n = 0; n < 4000; n++)
        {
            var sb = new StringBuilder();
            int count = random.Next(1, 9);
            for (int i = 0; i < count; i++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            string text = sb.ToString();
            int start = random.Next(0, text.Length);
            int length = random.Next(0, text.Length - start + 1);
            var file = new SourceFile("main.bicep", "@@" + text + "@@");
            var span = file.Span(start + 2, length);
            string inner = text.Substring(start, length);

            bool outputs = Regex.IsMatch(inner, @"\bacr(\[[^\]]*\])?\.outputs\b", RegexOptions.CultureInvariant);
            Assert.True(outputs == ModuleRelevance.ReadsOutputs(span, "acr"), $"outputs of acr in \"{inner}\"");
            bool word = Regex.IsMatch(inner, @"\bacr\b", RegexOptions.CultureInvariant);
            Assert.True(word == ModuleRelevance.NextWord(span, "acr", span.Start) >= 0, $"word acr in \"{inner}\"");
        }
    }

    [Fact]
    public void Text_full_of_unclosed_indexes_is_searched_in_linear_time()
    {
        // 50,000 "acr[" without a ']': each is looked at once, not scanned to the end of the text again.
        string text = string.Concat(System.Linq.Enumerable.Repeat("acr[", 50_000)) + " acr.outputs";
        var file = new SourceFile("main.bicep", text);
        Assert.True(ModuleRelevance.ReadsOutputs(file.Span(0, text.Length), "acr"));
        Assert.False(ModuleRelevance.ReadsOutputs(file.Span(0, text.Length - 12), "acr"));
    }
}
