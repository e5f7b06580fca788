using System.Text;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Text;

public class SourceDecoderTests
{
    [Fact]
    public void Utf8_with_and_without_bom_and_utf16_decode()
    {
        Assert.Equal("{}", SourceDecoder.Decode(Encoding.UTF8.GetBytes("{}"), out _, out _));
        Assert.Equal("{}", SourceDecoder.Decode(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }, out _, out _));
        var utf16 = new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0 };
        Assert.Equal("{}", SourceDecoder.Decode(utf16, out _, out _));
    }

    [Fact]
    public void Binary_file_is_an_error_with_position()
    {
        Assert.Null(SourceDecoder.Decode(new byte[] { (byte)'a', (byte)'\n', (byte)'b', 0 }, out var error, out var at));
        Assert.Contains("binary", error);
        Assert.Equal(new LinePosition(2, 2), at);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_with_position()
    {
        Assert.Null(SourceDecoder.Decode(new byte[] { (byte)'{', (byte)'\n', (byte)'x', 0xC3, 0x28 }, out var error, out var at));
        Assert.Contains("UTF-8", error);
        Assert.Equal(2, at.Line);
    }
}
