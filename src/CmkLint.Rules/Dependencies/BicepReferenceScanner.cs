using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Loading;

namespace CmkLint.Dependencies;

/// <summary>
/// Finds, without parsing, the files a Bicep or <c>.bicepparam</c> file may refer to: every string
/// literal (outside comments) whose last segment has an extension, resolved against the file's folder.
/// Module, import, <c>using</c>, <c>extends</c> and <c>load*</c> paths are such literals (Bicep
/// requires them to be literals), so the result holds every real reference; it may hold more (a
/// description naming a file), which only makes a caller count as affected or keep a file a little longer.
/// </summary>
internal static class BicepReferenceScanner
{
    /// <summary>Literals longer than this are not paths (a path limit well above any real one).</summary>
    private const int MaxPathLength = 1024;

    /// <summary>Interpolations inside literals inside interpolations deeper than this are skipped as text (hostile nesting cannot exhaust the stack).</summary>
    private const int MaxNesting = 32;

    /// <summary>Whether a path is a Bicep source that can refer to other files.</summary>
    public static bool Scans(string path) =>
        path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full paths the UTF-8 text of <paramref name="fullPath"/> may refer to (distinct, in order of appearance).</summary>
    public static List<string> References(string fullPath, byte[] utf8)
    {
        var found = new List<string>();
        string? folder = Path.GetDirectoryName(fullPath);
        if (folder is null)
        {
            return found;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        int n = utf8.Length;
        while (i < n)
        {
            byte c = utf8[i];
            if (c == '/' && i + 1 < n && utf8[i + 1] == '/')
            {
                i = SkipLine(utf8, i + 2);
            }
            else if (c == '/' && i + 1 < n && utf8[i + 1] == '*')
            {
                int end = IndexOf(utf8, (byte)'*', (byte)'/', i + 2);
                i = end < 0 ? n : end + 2;
            }
            else if (c == '\'' && i + 2 < n && utf8[i + 1] == '\'' && utf8[i + 2] == '\'')
            {
                // A multi-line string ('''...''') has no escapes and no interpolation; paths are never written so.
                int end = IndexOf3(utf8, (byte)'\'', i + 3);
                i = end < 0 ? n : end + 3;
            }
            else if (c == '\'')
            {
                i = Literal(utf8, i + 1, folder, found, seen, 0);
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    /// <summary>Reads one single-quoted literal starting after its quote; returns the index after its closing quote.</summary>
    private static int Literal(byte[] utf8, int start, string folder, List<string> found, HashSet<string> seen, int depth)
    {
        int i = start;
        bool plain = true;
        while (i < utf8.Length)
        {
            byte c = utf8[i];
            if (c == '\\')
            {
                // An escape: the literal is not a plain path (paths have no escapes), but it still ends at its quote.
                plain = false;
                i += 2;
                continue;
            }

            if (c == '\n')
            {
                // An unterminated literal ends at the line (as the lexer recovers).
                return i + 1;
            }

            if (c == '$' && i + 1 < utf8.Length && utf8[i + 1] == '{' && depth < MaxNesting)
            {
                // An interpolation: its expression may hold literals of its own (a load function's path).
                plain = false;
                i = Interpolation(utf8, i + 2, folder, found, seen, depth + 1);
                continue;
            }

            if (c == '\'')
            {
                if (plain && i - start is > 2 and <= MaxPathLength && HasExtension(utf8, start, i))
                {
                    Add(System.Text.Encoding.UTF8.GetString(utf8, start, i - start), folder, found, seen);
                }

                return i + 1;
            }

            i++;
        }

        return i;
    }

    /// <summary>Skips an interpolation's expression (after <c>${</c>) to its closing brace, reading the literals inside it.</summary>
    private static int Interpolation(byte[] utf8, int start, string folder, List<string> found, HashSet<string> seen, int nesting)
    {
        int depth = 1;
        int i = start;
        while (i < utf8.Length)
        {
            byte c = utf8[i];
            if (c == '\'')
            {
                i = Literal(utf8, i + 1, folder, found, seen, nesting);
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i + 1;
            }
            else if (c == '\n')
            {
                return i;
            }

            i++;
        }

        return i;
    }

    /// <summary>The last segment of the literal ends with <c>.ext</c> (letters and digits).</summary>
    private static bool HasExtension(byte[] utf8, int start, int end)
    {
        int letters = 0;
        for (int i = end - 1; i >= start; i--)
        {
            byte c = utf8[i];
            if (c == '.')
            {
                return letters > 0 && i > start;
            }

            if (!(c is >= (byte)'a' and <= (byte)'z' || c is >= (byte)'A' and <= (byte)'Z' || c is >= (byte)'0' and <= (byte)'9') || ++letters > 16)
            {
                return false;
            }
        }

        return false;
    }

    private static void Add(string literal, string folder, List<string> found, HashSet<string> seen)
    {
        if (literal.IndexOf(':') >= 0 || literal.IndexOf('\0') >= 0)
        {
            // br:, ts:, br/alias: (registry modules) and drive-qualified paths are not files beside this one.
            return;
        }

        string full = TemplateLoader.Normalize(Path.Combine(folder, literal.Replace('\\', '/')));
        if (seen.Add(full))
        {
            found.Add(full);
        }
    }

    private static int SkipLine(byte[] utf8, int i)
    {
        int end = Array.IndexOf(utf8, (byte)'\n', i);
        return end < 0 ? utf8.Length : end + 1;
    }

    private static int IndexOf(byte[] utf8, byte first, byte second, int from)
    {
        for (int i = Array.IndexOf(utf8, first, from); i >= 0 && i + 1 < utf8.Length; i = Array.IndexOf(utf8, first, i + 1))
        {
            if (utf8[i + 1] == second)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf3(byte[] utf8, byte quote, int from)
    {
        for (int i = Array.IndexOf(utf8, quote, from); i >= 0 && i + 2 < utf8.Length; i = Array.IndexOf(utf8, quote, i + 1))
        {
            if (utf8[i + 1] == quote && utf8[i + 2] == quote)
            {
                return i;
            }
        }

        return -1;
    }
}
