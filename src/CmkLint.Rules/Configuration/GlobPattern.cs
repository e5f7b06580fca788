using System;
using System.Collections.Generic;
using System.Globalization;

namespace CmkLint.Configuration;

/// <summary>Which dialect a pattern is written in.</summary>
public enum GlobSyntax
{
    /// <summary><c>cmklint.json</c> and the command line: <c>{a,b}</c> alternatives; <c>\</c> is a folder separator (Windows paths).</summary>
    Path,

    /// <summary><c>.gitignore</c> (git's wildmatch): no braces; <c>\</c> escapes the next character; an invalid bracket matches nothing.</summary>
    Git,
}

/// <summary>
/// A path pattern as shells, <c>.gitignore</c> and most linters write them: <c>*</c> (within a folder),
/// <c>**</c> as a whole segment (any number of folders), <c>?</c>, <c>[abc]</c>, <c>[!a-z]</c>,
/// <c>[[:digit:]]</c>, and (outside <c>.gitignore</c>) <c>{a,b}</c>. Paths use forward slashes.
/// Matched by simulating the pattern's automaton over the path, one character at a time: time is
/// linear in the path for a given pattern (no backtracking, so <c>**/**/*a*a*a*b</c> cannot hang a run).
/// </summary>
public sealed class GlobPattern
{
    /// <summary>Alternatives one pattern may expand to through <c>{a,b}</c> (a pattern beyond it is invalid).</summary>
    public const int MaxAlternatives = 256;

    /// <summary>Brace groups one pattern may hold (each expands the pattern once more).</summary>
    private const int MaxBraceGroups = 32;

    private readonly List<Token[]> alternatives = new();

    /// <summary>Per alternative, how many of its last tokens are literal characters (<c>.bicep</c> of <c>**/*.bicep</c>).</summary>
    private readonly List<int> suffixLengths = new();
    private readonly bool ignoreCase;

    public GlobPattern(string pattern, bool ignoreCase = false)
        : this(pattern, GlobSyntax.Path, ignoreCase)
    {
    }

    public GlobPattern(string pattern, GlobSyntax syntax, bool ignoreCase = false)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        Syntax = syntax;
        this.ignoreCase = ignoreCase;
        string text = syntax == GlobSyntax.Path ? pattern.Replace('\\', '/') : pattern;
        if (syntax == GlobSyntax.Path && Count(text, '{') > MaxBraceGroups)
        {
            Error = new GlobError(text.IndexOf('{'), $"more than {MaxBraceGroups} '{{' in one pattern");
            return;
        }

        GlobError? braceError = null;
        var expanded = syntax == GlobSyntax.Path ? ExpandBraces(text, out braceError) : new List<string> { text };
        if (expanded is null)
        {
            Error = braceError;
            return;
        }

