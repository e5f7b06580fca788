using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmkLint.Text;

namespace CmkLint.Arm;

/// <summary>A syntax error in a JSON file, with its exact position.</summary>
public sealed class JsonSyntaxError
{
    public JsonSyntaxError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }

    public SourceSpan Span { get; }
}

/// <summary>
/// A single-pass JSON parser that keeps exact spans, and accepts what Azure accepts in templates:
/// comments and trailing commas. It never throws: the first syntax error stops parsing and is returned.
/// </summary>
public sealed class JsonParser
{
    private const int MaxDepth = 512;

    private readonly SourceFile file;
    private readonly string text;
    private readonly StringBuilder scratch = new();
    private int pos;
    private int depth;
    private JsonSyntaxError? error;

    private JsonParser(SourceFile file)
    {
        this.file = file;
        text = file.Text;
    }

    /// <summary>Parses a whole file; returns the root, or null with an error.</summary>
    public static JsonNode? Parse(SourceFile file, out JsonSyntaxError? error)
    {
        var parser = new JsonParser(file);
        JsonNode? root = null;
        parser.SkipTrivia();
        if (parser.pos < parser.text.Length && parser.text[parser.pos] == '\uFEFF')
        {
            parser.pos++;
            parser.SkipTrivia();
        }

        if (parser.pos >= parser.text.Length)
        {
            parser.Fail("the file is empty; expected a JSON object", parser.pos, 0);
        }
        else
        {
            root = parser.ParseValue();
            if (parser.error is null)
            {
                parser.SkipTrivia();
                if (parser.pos < parser.text.Length)
                {
                    parser.Fail("unexpected text after the end of the JSON value", parser.pos, 1);
                }
            }
        }

        error = parser.error;
        return error is null ? root : null;
    }

