using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CmkLint.Text;

/// <summary>A syntax error in a JSON file, with its exact position.</summary>
public sealed class JsonSyntaxError
{
    public JsonSyntaxError(string message, SourceSpan span, bool exceedsNestingLimit = false)
    {
        Message = message;
        Span = span;
        ExceedsNestingLimit = exceedsNestingLimit;
    }

    public string Message { get; }

    /// <summary>Not a syntax error: the text nests deeper than <see cref="NestingLimit.MaxDepth"/> and was not read (CMK901, not CMK900).</summary>
    public bool ExceedsNestingLimit { get; }

    public SourceSpan Span { get; }
}

/// <summary>
/// A single-pass JSON parser that keeps exact spans, and accepts what Azure accepts in templates:
/// comments and trailing commas. It never throws: the first syntax error stops parsing and is returned.
/// A value nested deeper than <see cref="NestingLimit.MaxDepth"/> is scanned without recursion (its brackets
/// still checked) and kept as a <see cref="JsonUnreadValue"/>, so the rest of the file is still read.
/// </summary>
public sealed class JsonParser
{
    private static readonly char[] QuoteOrBackslash = { '"', '\\' };

    /// <summary>What a value only checked (not built) returns; never part of a tree.</summary>
    private static readonly JsonNode Checked = new JsonNull(default);

    private readonly SourceFile file;
    private readonly string text;
    private readonly StringBuilder scratch = new();

    private readonly RecentStrings recent = RecentStrings.OfThread;

    /// <summary>
    /// The members and items of the objects and arrays being read, innermost last: each takes its own off the top
    /// into a list of exactly their number (lists grown as they filled left as much garbage as they kept).
    /// </summary>
    private readonly List<JsonProperty> propertyStack = new();
    private readonly List<JsonNode> itemStack = new();

    /// <summary>
    /// False while a member read later, if ever, is only checked (see <see cref="IsDeferred"/>): the same grammar and
    /// errors, but no node is built.
    /// </summary>
    private bool building = true;

    /// <summary>
    /// False when a deferred object is built: what it holds is built with it, so that no text is checked more than
    /// twice however deeply <c>metadata</c> objects nest (once when the file is parsed, once when it is read).
    /// </summary>
    private bool deferring = true;
    private int pos;
    private int depth;
    private JsonSyntaxError? error;
    private JsonUnreadValue? firstUnread;
    private int unreadCount;

    private JsonParser(SourceFile file)
    {
        this.file = file;
        text = file.Text;
    }

    /// <summary>Parses a whole file; returns the root, or null with an error.</summary>
    public static JsonNode? Parse(SourceFile file, out JsonSyntaxError? error) => Parse(file, out error, out _, out _);

    /// <summary>
    /// Parses a whole file; returns the root, or null with an error. <paramref name="firstUnread"/> is the first
    /// value nested too deeply to read (null if none) and <paramref name="unreadCount"/> how many there are.
    /// </summary>
    public static JsonNode? Parse(SourceFile file, out JsonSyntaxError? error, out JsonUnreadValue? firstUnread, out int unreadCount)
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
        firstUnread = error is null ? parser.firstUnread : null;
        unreadCount = error is null ? parser.unreadCount : 0;
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
                return ParseWord("true") ? (building ? new JsonBool(file.Span(pos - 4, 4), true) : Checked) : null;
            case 'f':
                return ParseWord("false") ? (building ? new JsonBool(file.Span(pos - 5, 5), false) : Checked) : null;
            case 'n':
                return ParseWord("null") ? (building ? new JsonNull(file.Span(pos - 4, 4)) : Checked) : null;
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
        if (depth >= NestingLimit.MaxDepth)
        {
            return SkipTooDeep();
        }

        depth++;

        pos++;
        int firstProperty = propertyStack.Count;
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

            // The name is read without a string node of its own: it is kept in the property.
            int nameStart = pos;
            if (!ReadString(out string? name, out _))
            {
                return null;
            }

            var nameSpan = file.Span(nameStart, pos - nameStart);
            SkipTrivia();
            if (pos >= text.Length || text[pos] != ':')
            {
                return Fail($"expected ':' after property name \"{name}\"", pos, pos < text.Length ? 1 : 0);
            }