        foreach (var alternative in expanded)
        {
            var tokens = Compile(alternative, syntax, out var error);
            if (error is not null)
            {
                Error ??= error;
            }

            // Git's rule for a broken pattern (an unclosed bracket, an unknown class): it matches nothing.
            if (tokens is not null)
            {
                alternatives.Add(tokens);
                suffixLengths.Add(TrailingLiterals(tokens));
            }
        }
    }

    public string Pattern { get; }

    public GlobSyntax Syntax { get; }

    /// <summary>Why the pattern is invalid (with the 0-based offset in the pattern), or null. An invalid pattern matches nothing, as in git.</summary>
    public GlobError? Error { get; }

    /// <summary>Whether a path has glob syntax (otherwise it names one file or folder).</summary>
    public static bool IsGlob(string text) => text.IndexOfAny(new[] { '*', '?', '[', '{' }) >= 0;

    /// <summary>Whether the whole path (forward or back slashes, no leading <c>./</c>) matches.</summary>
    public bool IsMatch(string path) => IsMatch(path, out _);

    /// <summary>
    /// <see cref="IsMatch(string)"/>, counting the automaton's steps (one per token looked at, per path
    /// character): the work done, for tests that bound it without a clock.
    /// </summary>
    internal bool IsMatch(string path, out long steps)
    {
        steps = 0;
        path = path.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        for (int a = 0; a < alternatives.Count; a++)
        {
            // A path that does not end with the pattern's literal tail cannot match: a walk over a
            // repository tries '**/*.bicep' on every file, most of them .json.
            if (!EndsWithLiterals(alternatives[a], suffixLengths[a], path, ref steps))
            {
                continue;
            }

            if (Run(alternatives[a], path, ref steps))
            {
                return true;
            }
        }

        return false;
    }

    private static int TrailingLiterals(Token[] tokens)
    {
        int n = 0;
        while (n < tokens.Length && tokens[tokens.Length - 1 - n].Kind == TokenKind.Literal)
        {
            n++;
        }

        return n;
    }

    /// <summary>Whether the path's last characters match the pattern's last <paramref name="count"/> literal tokens, one step each.</summary>
    private bool EndsWithLiterals(Token[] tokens, int count, string path, ref long steps)
    {
        if (count > path.Length)
        {
            return false;
        }

        for (int i = 1; i <= count; i++)
        {
            steps++;
            if (!tokens[tokens.Length - i].Matches(path[path.Length - i], ignoreCase))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Pattern;

    private static int Count(string text, char c)
    {
        int n = 0;
        foreach (char x in text)
        {
            if (x == c)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// The automaton: state i waits at token i; for a <c>**/</c> token a second state says "inside a folder
    /// name it skips". Each path character moves every live state at once.
    /// </summary>
    private bool Run(Token[] tokens, string path, ref long steps)
    {
        int m = tokens.Length;
        var current = new bool[m + 1];
        var inside = new bool[m + 1];
        var next = new bool[m + 1];
        var nextInside = new bool[m + 1];
        current[0] = true;
        Close(tokens, current);
        foreach (char c in path)
        {
            steps += 2L * m;
            Array.Clear(next, 0, next.Length);
            Array.Clear(nextInside, 0, nextInside.Length);
            bool any = false;
            for (int i = 0; i < m; i++)
            {
                var token = tokens[i];
                if (inside[i])
                {
                    // Inside a folder name skipped by "**/": stay until its slash.
                    if (c == '/')
                    {
                        next[i] = true;
                    }
                    else
                    {
                        nextInside[i] = true;
                    }

                    any = true;
                }

                if (!current[i])
                {
                    continue;
                }

                switch (token.Kind)
                {
                    case TokenKind.Star:
                        if (c != '/')
                        {
                            next[i] = true;
                            any = true;
                        }

                        break;
                    case TokenKind.AnyPath:
                        next[i] = true;
                        any = true;
                        break;
                    case TokenKind.Folders:
                        if (c == '/')
                        {
                            next[i] = true;
                        }
                        else
                        {
                            nextInside[i] = true;
                        }

                        any = true;
                        break;
                    default:
                        if (token.Matches(c, ignoreCase))
                        {
                            next[i + 1] = true;
                            any = true;
                        }

                        break;
                }
            }

            if (!any)
            {
                return false;
            }

            (current, next) = (next, current);
            (inside, nextInside) = (nextInside, inside);
            Close(tokens, current);
        }

        return current[m];
    }

    /// <summary>Tokens that may match nothing (<c>*</c>, <c>**</c>, <c>**/</c>) let the next one start at once.</summary>
    private static void Close(Token[] tokens, bool[] states)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (states[i] && tokens[i].Kind is TokenKind.Star or TokenKind.AnyPath or TokenKind.Folders)
            {
                states[i + 1] = true;
            }
        }
    }

    private static Token[]? Compile(string glob, GlobSyntax syntax, out GlobError? error)
    {
        error = null;
        var tokens = new List<Token>();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            switch (c)
            {
                case '*':
                    int run = i;
                    while (run < glob.Length && glob[run] == '*')
                    {
                        run++;
                    }

                    bool wholeSegment = run - i >= 2 && (i == 0 || glob[i - 1] == '/') && (run == glob.Length || glob[run] == '/');
                    if (!wholeSegment)
                    {
                        // "a**b" is a plain star in git; consecutive stars are one.
                        tokens.Add(Token.Of(TokenKind.Star));
                    }
                    else if (run == glob.Length)
                    {
                        tokens.Add(Token.Of(TokenKind.AnyPath));
                    }
                    else
                    {
                        // "**/": zero or more whole folders.
                        tokens.Add(Token.Of(TokenKind.Folders));
                        run++;
                    }

                    i = run - 1;
                    break;
                case '?':
                    tokens.Add(Token.Of(TokenKind.AnyChar));
                    break;
                case '[':
                    var set = ParseClass(glob, i, out int end, out var classError);
                    error ??= classError;
                    if (set is null)
                    {
                        return null;
                    }

                    tokens.Add(set);
                    i = end;
                    break;
                case '\\' when syntax == GlobSyntax.Git:
                    if (i + 1 >= glob.Length)
                    {
                        // A trailing backslash: git's wildmatch fails the whole pattern.
                        error = new GlobError(i, "a pattern cannot end with a backslash");
                        return null;
                    }

                    tokens.Add(Token.Literal(glob[++i]));
                    break;
                default:
                    tokens.Add(Token.Literal(c));
                    break;
            }
        }

        return tokens.ToArray();
    }

    /// <summary>A bracket expression from <paramref name="start"/> (<c>[</c>) to its <c>]</c>, as git's wildmatch reads it.</summary>
    private static Token? ParseClass(string glob, int start, out int end, out GlobError? error)
    {
        error = null;
        end = start;
        int i = start + 1;
        bool negated = i < glob.Length && (glob[i] == '!' || glob[i] == '^');
        if (negated)
        {
            i++;
        }

        var ranges = new List<(char From, char To)>();
        var classes = new List<string>();
        bool first = true;
        while (true)
        {
            if (i >= glob.Length)
            {
                error = new GlobError(start, "'[' is not closed by ']'");
                return null;
            }

            char c = glob[i];
            if (c == ']' && !first)
            {
                break;
            }

            first = false;
            if (c == '[' && i + 1 < glob.Length && glob[i + 1] == ':')
            {
                int close = glob.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    error = new GlobError(i, "'[:' is not closed by ':]'");
                    return null;
                }

                string name = glob.Substring(i + 2, close - i - 2);
                if (Array.IndexOf(ClassNames, name) < 0)
                {
                    error = new GlobError(i, $"unknown character class '[:{name}:]'");
                    return null;
                }

                classes.Add(name);
                i = close + 2;
                continue;
            }

            if (c == '\\' && i + 1 < glob.Length)
            {
                c = glob[++i];
            }

            if (i + 2 < glob.Length && glob[i + 1] == '-' && glob[i + 2] != ']')
            {
                char to = glob[i + 2];
                int at = i;
                i += 3;
                if (to == '\\' && i < glob.Length)
                {
                    to = glob[i++];
                }

                if (to < c)
                {
                    // Git keeps going and the range matches nothing; a configuration is told.
                    error ??= new GlobError(at, $"the range '{c}-{to}' is reversed (it matches no character)");
                }

                ranges.Add((c, to));
                continue;
            }

            ranges.Add((c, c));
            i++;
        }

        end = i;
        return Token.Class(negated, ranges.ToArray(), classes.ToArray());
    }

    private static readonly string[] ClassNames = { "alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit" };

    /// <summary><c>{a,b}</c> alternatives expanded (nested braces too), at most <see cref="MaxAlternatives"/>.</summary>
    private static List<string>? ExpandBraces(string glob, out GlobError? error)
    {
        error = null;
        int open = -1;
        int depth = 0;
        for (int i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '[')
            {
                // Braces inside a bracket are characters.
                int close = glob.IndexOf(']', i + 2 <= glob.Length ? i + 2 : glob.Length);
                if (close > 0)
                {
                    i = close;
                    continue;
                }
            }

            if (glob[i] == '{')
            {
                if (depth++ == 0)
                {
                    open = i;
                }
            }
            else if (glob[i] == '}' && depth > 0 && --depth == 0)
            {
                var parts = SplitTopLevel(glob.Substring(open + 1, i - open - 1));
                string before = glob.Substring(0, open);
                string after = glob.Substring(i + 1);
                var result = new List<string>();
                foreach (var part in parts)
                {
                    var expanded = ExpandBraces(before + part + after, out error);
                    if (expanded is null)
                    {
                        return null;
                    }

                    result.AddRange(expanded);
                    if (result.Count > MaxAlternatives)
                    {
                        error = new GlobError(open, $"the braces expand to more than {MaxAlternatives} alternatives");
                        return null;
                    }
                }

                return result;
            }
        }

        if (depth > 0)
        {
            error = new GlobError(open, "'{' is not closed by '}'");
            return null;
        }

        return new List<string> { glob };
    }

    private static List<string> SplitTopLevel(string inner)
    {
        var parts = new List<string>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            switch (inner[i])
            {
                case '{': depth++; break;
                case '}': depth--; break;
                case ',' when depth == 0:
                    parts.Add(inner.Substring(from, i - from));
                    from = i + 1;
                    break;
            }
        }

        parts.Add(inner.Substring(from));
        return parts;
    }

    private enum TokenKind
    {
        Literal,
        AnyChar,
        Class,
        Star,
        AnyPath,
        Folders,
    }

    /// <summary>One step of a compiled pattern.</summary>
    private sealed class Token
    {
        private char literal;
        private bool negated;
        private (char From, char To)[] ranges = Array.Empty<(char, char)>();
        private string[] classes = Array.Empty<string>();

        public TokenKind Kind { get; private set; }

        public static Token Of(TokenKind kind) => new() { Kind = kind };

        public static Token Literal(char c) => new() { Kind = TokenKind.Literal, literal = c };

        public static Token Class(bool negated, (char From, char To)[] ranges, string[] classes) =>
            new() { Kind = TokenKind.Class, negated = negated, ranges = ranges, classes = classes };

        /// <summary>Whether this one-character token matches <paramref name="c"/> (never a slash, except a literal one).</summary>
        public bool Matches(char c, bool ignoreCase)
        {
            switch (Kind)
            {
                case TokenKind.Literal:
                    return c == literal || ignoreCase && char.ToUpperInvariant(c) == char.ToUpperInvariant(literal);
                case TokenKind.AnyChar:
                    return c != '/';
                case TokenKind.Class:
                    return c != '/' && InClass(c, ignoreCase) != negated;
                default:
                    return false;
            }
        }

        private bool InClass(char c, bool ignoreCase)
        {
            foreach (var (from, to) in ranges)
            {
                if (c >= from && c <= to || ignoreCase && (char.ToUpperInvariant(c) >= from && char.ToUpperInvariant(c) <= to || char.ToLowerInvariant(c) >= from && char.ToLowerInvariant(c) <= to))
                {
                    return true;
                }
            }

            foreach (var name in classes)
            {
                if (InNamedClass(c, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InNamedClass(char c, string name)
        {
            bool ascii = c < 128;
            switch (name)
            {
                case "alnum": return ascii && char.IsLetterOrDigit(c);
                case "alpha": return ascii && char.IsLetter(c);
                case "blank": return c == ' ' || c == '\t';
                case "cntrl": return ascii && char.IsControl(c);
                case "digit": return c >= '0' && c <= '9';
                case "graph": return c > ' ' && c < 127;
                case "lower": return c >= 'a' && c <= 'z';
                case "print": return c >= ' ' && c < 127;
                case "punct": return c > ' ' && c < 127 && !char.IsLetterOrDigit(c);
                case "space": return c == ' ' || c >= '\t' && c <= '\r';
                case "upper": return c >= 'A' && c <= 'Z';
                case "xdigit": return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
                default: return false;
            }
        }
    }
}

/// <summary>Why a pattern is invalid, and where (0-based offset in the pattern).</summary>
public sealed class GlobError
{
    public GlobError(int offset, string message)
    {
        Offset = offset;
        Message = message;
    }

    public int Offset { get; }

    public string Message { get; }

    public override string ToString() => Message + " (column " + (Offset + 1).ToString(CultureInfo.InvariantCulture) + " of the pattern)";
}