    private JsonNode? ParseValue()
    {
        SkipTrivia();
        if (pos >= text.Length)
        {
            return Fail("unexpected end of file; expected a value", pos, 0);
        }

        char c = text[pos];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                return ParseString();
            case 't':
                return ParseWord("true", new JsonBool(file.Span(pos, 4), true));
            case 'f':
                return ParseWord("false", new JsonBool(file.Span(pos, 5), false));
            case 'n':
                return ParseWord("null", new JsonNull(file.Span(pos, 4)));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                if (c == '\'')
                {
                    return Fail("strings in JSON use double quotes, not single quotes", pos, 1);
                }

                return Fail($"unexpected character '{Printable(c)}'; expected a value", pos, 1);
        }
    }

    private JsonNode? ParseObject()
    {
        int start = pos;
        if (++depth > MaxDepth)
        {
            return Fail("the JSON nests too deeply", pos, 1);
        }

        pos++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (pos >= text.Length)
            {
                return Fail("unexpected end of file; expected '}' to close the object", start, 1);
            }

            if (text[pos] == '}')
            {
                pos++;
                break;
            }

            if (text[pos] != '"')
            {
                return Fail($"unexpected character '{Printable(text[pos])}'; expected a property name in double quotes", pos, 1);
            }

            var nameNode = ParseString();
            if (nameNode is not JsonString name)
            {
                return null;
            }

            SkipTrivia();
            if (pos >= text.Length || text[pos] != ':')
            {
                return Fail($"expected ':' after property name \"{name.Value}\"", pos, pos < text.Length ? 1 : 0);
            }

            pos++;
            var value = ParseValue();
            if (value is null)
            {
                return null;
            }

            properties.Add(new JsonProperty(name.Value, name.Span, value));
            SkipTrivia();
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                continue;
            }

            if (pos < text.Length && text[pos] == '}')
            {
                pos++;
                break;
            }

            return Fail(pos >= text.Length ? "unexpected end of file; expected '}' to close the object" : $"unexpected character '{Printable(text[pos])}'; expected ',' or '}}'", pos >= text.Length ? start : pos, 1);
        }

        depth--;
        return new JsonObject(file.Span(start, pos - start), properties);
    }

    private JsonNode? ParseArray()
    {
        int start = pos;
        if (++depth > MaxDepth)
        {
            return Fail("the JSON nests too deeply", pos, 1);
        }

        pos++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (pos >= text.Length)
            {
                return Fail("unexpected end of file; expected ']' to close the array", start, 1);
            }

            if (text[pos] == ']')
            {
                pos++;
                break;
            }

            var item = ParseValue();
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipTrivia();
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                continue;
            }

            if (pos < text.Length && text[pos] == ']')
            {
                pos++;
                break;
            }

            return Fail(pos >= text.Length ? "unexpected end of file; expected ']' to close the array" : $"unexpected character '{Printable(text[pos])}'; expected ',' or ']'", pos >= text.Length ? start : pos, 1);
        }

        depth--;
        return new JsonArray(file.Span(start, pos - start), items);
    }

    private JsonNode? ParseString()
    {
        int start = pos;
        pos++;
        int runStart = pos;
        bool escaped = false;
        scratch.Clear();
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == '"')
            {
                string value;
                if (escaped)
                {
                    scratch.Append(text, runStart, pos - runStart);
                    value = scratch.ToString();
                }
                else
                {
                    value = text.Substring(runStart, pos - runStart);
                }

                pos++;
                return new JsonString(file.Span(start, pos - start), value, escaped);
            }

            if (c == '\\')
            {
                escaped = true;
                scratch.Append(text, runStart, pos - runStart);
                if (pos + 1 >= text.Length)
                {
                    break;
                }

                char e = text[pos + 1];
                switch (e)
                {
                    case '"': scratch.Append('"'); break;
                    case '\\': scratch.Append('\\'); break;
                    case '/': scratch.Append('/'); break;
                    case 'b': scratch.Append('\b'); break;
                    case 'f': scratch.Append('\f'); break;
                    case 'n': scratch.Append('\n'); break;
                    case 'r': scratch.Append('\r'); break;
                    case 't': scratch.Append('\t'); break;
                    case 'u':
                        if (pos + 5 < text.Length && int.TryParse(text.Substring(pos + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            scratch.Append((char)code);
                            pos += 4;
                            break;
                        }

                        return Fail("invalid \\u escape in a string", pos, 2);
                    default:
                        return Fail($"invalid escape '\\{Printable(e)}' in a string", pos, 2);
                }

                pos += 2;
                runStart = pos;
                continue;
            }

            // Azure (like Json.NET) accepts raw line breaks inside strings, so multi-line scripts are valid.
            pos++;
        }

        return Fail("a string is not closed before the end of the file", start, 1);
    }

    private JsonNode? ParseNumber()
    {
        int start = pos;
        if (text[pos] == '-')
        {
            pos++;
        }

        bool isDouble = false;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c >= '0' && c <= '9')
            {
                pos++;
            }
            else if (c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && (text[pos - 1] == 'e' || text[pos - 1] == 'E')))
            {
                isDouble = true;
                pos++;
            }
            else
            {
                break;
            }
        }

        string raw = text.Substring(start, pos - start);
        var span = file.Span(start, pos - start);
        if (!isDouble && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return new JsonNumber(span, l);
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return new JsonNumber(span, d);
        }

        return Fail($"'{raw}' is not a valid number", start, pos - start);
    }

    private JsonNode? ParseWord(string word, JsonNode node)
    {
        if (string.CompareOrdinal(text, pos, word, 0, word.Length) == 0)
        {
            pos += word.Length;
            return node;
        }

        int end = pos;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return Fail($"unexpected '{text.Substring(pos, Math.Max(1, Math.Min(end - pos, 40)))}'; expected a value", pos, Math.Max(1, end - pos));
    }

    private void SkipTrivia()
    {
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF')
            {
                pos++;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    pos++;
                }
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '*')
            {
                int close = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    Fail("a /* comment is not closed", pos, 2);
                    pos = text.Length;
                    return;
                }

                pos = close + 2;
            }
            else
            {
                return;
            }
        }
    }

    private JsonNode? Fail(string message, int at, int length)
    {
        error ??= new JsonSyntaxError(message, file.Span(at, length));
        pos = text.Length;
        return null;
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
}
