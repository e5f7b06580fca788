using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Text;

public class JsonParserTests
{
    private static JsonNode? Parse(string text, out JsonSyntaxError? error) => JsonParser.Parse(new SourceFile("t.json", text), out error);

    [Fact]
    public void Values_keep_exact_spans()
    {
        var root = Assert.IsType<JsonObject>(Parse("{\n  \"sku\": { \"name\": \"Standard\" }\n}", out var error));
        Assert.Null(error);
        var name = Assert.IsType<JsonString>(((JsonObject)root.Get("sku")!).Get("name"));
        Assert.Equal(new LinePosition(2, 20), name.Span.StartPosition);
        Assert.Equal("\"Standard\"", name.Span.Text);
    }

    [Fact]
    public void Comments_trailing_commas_and_line_breaks_in_strings_are_accepted()
    {
        var root = Parse("// header\n{ /* c */ \"a\": [1, 2,], \"s\": \"two\nlines\", }", out var error);
        Assert.Null(error);
        Assert.Equal("two\nlines", Assert.IsType<JsonObject>(root).GetString("s"));
    }

    [Theory]
    [InlineData("{ \"a\": 'x' }", 1, 8, "double quotes")]
    [InlineData("{ \"a\": 1\n  \"b\": 2 }", 2, 3, "expected ',' or '}'")]
    [InlineData("{ \"a\": [1, 2 }", 1, 14, "expected ',' or ']'")]
    [InlineData("{ \"a\": \"open }", 1, 8, "not closed")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("{ \"a\": tru }", 1, 8, "unexpected 'tru'")]
    public void Syntax_errors_have_exact_positions(string text, int line, int column, string message)
    {
        Assert.Null(Parse(text, out var error));
        Assert.NotNull(error);
        Assert.Equal(new LinePosition(line, column), error!.Span.StartPosition);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Deep_nesting_is_left_unread_past_the_limit_not_a_stack_overflow()
    {
        string text = "{ \"deep\": " + new string('[', 100_000) + new string(']', 100_000) + ", \"after\": 1 }";
        var root = Assert.IsType<JsonObject>(Parse(text, out var error));
        Assert.Null(error);
        Assert.Equal(1L, Assert.IsType<JsonNumber>(root.Get("after")).Value);

        // The limit counts the root object: 255 arrays are read, the 256th is kept unread, whole.
        JsonNode node = root.Get("deep")!;
        for (int level = 1; level < NestingLimit.MaxDepth; level++)
        {
            node = Assert.Single(Assert.IsType<JsonArray>(node).Items);
        }

        var unread = Assert.IsType<JsonUnreadValue>(node);
        Assert.Equal(2 * (100_000 - NestingLimit.MaxDepth + 1), unread.Span.Length);
    }

    [Theory]
    [InlineData("{", 1000, "unexpected character ']'; expected ',' or '}'")]
    [InlineData("", 999, "unexpected end of file; expected ']' to close the array")]
    [InlineData("\"]", 1000, "a string is not closed")]
    public void A_deep_value_with_broken_brackets_is_still_a_syntax_error(string inside, int closers, string message)
    {
        string text = "{ \"deep\": " + new string('[', 1000) + inside + new string(']', closers);
        Assert.Null(Parse(text, out var error));
        Assert.Contains(message, error!.Message);
    }

    [Fact]
    public void Escapes_are_decoded()
    {
        var root = Assert.IsType<JsonObject>(Parse("{ \"a\": \"x\\\"y\\u0041\" }", out _));
        Assert.Equal("x\"yA", root.GetString("a"));
    }
}
