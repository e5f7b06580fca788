using System;
using System.Text;

namespace CmkLint.Text;

/// <summary>Turns file bytes into text: UTF-8 (with or without BOM), UTF-16 and UTF-32 by BOM; binary and invalid UTF-8 are errors with a position.</summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes the bytes; on failure returns null and says why, with the 1-based line and column where it can.</summary>
    public static string? Decode(byte[] bytes, out string? error, out LinePosition errorAt) => Decode(bytes, bytes.Length, out error, out errorAt);

    /// <summary>Decodes the first <paramref name="length"/> bytes (of a pooled array, say); as <see cref="Decode(byte[], out string?, out LinePosition)"/>.</summary>
    internal static string? Decode(byte[] bytes, int length, out string? error, out LinePosition errorAt)
    {
        error = null;
        errorAt = new LinePosition(1, 1);
        if (length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return new UTF32Encoding(false, true).GetString(bytes, 4, length - 4);
        }

        if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Guard(() => new UnicodeEncoding(false, true, true).GetString(bytes, 2, length - 2), "UTF-16", out error);
        }

        if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Guard(() => new UnicodeEncoding(true, true, true).GetString(bytes, 2, length - 2), "UTF-16", out error);
        }

        int start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        // A vectorised search for a NUL byte; the lines before it are counted only when there is one.
        int nul = Array.IndexOf(bytes, (byte)0, start, length - start);
        if (nul >= 0)
        {
            int line = 1;
            int lineStart = start;
            for (int i = start; i < nul; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            error = "the file is binary (it contains NUL bytes), not a text template";
            errorAt = new LinePosition(line, nul - lineStart + 1);
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, start, length - start);
        }
        catch (DecoderFallbackException e)
        {
            int at = e.Index >= 0 ? e.Index + start : start;
            errorAt = PositionOf(bytes, length, start, at);
            error = "the file is not valid UTF-8 (save it as UTF-8)";
            return null;
        }
    }

    private static string? Guard(Func<string> decode, string encoding, out string? error)
    {
        try
        {
            error = null;
            return decode();
        }
        catch (DecoderFallbackException)
        {
            error = $"the file has a {encoding} byte order mark but is not valid {encoding}";
            return null;
        }
    }

    private static LinePosition PositionOf(byte[] bytes, int length, int start, int offset)
    {
        int line = 1;
        int column = 1;
        for (int i = start; i < offset && i < length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return new LinePosition(line, column);
    }
}
