using System;
using System.IO;
using System.Linq;
using System.Text;
using CmkLint.Arm;
using CmkLint.Bicep.Syntax;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Text;

/// <summary>
/// The front ends reuse per-thread state from file to file (the read buffer, the token list, the ARM expression
/// parser, the recent-strings table) instead of allocating it per file: nothing of one file may show in the next.
/// </summary>
public sealed class ReusedBufferTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "cmklint-reuse-" + Guid.NewGuid().ToString("N"));

    public ReusedBufferTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_lent_read_buffer_is_reused_and_only_the_files_own_bytes_are_its_content()
    {
        string large = Path.Combine(root, "large.json");
        string small = Path.Combine(root, "small.json");
        File.WriteAllText(large, "{ \"a\": \"" + new string('x', 100_000) + "\" }");
        File.WriteAllText(small, "{}");
        var fileSystem = new ConfinedFileSystem(root);

        byte[] first;
        using (var lent = LentBytes.Read(fileSystem, large, out var error))
        {
            Assert.Null(error);
            Assert.Equal(100_011, lent!.Value.Length);
            first = lent.Value.Array;
        }

        using (var lent = LentBytes.Read(fileSystem, small, out var error))
        {
            Assert.Null(error);
            Assert.Same(first, lent!.Value.Array);
            Assert.Equal(2, lent.Value.Length);
            Assert.Equal("{}", SourceDecoder.Decode(lent.Value.Array, lent.Value.Length, out _, out _));
        }
    }

    [Fact]
    public void A_buffer_still_lent_is_not_lent_again()
    {
        string path = Path.Combine(root, "a.json");
        File.WriteAllText(path, "{}");
        var fileSystem = new ConfinedFileSystem(root);

        using var outer = LentBytes.Read(fileSystem, path, out _);
        using var inner = LentBytes.Read(fileSystem, path, out _);
        Assert.NotSame(outer!.Value.Array, inner!.Value.Array);
    }

    [Fact]
    public void A_short_file_read_after_a_long_one_is_linted_as_itself()
    {
        // The long template is a valid ARM template; the short one is broken JSON: a stale tail would hide its error.
        string template = Path.Combine(root, "long.json");
        string broken = Path.Combine(root, "short.json");
        File.WriteAllText(template, Templates.ArmTemplate(Templates.Registry(Templates.Encryption())) + new string(' ', 50_000));
        File.WriteAllText(broken, "{ \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",");
        var options = new Engine.LintOptions { Parallel = false, FileSystem = new ConfinedFileSystem(root) };

        var result = new Engine.LintEngine(options).Analyze(new[] { template, broken });

        var invalid = Assert.Single(result.Findings, f => f.RuleId == "CMK900");
        Assert.EndsWith("short.json", invalid.Path, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(1, 1), invalid.Span.StartPosition);
        Assert.Contains("unexpected end of file", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoding_a_prefix_ignores_the_bytes_after_it()
    {
        var bytes = Encoding.UTF8.GetBytes("{}\0\0\xff");

        Assert.Equal("{}", SourceDecoder.Decode(bytes, 2, out var error, out _));
        Assert.Null(error);
        Assert.Null(SourceDecoder.Decode(bytes, 3, out error, out var at));
        Assert.Contains("binary", error, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(1, 3), at);
    }

    [Fact]
    public void The_reused_expression_parser_starts_each_expression_afresh()
    {
        var file = new SourceFile("t.json", "\"[concat('a', ]\"");
        var broken = ArmExpressionParser.ParseStringValue(new JsonString(file.Span(0, file.Text.Length), "[concat('a', ]", hasEscapes: false), out var error);
        Assert.IsType<UnsupportedExpr>(broken);
        Assert.NotNull(error);

        string deep = "[" + string.Concat(Enumerable.Repeat("concat(", 400)) + "'x'" + new string(')', 400) + "]";
        var deepFile = new SourceFile("d.json", "\"" + deep + "\"");
        ArmExpressionParser.ParseStringValue(new JsonString(deepFile.Span(0, deepFile.Text.Length), deep, hasEscapes: false), out var deepError);
        Assert.True(deepError!.ExceedsNestingLimit);

        var next = new SourceFile("u.json", "\"[parameters('sku')]\"");
        var parsed = ArmExpressionParser.ParseStringValue(new JsonString(next.Span(0, next.Text.Length), "[parameters('sku')]", hasEscapes: false), out error);
        Assert.Null(error);
        var call = Assert.IsType<CallExpr>(parsed);
        Assert.Equal("parameters", call.Name);
        Assert.Equal("sku", Assert.IsType<LiteralExpr>(Assert.Single(call.Arguments)).Value);
        Assert.Same(next, call.Span.File);
        Assert.Equal("parameters('sku')", call.Span.Text);
    }

    [Fact]
    public void The_expression_ends_before_the_closing_bracket_of_the_string()
    {
        // "[x[0]" without its own closing ']' must not read the string's ']' as the end of the index.
        var file = new SourceFile("t.json", "\"[variables('x')[0]\"");
        ArmExpressionParser.ParseStringValue(new JsonString(file.Span(0, file.Text.Length), "[variables('x')[0]", hasEscapes: false), out var error);
        Assert.NotNull(error);
        Assert.Contains("expected ']' to close the index", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recent_strings_give_the_same_instance_for_the_same_text_and_the_right_text_on_a_collision()
    {
        var recent = new RecentStrings();
        string text = "type name type";
        string first = recent.Slice(text, 0, 4);
        Assert.Equal("type", first);
        Assert.Same(first, recent.Slice(text, 10, 4));

        // Whatever shares a slot, the content is always the run's own.
        for (int i = 0; i < 5000; i++)
        {
            string word = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(word, recent.Slice(" " + word + " ", 1, word.Length));
        }

        Assert.Equal(new string('z', 200), recent.Slice(new string('z', 200), 0, 200));
    }

    [Fact]
    public void A_small_file_lexed_after_a_large_one_has_only_its_own_tokens()
    {
        var large = BicepLexer.Lex(new SourceFile("large.bicep", string.Concat(Enumerable.Repeat("param p string\n", 5000))));
        var small = BicepLexer.Lex(new SourceFile("small.bicep", "var x = 1\n"));

        Assert.Equal(20_001, large.Tokens.Count);
        Assert.Equal(new[] { TokenType.Identifier, TokenType.Identifier, TokenType.Assignment, TokenType.Integer, TokenType.NewLine, TokenType.EndOfFile }, small.Tokens.Select(t => t.Type));
    }

    [Fact]
    public void A_property_name_is_decoded_and_spanned_without_a_node_of_its_own()
    {
        var root = Assert.IsType<JsonObject>(JsonParser.Parse(new SourceFile("t.json", "{ \"a\\u0062\": 1 }"), out var error));
        Assert.Null(error);
        var property = Assert.Single(root.Properties);
        Assert.Equal("ab", property.Name);
        Assert.Equal("\"a\\u0062\"", property.NameSpan.Text);

        Assert.Null(JsonParser.Parse(new SourceFile("t.json", "{ \"sku\" 1 }"), out error));
        Assert.Equal("expected ':' after property name \"sku\"", error!.Message);
        Assert.Null(JsonParser.Parse(new SourceFile("t.json", "{ \"a\\q\": 1 }"), out error));
        Assert.Contains("invalid escape", error!.Message, StringComparison.Ordinal);
    }
}
