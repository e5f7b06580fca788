using System.Text;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Turns string tokens into their values (escapes decoded); null when the token is malformed after a lexical error.</summary>
internal static class StringDecoder
{
    public static bool TryParseCodePoint(string text, int start, int length, out int codePoint)
    {
        codePoint = 0;
        if (length == 0)
        {
            return false;
        }

        for (int i = start; i < start + length; i++)
        {
            char c = text[i];
            int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            codePoint = (codePoint * 16) + digit;
            if (codePoint > 0x10FFFF)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of one piece of a single-quoted string: a whole string, or the text before, between or after holes.</summary>
    public static string? TryGetSegmentValue(string text, Token token)
    {
        int openLength;
        int closeLength;
        char open;
        char close;
        switch (token.Type)
        {
            case TokenType.StringComplete:
                (open, openLength, close, closeLength) = ('\'', 1, '\'', 1);
                break;
            case TokenType.StringLeftPiece:
                (open, openLength, close, closeLength) = ('\'', 1, '{', 2);
                break;
            case TokenType.StringMiddlePiece:
                (open, openLength, close, closeLength) = ('}', 1, '{', 2);
                break;
            case TokenType.StringRightPiece:
                (open, openLength, close, closeLength) = ('}', 1, '\'', 1);
                break;
            default:
                return null;
        }

        if (token.Length < openLength + closeLength || text[token.Start] != open || text[token.End - 1] != close)
        {
            return null;
        }

        if (closeLength == 2 && text[token.End - 2] != '$')
        {
            return null;
        }

        int start = token.Start + openLength;
        int end = token.End - closeLength;

        // Only a string with escapes needs a builder; most strings are copied straight out of the text.
        if (text.IndexOf('\\', start, end - start) < 0)
        {
            return text.IndexOf('\'', start, end - start) >= 0 ? null : RecentStrings.OfThread.Slice(text, start, end - start);
        }

        var builder = new StringBuilder(end - start);
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c == '\'')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            i++;
            if (i >= end)
            {
                return null;
            }

            switch (text[i])
            {
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case '\\':
                    builder.Append('\\');
                    break;
                case '\'':
                    builder.Append('\'');
                    break;
                case '$':
                    builder.Append('$');
                    break;
                case 'u':
                    int close2 = i + 1 < end && text[i + 1] == '{' ? text.IndexOf('}', i + 2, end - (i + 2)) : -1;
                    if (close2 < 0 || !TryParseCodePoint(text, i + 2, close2 - (i + 2), out int codePoint) || !AllHex(text, i + 2, close2))
                    {
                        return null;
                    }

                    AppendCodePoint(builder, codePoint);
                    i = close2;
                    break;
                default:
                    return null;
            }
        }

        return builder.ToString();
    }

    /// <summary>The value of a <c>'''</c> or <c>$'''</c> string without holes: verbatim, without one leading line break.</summary>
    public static string? TryGetMultilineValue(string text, Token token)
    {
        int start = token.Start;
        while (start < token.End && text[start] == '$')
        {
            start++;
        }

        if (token.End - start < 6 || !IsQuotes(text, start) || !IsQuotes(text, token.End - 3))
        {
            return null;
        }

        return Verbatim(text, start + 3, token.End - 3, stripLeadingLineBreak: true);
    }

    /// <summary>
    /// The value of one piece of a <c>$'''</c> string with holes, where <paramref name="dollars"/> is the number of
    /// dollars that open a hole (the opening piece starts with as many).
    /// </summary>
    public static string? TryGetMultilineSegmentValue(string text, Token token, int dollars)
    {
        bool opensHole = token.Type == TokenType.MultilineStringLeftPiece || token.Type == TokenType.MultilineStringMiddlePiece;
        bool first = token.Type == TokenType.MultilineStringLeftPiece;
        int start = first ? token.Start + dollars + 3 : token.Start + 1;
        int end = opensHole ? token.End - dollars - 1 : token.End - 3;
        if (end < start)
        {
            return null;
        }

        if (first ? !IsQuotes(text, start - 3) : text[token.Start] != '}')
        {
            return null;
        }

        if (opensHole ? text[token.End - 1] != '{' : !IsQuotes(text, end))
        {
            return null;
        }

        return Verbatim(text, start, end, stripLeadingLineBreak: first);
    }

    private static bool IsQuotes(string text, int start) => text[start] == '\'' && text[start + 1] == '\'' && text[start + 2] == '\'';

    private static string Verbatim(string text, int start, int end, bool stripLeadingLineBreak)
    {
        if (stripLeadingLineBreak && start < end && text[start] == '\r')
        {
            start++;
        }

        if (stripLeadingLineBreak && start < end && text[start] == '\n')
        {
            start++;
        }

        return text.Substring(start, end - start);
    }

    private static bool AllHex(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!BicepLexer.IsHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
            return;
        }

        codePoint -= 0x10000;
        builder.Append((char)((codePoint / 0x400) + 0xD800));
        builder.Append((char)((codePoint % 0x400) + 0xDC00));
    }
}
