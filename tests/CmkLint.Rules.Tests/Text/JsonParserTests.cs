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

    /// <summary>A tree written out with every node's kind, span and value, to compare two parses.</summary>
    private static string Dump(JsonNode? node, int shift = 0) => node switch
    {
        JsonObject o => $"{{@{o.Span.Start - shift}+{o.Span.Length} " + string.Join(", ", o.Properties.ConvertAll(p => $"{p.Name}@{p.NameSpan.Start - shift}: {Dump(p.Value, shift)}")) + "}",
        JsonArray a => $"[@{a.Span.Start - shift} " + string.Join(", ", a.Items.ConvertAll(i => Dump(i, shift))) + "]",
        JsonString v => $"\"{v.Value}\"@{v.Span.Start - shift}+{v.Span.Length}{(v.HasEscapes ? "e" : string.Empty)}",
        JsonNumber n => $"{n.Value}@{n.Span.Start - shift}",
        JsonBool b => $"{b.Value}@{b.Span.Start - shift}",
        JsonNull n => $"null@{n.Span.Start - shift}",
        JsonUnreadValue u => $"unread@{u.Span.Start - shift}+{u.Span.Length}",
        _ => "?",
    };

    [Theory]
    [InlineData("{ \"description\": \"a \\\"b\\\" \\u0041\", \"n\": [1, 2.5, true, false, null, {}], \"metadata\": { \"x\": \"y\" } }")]
    [InlineData("{}")]
    [InlineData("{ \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK001\", \"justification\": \"dev\" } ] } }")]
    public void A_metadata_object_read_later_is_the_object_read_at_once(string inner)
    {
        // "metadata" objects are checked when the file is parsed and built when first read: the same tree as under
        // any other name (names, values, spans), nested ones included.
        string deferred = "{ \"metadata\": " + inner + " }";
        string eager = "{ \"metadataX\": " + inner + " }";
        var lazyRoot = Assert.IsType<JsonObject>(Parse(deferred, out var error));
        Assert.Null(error);
        var eagerRoot = Assert.IsType<JsonObject>(Parse(eager, out error));
        Assert.Null(error);

        var metadata = Assert.IsType<JsonObject>(lazyRoot.Find("metadata")!.Value.Value);
        Assert.False(metadata.IsBuilt);
        Assert.True(((JsonObject)eagerRoot.Get("metadataX")!).IsBuilt);
        Assert.Equal(Dump(eagerRoot.Get("metadataX"), 1), Dump(lazyRoot.Get("METADATA")));
        Assert.True(metadata.IsBuilt);
        Assert.Same(lazyRoot.Get("metadata") is JsonObject first ? first.Properties : null, ((JsonObject)lazyRoot.Get("metadata")!).Properties);
    }

    [Theory]
    [InlineData("{ \"metadata\": { \"a\": 1 \"b\": 2 } }", "expected ',' or '}'")]
    [InlineData("{ \"metadata\": { \"a\": tru } }", "unexpected 'tru'")]
    [InlineData("{ \"metadata\": { \"a\": \"x\\q\" } }", "invalid escape")]
    [InlineData("{ \"metadata\": { \"a\": [1, } }", "unexpected character '}'")]
    [InlineData("{ \"metadata\": { \"a\" 1 } }", "expected ':' after property name \"a\"")]
    [InlineData("{ \"metadata\": { \"a\": 1 ", "unexpected end of file")]
    public void An_error_inside_metadata_is_reported_when_the_file_is_parsed_as_it_is_elsewhere(string text, string message)
    {
        Assert.Null(Parse(text, out var error));
        Assert.Null(Parse(text.Replace("metadata", "metadatX"), out var elsewhere));
        Assert.Contains(message, error!.Message);
        Assert.Equal(elsewhere!.Message, error.Message);
        Assert.Equal((elsewhere.Span.Start, elsewhere.Span.Length), (error.Span.Start, error.Span.Length));
    }

    [Fact]
    public void Nesting_too_deep_inside_metadata_is_counted_as_when_read()
    {
        string deep = new string('[', 300) + new string(']', 300);
        string Text(string name) => "{ \"" + name + "\": { \"d\": " + deep + " }, \"e\": " + deep + " }";
        var lazy = JsonParser.Parse(new SourceFile("t.json", Text("metadata")), out var error, out var firstUnread, out int unreadCount);
        var eager = JsonParser.Parse(new SourceFile("t.json", Text("metadatb")), out var eagerError, out var eagerFirst, out int eagerCount);
        Assert.Null(error);
        Assert.Null(eagerError);
        Assert.Equal(eagerCount, unreadCount);
        Assert.Equal(2, unreadCount);
        Assert.Equal(eagerFirst!.Span.Start, firstUnread!.Span.Start);
        Assert.Equal(Dump(((JsonObject)eager!).Get("metadatb")), Dump(((JsonObject)lazy!).Get("metadata")));
    }

    [Fact]
    public void A_metadata_object_read_by_several_threads_gives_one_list()
    {
        var root = Assert.IsType<JsonObject>(Parse("{ \"metadata\": { \"a\": { \"b\": [1, 2, 3] } } }", out _));
        var metadata = (JsonObject)root.Get("metadata")!;
        var lists = new System.Collections.Concurrent.ConcurrentBag<object>();
        System.Threading.Tasks.Parallel.For(0, 16, _ => lists.Add(metadata.Properties));
        Assert.Single(System.Linq.Enumerable.Distinct(lists));
    }

    [Fact]
    public void Metadata_nested_in_metadata_is_built_with_it_so_no_text_is_read_more_than_twice()
    {
        string text = "{ \"metadata\": { \"metadata\": { \"metadata\": { \"a\": 1 } } } }";
        var root = Assert.IsType<JsonObject>(Parse(text, out var error));
        Assert.Null(error);
        var outer = (JsonObject)root.Get("metadata")!;
        Assert.False(outer.IsBuilt);
        var inner = (JsonObject)outer.Get("metadata")!;
        Assert.True(inner.IsBuilt);
        Assert.True(((JsonObject)inner.Get("metadata")!).IsBuilt);
        Assert.Equal(1L, ((JsonNumber)((JsonObject)inner.Get("metadata")!).Get("a")!).Value);
    }
}
