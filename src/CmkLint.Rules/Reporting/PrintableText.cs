using System.Globalization;
using System.Text;

namespace CmkLint.Reporting;

/// <summary>
/// Text from a repository (file names, messages quoting template values, code frames) made safe for a
/// terminal or CI log: control characters (C0, C1, DEL), line and paragraph separators, bidirectional
/// overrides and lone surrogates are shown as escapes (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>), so a
/// name cannot move the cursor, recolour output, or start a line of its own (a forged
/// <c>::error</c> workflow command).
/// </summary>
public static class PrintableText
{
    /// <summary>The text with every unprintable character escaped; <paramref name="keepTabs"/> leaves tabs (code frames align with them).</summary>
    public static string Escape(string text, bool keepTabs = false)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? escape = null;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (c == '\t' && keepTabs)
            {
                escape = null;
            }
            else if (NeedsEscape(c))
            {
                escape = c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when c < 0x100 => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                };
            }

            if (escape is not null)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                sb.Append(escape);
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// A path at the start of a line: escaped, and prefixed with <c>./</c> when it starts with a colon or
    /// white space (GitHub Actions reads a line whose first non-blank characters are <c>::</c> as a command).
    /// </summary>
    public static string LineStart(string path)
    {
        string escaped = Escape(path);
        return escaped.Length > 0 && (escaped[0] == ':' || char.IsWhiteSpace(escaped[0])) ? "./" + escaped : escaped;
    }

    /// <summary>The text with lone surrogates replaced by U+FFFD, so it can be written as UTF-8 (JSON, SARIF).</summary>
    public static string? WellFormed(string? text)
    {
        if (text is null)
        {
            return null;
        }

        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }

    private static bool NeedsEscape(char c) =>
        c < ' ' || c >= '\u007f' && c <= '\u009f' || c == '\u2028' || c == '\u2029'
        || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f' || c == '\u061c'
        || char.IsSurrogate(c) || c == '\uFEFF';
}
