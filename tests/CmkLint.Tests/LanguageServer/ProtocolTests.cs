using System.IO;
using System.Text;
using CmkLint.Cli.LanguageServer;
using CmkLint.Text;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests.LanguageServer;

/// <summary>The server's framing and position arithmetic, in-process (the stdio tests cover the whole server).</summary>
public sealed class ProtocolTests
{
    [Fact]
    public void After_an_unframed_body_the_reader_finds_the_next_content_length_header()
    {
        var reader = Reader("Content-Type: x\r\n\r\n{\"a\":1}Content-Length: 13\r\n\r\n{\"method\":12}");
        var first = reader.Read();
        Assert.Contains("without Content-Length", first.Error);
        var second = reader.Read();
        Assert.Contains("before a Content-Length", second.Error);
        var third = reader.Read();
        Assert.Null(third.Error);
        Assert.Equal(12, (int)third.Body!["method"]!);
        Assert.True(reader.Read().IsEnd);
    }

    [Fact]
    public void A_header_line_longer_than_the_cap_is_an_error_and_its_body_is_skipped()
    {
        var reader = Reader("Content-Length: 2\r\nX-Long: " + new string('x', 10_000) + "\r\n\r\n{}Content-Length: 2\r\n\r\n[]");
        Assert.Contains("longer than", reader.Read().Error);
        var next = reader.Read();
        Assert.Null(next.Error);
        Assert.IsType<JArray>(next.Body);
    }

    [Fact]
    public void A_body_cut_short_by_the_end_of_the_input_is_an_error_not_a_hang()
    {
        var reader = Reader("Content-Length: 100\r\n\r\n{\"jsonrpc\"");
        Assert.Contains("ended after 10 of 100", reader.Read().Error);
        Assert.True(reader.Read().IsEnd);
    }

    [Fact]
    public void A_body_that_is_not_utf8_or_too_deep_is_an_error()
    {
        var bytes = new MemoryStream();
        bytes.Write(Encoding.ASCII.GetBytes("Content-Length: 3\r\n\r\n"));
        bytes.Write(new byte[] { (byte)'"', 0xC3, (byte)'"' });
        string deep = new string('[', 200) + new string(']', 200);
        bytes.Write(Encoding.ASCII.GetBytes($"Content-Length: {deep.Length}\r\n\r\n{deep}"));
        bytes.Position = 0;
        var reader = new MessageReader(bytes);
        Assert.Contains("not UTF-8", reader.Read().Error);
        Assert.Contains("not JSON", reader.Read().Error);
    }

    [Fact]
    public void Date_like_strings_in_a_document_arrive_unchanged()
    {
        var reader = Reader("Content-Length: 31\r\n\r\n{\"text\":\"2024-01-01T00:00:00Z\"}");
        var body = reader.Read().Body!;
        Assert.Equal(JTokenType.String, body["text"]!.Type);
        Assert.Equal("2024-01-01T00:00:00Z", (string?)body["text"]);
    }

    [Fact]
    public void Incremental_changes_count_utf16_code_units_and_crlf_line_breaks()
    {
        // The key emoji is two UTF-16 code units: 'Standard' starts at character 11 of line 1 (10 code points).
        var document = new OpenDocument("file:///x.bicep", "/x.bicep", "// a\r\n  /* \U0001F511 */ 'Standard'\r\n", 1);
        var change = JArray.Parse("[{\"range\":{\"start\":{\"line\":1,\"character\":11},\"end\":{\"line\":1,\"character\":21}},\"text\":\"'Premium'\"}]");
        Assert.Null(OpenDocuments.Apply(document, change));
        Assert.Equal("// a\r\n  /* \U0001F511 */ 'Premium'\r\n", document.Text);
    }

    [Fact]
    public void A_position_past_the_end_of_a_line_means_its_end_and_a_reversed_range_is_refused()
    {
        Assert.Equal(4, OpenDocuments.Offset("abcd\nef", 0, 99));
        Assert.Equal(7, OpenDocuments.Offset("abcd\nef", 5, 0));
        var document = new OpenDocument("file:///x.bicep", "/x.bicep", "abcd", 1);
        var reversed = JArray.Parse("[{\"range\":{\"start\":{\"line\":0,\"character\":3},\"end\":{\"line\":0,\"character\":1}},\"text\":\"\"}]");
        Assert.NotNull(OpenDocuments.Apply(document, reversed));
        Assert.Equal("abcd", document.Text);
    }

    [Fact]
    public void Diagnostic_ranges_are_zero_based_utf16()
    {
        var file = new SourceFile("x.bicep", "// a\n  /* \U0001F511 */ 'Standard'\n");
        int start = file.Text.IndexOf("'Standard'", System.StringComparison.Ordinal);
        var range = LspDiagnostics.Range(file.Span(start, "'Standard'".Length));
        Assert.Equal(1, (int)range["start"]!["line"]!);
        Assert.Equal(11, (int)range["start"]!["character"]!);
        Assert.Equal(21, (int)range["end"]!["character"]!);
    }

    private static MessageReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
