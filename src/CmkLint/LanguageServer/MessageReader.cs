using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary>What one read from the client gave: a parsed message, a malformed one (with the reason), or the end of the input.</summary>
internal readonly struct IncomingMessage
{
    private IncomingMessage(JToken? body, string? error, bool end)
    {
        Body = body;
        Error = error;
        IsEnd = end;
    }

    public JToken? Body { get; }

    /// <summary>Why the message could not be read (a bad header, a bad length, bad JSON); the reader has resynchronised.</summary>
    public string? Error { get; }

    public bool IsEnd { get; }

    public static IncomingMessage Parsed(JToken body) => new(body, null, false);

    public static IncomingMessage Malformed(string error) => new(null, error, false);

    public static IncomingMessage End => new(null, null, true);
}

/// <summary>
/// Reads LSP base-protocol messages (<c>Content-Length</c> headers, a blank line, a UTF-8 JSON body) from a stream.
/// Hostile input is bounded: header lines and bodies have caps, an oversized body is skipped without being held
/// in memory, and after garbage the reader looks for the next <c>Content-Length</c> header.
/// </summary>
internal sealed class MessageReader
{
    /// <summary>The largest body read: the engine's own file cap is 64 MB, and a document arrives as a JSON string inside a message.</summary>
    public const int DefaultMaxContentLength = 80 * 1024 * 1024;

    private const int MaxHeaderLine = 4096;
    private const int MaxHeaderLines = 32;
    private const int MaxJsonDepth = 128;
    private const string ContentLengthHeader = "Content-Length:";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream input;
    private readonly int maxContentLength;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int bufferStart;
    private int bufferEnd;

    /// <summary>A header line that began after garbage on the same line, kept to be read as the next header.</summary>
    private string? carriedHeader;

    public MessageReader(Stream input, int maxContentLength = DefaultMaxContentLength)
    {
        this.input = input;
        this.maxContentLength = maxContentLength;
    }

    /// <summary>Reads the next message; blocks until one arrives or the input ends. Never throws on bad input.</summary>
    public IncomingMessage Read()
    {
        long? length = null;
        string? headerError = null;
        int lines = 0;
        bool sawHeader = false;
        while (true)
        {
            string? line;
            bool tooLong = false;
            if (carriedHeader is not null)
            {
                line = carriedHeader;
                carriedHeader = null;
            }
            else
            {
                line = ReadLine(out tooLong);
            }

            if (line is null)
            {
                return sawHeader ? IncomingMessage.Malformed("the input ended inside a message header") : IncomingMessage.End;
            }

            if (line.Length == 0)
            {
                if (!sawHeader)
                {
                    continue;
                }

                break;
            }

            sawHeader = true;
            if (++lines > MaxHeaderLines)
            {
                headerError ??= $"more than {MaxHeaderLines} header lines";
                continue;
            }

            int at = line.IndexOf(ContentLengthHeader, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                // Garbage (or an unframed body) ran into the next header: report it, then read that header afresh.
                carriedHeader = line.Substring(at);
                return IncomingMessage.Malformed("unexpected text before a Content-Length header");
            }

            if (tooLong)
            {
                headerError ??= $"a header line longer than {MaxHeaderLine} bytes";
                continue;
            }

            if (at == 0)
            {
                string value = line.Substring(ContentLengthHeader.Length).Trim();
                if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long parsed))
                {
                    length = parsed;
                }
                else
                {
                    headerError ??= $"Content-Length is not a non-negative number: '{Shorten(value)}'";
                }
            }
            else if (line.IndexOf(':') < 0)
            {
                headerError ??= $"not a header line: '{Shorten(line)}'";
            }
        }

        if (headerError is not null)
        {
            // A header we cannot trust: skip a body only when its length was readable.
            if (length is long skip)
            {
                Skip(skip);
            }

            return IncomingMessage.Malformed(headerError);
        }

        if (length is not long contentLength)
        {
            return IncomingMessage.Malformed("a message header without Content-Length");
        }

        if (contentLength > maxContentLength)
        {
            Skip(contentLength);
            return IncomingMessage.Malformed($"Content-Length {contentLength} is larger than the {maxContentLength} bytes the server reads; the message was skipped");
        }

        var body = new byte[contentLength];
        int read = ReadExactly(body);
        if (read < body.Length)
        {
            return IncomingMessage.Malformed($"the input ended after {read} of {contentLength} body bytes");
        }

        return Parse(body);
    }

    private static IncomingMessage Parse(byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return IncomingMessage.Malformed("the message body is not UTF-8");
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                // Document text must arrive as written: no date or number guessing.
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = MaxJsonDepth,
            };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return IncomingMessage.Malformed("text after the JSON value in the message body");
            }

            return IncomingMessage.Parsed(token);
        }
        catch (JsonException e)
        {
            return IncomingMessage.Malformed("the message body is not JSON: " + e.Message);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";

    /// <summary>One header line (ASCII, CR LF or LF); at most <see cref="MaxHeaderLine"/> bytes are kept, the rest skipped.</summary>
    private string? ReadLine(out bool tooLong)
    {
        tooLong = false;
        var line = new StringBuilder();
        while (true)
        {
            if (bufferStart == bufferEnd && !Fill())
            {
                return line.Length > 0 || tooLong ? line.ToString() : null;
            }

            byte b = buffer[bufferStart++];
            if (b == (byte)'\n')
            {
                if (line.Length > 0 && line[line.Length - 1] == '\r')
                {
                    line.Length--;
                }

                return line.ToString();
            }

            if (line.Length < MaxHeaderLine)
            {
                line.Append((char)b);
            }
            else
            {
                tooLong = true;
            }
        }
    }

    private void Skip(long count)
    {
        while (count > 0)
        {
            if (bufferStart == bufferEnd && !Fill())
            {
                return;
            }

            int n = (int)Math.Min(count, bufferEnd - bufferStart);
            bufferStart += n;
            count -= n;
        }
    }

    private int ReadExactly(byte[] target)
    {
        int done = 0;
        while (done < target.Length)
        {
            if (bufferStart == bufferEnd && !Fill())
            {
                break;
            }

            int n = Math.Min(target.Length - done, bufferEnd - bufferStart);
            Buffer.BlockCopy(buffer, bufferStart, target, done, n);
            bufferStart += n;
            done += n;
        }

        return done;
    }

    private bool Fill()
    {
        bufferStart = 0;
        bufferEnd = 0;
        int n;
        try
        {
            n = input.Read(buffer, 0, buffer.Length);
        }
        catch (IOException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        bufferEnd = n;
        return n > 0;
    }
}