            pos++;
            var value = building && deferring && IsDeferred(name!) ? ParseDeferred() : ParseValue();
            if (value is null)
            {
                return null;
            }

            if (building)
            {
                propertyStack.Add(new JsonProperty(name!, nameSpan, value));
            }
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
        return building ? new JsonObject(file.Span(start, pos - start), Take(propertyStack, firstProperty)) : Checked;
    }

    private JsonNode? ParseArray()
    {
        int start = pos;
        if (depth >= NestingLimit.MaxDepth)
        {
            return SkipTooDeep();
        }

        depth++;

        pos++;
        int firstItem = itemStack.Count;
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

            if (building)
            {
                itemStack.Add(item);
            }

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
        return building ? new JsonArray(file.Span(start, pos - start), Take(itemStack, firstItem)) : Checked;
    }

    /// <summary>
    /// Scans the object or array at <see cref="pos"/> without building it, with an explicit stack of the open
    /// brackets, so that even 100,000 levels cost no call stack; a mismatched or missing bracket is the same
    /// syntax error it would be when read.
    /// </summary>
    private JsonNode? SkipTooDeep()
    {
        int start = pos;
        var open = new Stack<int>();
        while (true)
        {
            SkipTrivia();
            if (error is not null)
            {
                return null;
            }

            if (pos >= text.Length)
            {
                int unclosed = open.Count > 0 ? open.Peek() : start;
                return Fail(text[unclosed] == '{' ? "unexpected end of file; expected '}' to close the object" : "unexpected end of file; expected ']' to close the array", unclosed, 1);
            }

            char c = text[pos];
            if (c == '{' || c == '[')
            {
                open.Push(pos);
                pos++;
            }
            else if (c == '}' || c == ']')
            {
                char expected = text[open.Peek()] == '{' ? '}' : ']';
                if (c != expected)
                {
                    return Fail($"unexpected character '{c}'; expected ',' or '{expected}'", pos, 1);
                }

                open.Pop();
                pos++;
                if (open.Count == 0)
                {
                    var unread = new JsonUnreadValue(file.Span(start, pos - start));
                    firstUnread ??= unread;
                    unreadCount++;
                    return unread;
                }
            }
            else if (c == '"')
            {
                if (!ReadString(out _, out _))
                {
                    return null;
                }
            }
            else
            {
                pos++;
            }
        }
    }

    private JsonNode? ParseString()
    {
        int start = pos;
        if (!building)
        {
            return ReadString(out _, out _, keep: false) ? Checked : null;
        }

        return ReadString(out string? value, out bool escaped) ? new JsonString(file.Span(start, pos - start), value!, escaped) : null;
    }

    /// <summary>
    /// Members whose objects CmkLint reads rarely or never, yet are a fifth of a compiled template's text (the
    /// descriptions of every parameter and output): <c>metadata</c>. Their objects are checked now and built only
    /// when something reads them (<see cref="JsonObject.Properties"/>).
    /// </summary>
    private static bool IsDeferred(string name) => name.Length == 8 && string.Equals(name, "metadata", StringComparison.OrdinalIgnoreCase);

    /// <summary>A value whose object is checked now and built when read; any other value is read as usual.</summary>
    private JsonNode? ParseDeferred()
    {
        SkipTrivia();
        if (pos >= text.Length || text[pos] != '{')
        {
            return ParseValue();
        }

        int start = pos;
        int at = depth;
        building = false;
        var value = ParseValue();
        building = true;

        // Checked: the object is sound (too deep, it is an unread value, as it would be when read now).
        return ReferenceEquals(value, Checked) ? new JsonObject(file.Span(start, pos - start), at) : value;
    }

    /// <summary>The members of a deferred object: the object at <paramref name="start"/>, read at the depth it was checked at.</summary>
    internal static List<JsonProperty> MembersAt(SourceFile file, int start, int depth)
    {
        var parser = new JsonParser(file) { pos = start, depth = depth, deferring = false };
        return (parser.ParseObject() as JsonObject)?.Properties ?? new List<JsonProperty>();
    }

    /// <summary>Reads the string at <see cref="pos"/> (its opening quote) to just after its closing quote; false on a syntax error.</summary>
    private bool ReadString(out string? value, out bool escaped) => ReadString(out value, out escaped, keep: true);

    /// <summary>As <see cref="ReadString(out string?, out bool)"/>; without <paramref name="keep"/>, the value is checked, not made.</summary>
    private bool ReadString(out string? value, out bool escaped, bool keep)
    {
        int start = pos;
        value = null;
        pos++;
        int runStart = pos;
        escaped = false;
        scratch.Clear();
        while (pos < text.Length)
        {
            // Jump to the next quote or backslash (a vectorised search): expressions and scripts make long strings.
            int next = text.IndexOfAny(QuoteOrBackslash, pos);
            if (next < 0)
            {
                break;
            }

            pos = next;
            char c = text[pos];
            if (c == '"')
            {
                if (!keep)
                {
                    value = null;
                }
                else if (escaped)
                {
                    scratch.Append(text, runStart, pos - runStart);
                    value = scratch.ToString();
                }
                else
                {
                    value = Slice(runStart, pos - runStart);
                }

                pos++;
                return true;
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

                        return FailString("invalid \\u escape in a string", pos, 2);
                    default:
                        return FailString($"invalid escape '\\{Printable(e)}' in a string", pos, 2);
                }

                pos += 2;
                runStart = pos;
                continue;
            }

        }

        // Azure (like Json.NET) accepts raw line breaks inside strings, so multi-line scripts are valid.
        return FailString("a string is not closed before the end of the file", start, 1);
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

        var span = file.Span(start, pos - start);
        int digitsStart = text[start] == '-' ? start + 1 : start;
        if (!isDouble && pos > digitsStart && pos - digitsStart <= 18)
        {
            // Integers (most numbers in templates) without a substring: 18 digits cannot overflow a long.
            long n = 0;
            for (int i = digitsStart; i < pos; i++)
            {
                n = (n * 10) + (text[i] - '0');
            }

            return new JsonNumber(span, digitsStart > start ? -n : n);
        }

        string raw = text.Substring(start, pos - start);
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

    /// <summary>Consumes the keyword (true) or fails (false) without allocating the node first.</summary>
    private bool ParseWord(string word)
    {
        if (string.CompareOrdinal(text, pos, word, 0, word.Length) == 0)
        {
            pos += word.Length;
            return true;
        }

        int end = pos;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        Fail($"unexpected '{text.Substring(pos, Math.Max(1, Math.Min(end - pos, 40)))}'; expected a value", pos, Math.Max(1, end - pos));
        return false;
    }

    /// <summary>The text of a run without escapes, from the thread's recent strings when short.</summary>
    private string Slice(int start, int length) => recent.Slice(text, start, length);

    private static List<T> Take<T>(List<T> stack, int first)
    {
        int count = stack.Count - first;
        var taken = new List<T>(count);
        for (int i = first; i < stack.Count; i++)
        {
            taken.Add(stack[i]);
        }

        stack.RemoveRange(first, count);
        return taken;
    }

    private void SkipTrivia()
    {
        // Locals, not the fields: the loop over indentation is the parser's hottest, and a field is stored back at every step.
        string t = text;
        int p = pos;
        while (p < t.Length)
        {
            char c = t[p];
            if (c == ' ')
            {
                // Indentation: runs of spaces are most of the whitespace of a formatted template.
                p++;
                while (p < t.Length && t[p] == ' ')
                {
                    p++;
                }
            }
            else if (c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF')
            {
                p++;
            }
            else if (c == '/' && p + 1 < t.Length && t[p + 1] == '/')
            {
                while (p < t.Length && t[p] != '\n')
                {
                    p++;
                }
            }
            else if (c == '/' && p + 1 < t.Length && t[p + 1] == '*')
            {
                int close = t.IndexOf("*/", p + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    pos = p;
                    Fail("a /* comment is not closed", p, 2);
                    pos = t.Length;
                    return;
                }

                p = close + 2;
            }
            else
            {
                break;
            }
        }

        pos = p;
    }

    private JsonNode? Fail(string message, int at, int length)
    {
        error ??= new JsonSyntaxError(message, file.Span(at, length));
        pos = text.Length;
        return null;
    }

    private bool FailString(string message, int at, int length)
    {
        Fail(message, at, length);
        return false;
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
}
