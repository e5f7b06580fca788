using System;
using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The hand-written Bicep lexer: tokens (newlines included, as Bicep statements end at them), lexical errors and pragmas.</summary>
/// <remarks>
/// A single pass over the text with no regular expressions and no allocation per character: tokens are structs that
/// point into the text. Comments and pragmas are trivia; pragmas are kept aside so that suppressions can use them.
/// </remarks>
internal sealed class BicepLexer
{
    private const byte InterpolationHole = 0;
    private const byte BraceInsideHole = 1;

    // A hole of a $''' string is stored as MultilineHoleBase plus the number of dollars that open its holes.
    private const byte MultilineHoleBase = 2;

    /// <summary>Larger token lists are not kept for the next file (a huge file must not hold its size for the rest of the run).</summary>
    private const int MaxKeptTokens = 1 << 16;

    [ThreadStatic]
    private static List<Token>? scratch;

    private readonly SourceFile file;
    private readonly string text;
    private readonly List<Token> tokens;
    private readonly List<SyntaxDiagnostic> diagnostics = new List<SyntaxDiagnostic>();
    private readonly List<PragmaSyntax> pragmas = new List<PragmaSyntax>();

    // String interpolation makes lexing modal: inside a "${...}" hole a "}" closes the hole unless it closes an object
    // opened inside the hole, and a newline ends the string with an error. The stack records which "{" is which.
    private readonly List<byte> templateStack = new List<byte>();
    private int position;

    private BicepLexer(SourceFile file)
    {
        this.file = file;
        text = file.Text;

        // One token list per thread, reused from file to file (only the exact-size copy is kept): sizing a new
        // list for each file from its length over-allocated more than the tokens took.
        tokens = scratch ?? new List<Token>(4096);
        scratch = null;
        tokens.Clear();
    }

    /// <summary>Lexes a whole file. Never throws; every problem becomes a diagnostic.</summary>
    public static BicepLexResult Lex(SourceFile file)
    {
        var lexer = new BicepLexer(file);
        lexer.Run();
        var result = new BicepLexResult(file, lexer.tokens.ToArray(), lexer.diagnostics, lexer.pragmas);
        if (lexer.tokens.Capacity <= MaxKeptTokens)
        {
            lexer.tokens.Clear();
            scratch = lexer.tokens;
        }

        return result;
    }

    internal static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    internal static bool IsIdentifierContinuation(char c) => IsIdentifierStart(c) || IsDigit(c);

    internal static bool IsDigit(char c) => c >= '0' && c <= '9';

    internal static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static bool IsWhiteSpace(char c) => c == ' ' || c == '\t';

    private static bool IsNewLine(char c) => c == '\n' || c == '\r';

    private char Peek(int offset = 0)
    {
        int index = position + offset;
        return index < text.Length ? text[index] : '\0';
    }

    private bool AtEnd => position >= text.Length;

    private void Run()
    {
        // A byte order mark that survived decoding is not part of the program.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            position = 1;
        }

        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                tokens.Add(new Token(TokenType.EndOfFile, text.Length, 0));
                return;
            }

            int start = position;
            TokenType type = ScanToken();
            tokens.Add(new Token(type, start, position - start));
        }
    }

    private void AddError(int start, int length, SyntaxError error)
    {
        // Past the cap the parser drops errors anyway; not building them keeps garbage input cheap.
        if (diagnostics.Count > BicepParser.MaxDiagnostics)
        {
            return;
        }

        diagnostics.Add(new SyntaxDiagnostic(error.Code, error.Message, file.Span(start, length)));
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            char c = text[position];
            if (IsWhiteSpace(c))
            {
                // A local in the loop over indentation (a field is stored back at every step).
                string t = text;
                int p = position + 1;
                while (p < t.Length && IsWhiteSpace(t[p]))
                {
                    p++;
                }

                position = p;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                SkipSingleLineComment();
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipMultiLineComment();
            }
            else if (c == '#' && IsFirstOnLine(position) && TryScanPragma())
            {
                continue;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipSingleLineComment()
    {
        position += 2;
        while (!AtEnd && !IsNewLine(text[position]))
        {
            position++;
        }
    }

    private void SkipMultiLineComment()
    {
        int start = position;
        position += 2;
        while (true)
        {
            if (AtEnd)
            {
                AddError(start, position - start, SyntaxError.UnterminatedMultilineComment());
                return;
            }

            if (text[position] == '*' && Peek(1) == '/')
            {
                position += 2;
                return;
            }

            position++;
        }
    }

    /// <summary>Pragmas are directives only when nothing but blanks precedes them on their line, as in Bicep.</summary>
    private bool IsFirstOnLine(int index)
    {
        int i = index - 1;
        while (i >= 0 && IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i < 0 || IsNewLine(text[i]) || (i == 0 && text[0] == '\uFEFF');
    }

    private bool MatchesAt(int index, string word)
    {
        if (index + word.Length > text.Length)
        {
            return false;
        }

        return string.CompareOrdinal(text, index, word, 0, word.Length) == 0;
    }

    private bool TryScanPragma()
    {
        PragmaKind kind;
        string directive;
        if (MatchesAt(position + 1, "disable-next-line"))
        {
            kind = PragmaKind.DisableNextLine;
            directive = "disable-next-line";
        }
        else if (MatchesAt(position + 1, "disable-diagnostics"))
        {
            kind = PragmaKind.DisableDiagnostics;
            directive = "disable-diagnostics";
        }
        else if (MatchesAt(position + 1, "restore-diagnostics"))
        {
            kind = PragmaKind.RestoreDiagnostics;
            directive = "restore-diagnostics";
        }
        else
        {
            return false;
        }

        int start = position;
        position += directive.Length + 1;

        // As in Bicep, the directive runs over code characters, dashes and blanks; anything else (a comment, a
        // newline) ends it.
        var codes = new List<PragmaCode>();
        int end = position;
        while (!AtEnd)
        {
            char c = text[position];
            if (IsWhiteSpace(c))
            {
                position++;
                continue;
            }

            if (!IsIdentifierContinuation(c) && c != '-')
            {
                break;
            }

            int codeStart = position;
            while (!AtEnd && (IsIdentifierContinuation(text[position]) || text[position] == '-'))
            {
                position++;
            }

            codes.Add(new PragmaCode(text.Substring(codeStart, position - codeStart), file.Span(codeStart, position - codeStart)));
            end = position;
        }

        if (codes.Count == 0)
        {
            AddError(position, 0, SyntaxError.MissingDiagnosticCodes(directive));
            end = position;
        }

        pragmas.Add(new PragmaSyntax(kind, file.Span(start, end - start), codes));
        return true;
    }

    private TokenType ScanToken()
    {
        char c = text[position];
        position++;
        switch (c)
        {
            case '{':
                if (templateStack.Count > 0)
                {
                    templateStack.Add(BraceInsideHole);
                }

                return TokenType.LeftBrace;
            case '}':
                if (templateStack.Count > 0)
                {
                    int top = templateStack.Count - 1;
                    if (templateStack[top] == BraceInsideHole)
                    {
                        templateStack.RemoveAt(top);
                        return TokenType.RightBrace;
                    }

                    TokenType piece = templateStack[top] >= MultilineHoleBase
                        ? ScanInterpolatedMultilineString(position - 1, templateStack[top] - MultilineHoleBase, isAtStartOfString: false)
                        : ScanStringSegment(isAtStartOfString: false, position - 1);
                    if ((piece == TokenType.StringRightPiece || piece == TokenType.MultilineStringRightPiece) && templateStack.Count > 0)
                    {
                        templateStack.RemoveAt(templateStack.Count - 1);
                    }

                    return piece;
                }

                return TokenType.RightBrace;
            case '(':
                return TokenType.LeftParen;
            case ')':
                return TokenType.RightParen;
            case '[':
                return TokenType.LeftSquare;
            case ']':
                return TokenType.RightSquare;
            case '@':
                return TokenType.At;
            case ',':
                return TokenType.Comma;
            case '.':
                if (Peek() == '.' && Peek(1) == '.')
                {
                    position += 2;
                    return TokenType.Ellipsis;
                }

                return TokenType.Dot;
            case '?':
                return Follow('?', TokenType.DoubleQuestion, TokenType.Question);
            case ':':
                return Follow(':', TokenType.DoubleColon, TokenType.Colon);
            case ';':
                return TokenType.Semicolon;
            case '+':
                return TokenType.Plus;
            case '-':
                return TokenType.Minus;
            case '%':
                return TokenType.Modulo;
            case '*':
                return TokenType.Asterisk;
            case '/':
                return TokenType.Slash;
            case '^':
                return TokenType.Hat;
            case '!':
                if (Peek() == '=')
                {
                    position++;
                    return TokenType.NotEquals;
                }

                return Follow('~', TokenType.NotEqualsInsensitive, TokenType.Exclamation);
            case '<':
                return Follow('=', TokenType.LessThanOrEqual, TokenType.LessThan);
            case '>':
                return Follow('=', TokenType.GreaterThanOrEqual, TokenType.GreaterThan);
            case '=':
                if (Peek() == '=')
                {
                    position++;
                    return TokenType.Equals;
                }

                if (Peek() == '~')
                {
                    position++;
                    return TokenType.EqualsInsensitive;
                }

                return Follow('>', TokenType.Arrow, TokenType.Assignment);
            case '&':
                if (Peek() == '&')
                {
                    position++;
                    return TokenType.LogicalAnd;
                }

                AddError(position - 1, 1, SyntaxError.UnrecognizedToken("&"));
                return TokenType.Unrecognized;
            case '|':
                return Follow('|', TokenType.LogicalOr, TokenType.Pipe);
            case '\'':
                if (Peek() == '\'' && Peek(1) == '\'')
                {
                    position += 2;
                    return ScanMultilineString(position - 3);
                }

                TokenType first = ScanStringSegment(isAtStartOfString: true, position - 1);
                if (first == TokenType.StringLeftPiece)
                {
                    templateStack.Add(InterpolationHole);
                }

                return first;
            case '$':
                int dollars = 1;
                while (Peek(dollars - 1) == '$')
                {
                    dollars++;
                }

                if (Peek(dollars - 1) == '\'' && Peek(dollars) == '\'' && Peek(dollars + 1) == '\'')
                {
                    // $''' opens a multi-line string with interpolation; with n dollars, holes open with n dollars and "{".
                    int start = position - 1;
                    position += dollars + 2;
                    return ScanInterpolatedMultilineString(start, Math.Min(dollars, 200), isAtStartOfString: true);
                }

                return ScanUnrecognized(position - 1);
            case '\r':
            case '\n':
                if (templateStack.Count > 0)
                {
                    // A newline inside an interpolation hole ends the string: report it once, and hand the parser an
                    // empty closing piece so that it stops looking for the rest of the string.
                    position--;
                    AddError(position, 0, SyntaxError.UnterminatedStringWithNewLine());
                    templateStack.Clear();
                    return TokenType.StringRightPiece;
                }

                while (!AtEnd && IsNewLine(text[position]))
                {
                    position++;
                }

                return TokenType.NewLine;
            default:
                if (IsDigit(c))
                {
                    while (!AtEnd && IsDigit(text[position]))
                    {
                        position++;
                    }

                    return TokenType.Integer;
                }

                if (IsIdentifierStart(c))
                {
                    int start = position - 1;
                    string t = text;
                    int p = position;
                    while (p < t.Length && IsIdentifierContinuation(t[p]))
                    {
                        p++;
                    }

                    position = p;
                    return KeywordOrIdentifier(start, position - start);
                }

                return ScanUnrecognized(position - 1);
        }
    }

    private TokenType Follow(char next, TokenType ifNext, TokenType otherwise)
    {
        if (Peek() == next && !AtEnd)
        {
            position++;
            return ifNext;
        }

        return otherwise;
    }

    private TokenType KeywordOrIdentifier(int start, int length)
    {
        // Only the literal keywords are token kinds; every other keyword is contextual, as in Bicep.
        switch (length)
        {
            case 4 when MatchesAt(start, "true"):
                return TokenType.TrueKeyword;
            case 4 when MatchesAt(start, "null"):
                return TokenType.NullKeyword;
            case 5 when MatchesAt(start, "false"):
                return TokenType.FalseKeyword;
            default:
                return TokenType.Identifier;
        }
    }

    private TokenType ScanUnrecognized(int start)
    {
        if (text[start] == '"')
        {
            AddError(start, 1, SyntaxError.DoubleQuoteToken());
            return TokenType.Unrecognized;
        }

        // A run of characters that start no token becomes one token, so binary garbage yields one error per run
        // rather than one per character.
        while (!AtEnd && IsUnrecognizedStart(text[position]))
        {
            position++;
        }

        int length = position - start;
        string shown = length <= 32 ? text.Substring(start, length) : text.Substring(start, 32) + "...";
        AddError(start, length, SyntaxError.UnrecognizedToken(shown));
        return TokenType.Unrecognized;
    }

    private static bool IsUnrecognizedStart(char c)
    {
        if (IsIdentifierContinuation(c) || IsWhiteSpace(c) || IsNewLine(c))
        {
            return false;
        }

        switch (c)
        {
            case '{':
            case '}':
            case '(':
            case ')':
            case '[':
            case ']':
            case '@':
            case ',':
            case '.':
            case '?':
            case ':':
            case ';':
            case '+':
            case '-':
            case '%':
            case '*':
            case '/':
            case '^':
            case '!':
            case '<':
            case '>':
            case '=':
            case '&':
            case '|':
            case '\'':
            case '"':
            case '#':
            case '$':
                return false;
            default:
                return true;
        }
    }

    private TokenType ScanMultilineString(int start)
    {
        // Multi-line strings have no escapes and no interpolation; they end at the first "'''", and any further
        // quotes belong to the content's end (so the value may end with a quote).
        int quotes = 0;
        while (!AtEnd)
        {
            char c = text[position];
            position++;
            if (c != '\'')
            {
                quotes = 0;
                continue;
            }

            quotes++;
            if (quotes == 3)
            {
                while (!AtEnd && text[position] == '\'')
                {
                    position++;
                }

                return TokenType.MultilineString;
            }
        }

        AddError(start, position - start, SyntaxError.UnterminatedMultilineString());
        return TokenType.MultilineString;
    }

    private TokenType ScanInterpolatedMultilineString(int tokenStart, int dollars, bool isAtStartOfString)
    {
        while (!AtEnd)
        {
            char c = text[position];
            if (c == '\'')
            {
                int quotes = 1;
                while (Peek(quotes) == '\'')
                {
                    quotes++;
                }

                position += quotes;
                if (quotes >= 3)
                {
                    return isAtStartOfString ? TokenType.MultilineString : TokenType.MultilineStringRightPiece;
                }

                continue;
            }

            if (c == '$')
            {
                int run = 1;
                while (Peek(run) == '$')
                {
                    run++;
                }

                position += run;
                if (run >= dollars && Peek() == '{')
                {
                    position++;

                    // The string's entry stays on the stack from its first hole to its last piece.
                    if (isAtStartOfString)
                    {
                        templateStack.Add((byte)(MultilineHoleBase + dollars));
                    }

                    return isAtStartOfString ? TokenType.MultilineStringLeftPiece : TokenType.MultilineStringMiddlePiece;
                }

                continue;
            }

            position++;
        }

        AddError(tokenStart, position - tokenStart, SyntaxError.UnterminatedMultilineString());
        return isAtStartOfString ? TokenType.MultilineString : TokenType.MultilineStringRightPiece;
    }

    private TokenType ScanStringSegment(bool isAtStartOfString, int tokenStart)
    {
        TokenType complete = isAtStartOfString ? TokenType.StringComplete : TokenType.StringRightPiece;
        TokenType open = isAtStartOfString ? TokenType.StringLeftPiece : TokenType.StringMiddlePiece;
        while (true)
        {
            if (AtEnd)
            {
                AddError(tokenStart, position - tokenStart, SyntaxError.UnterminatedString());
                return complete;
            }

            char c = text[position];
            if (IsNewLine(c))
            {
                AddError(tokenStart, position - tokenStart, SyntaxError.UnterminatedStringWithNewLine());
                return complete;
            }

            int escapeStart = position;
            position++;
            if (c == '\'')
            {
                return complete;
            }

            if (c == '$' && !AtEnd && text[position] == '{')
            {
                position++;
                return open;
            }

            if (c != '\\')
            {
                continue;
            }

            if (AtEnd)
            {
                AddError(tokenStart, position - tokenStart, SyntaxError.UnterminatedEscapeAtEndOfFile());
                return complete;
            }

            char escaped = text[position];
            if (IsNewLine(escaped))
            {
                // Leave the newline for the check at the top of the loop.
                AddError(escapeStart, 1, SyntaxError.UnrecognizedEscape());
                continue;
            }

            position++;
            switch (escaped)
            {
                case 'n':
                case 'r':
                case 't':
                case '\\':
                case '\'':
                case '$':
                    continue;
                case 'u':
                    ScanUnicodeEscape(escapeStart);
                    continue;
                default:
                    AddError(escapeStart, 2, SyntaxError.UnrecognizedEscape());
                    continue;
            }
        }
    }

    private void ScanUnicodeEscape(int escapeStart)
    {
        if (AtEnd || text[position] != '{')
        {
            AddError(escapeStart, position - escapeStart, SyntaxError.InvalidUnicodeEscape());
            return;
        }

        position++;
        int digitsStart = position;
        while (!AtEnd && IsHexDigit(text[position]))
        {
            position++;
        }

        int digits = position - digitsStart;
        if (AtEnd || text[position] != '}' || digits == 0)
        {
            AddError(escapeStart, position - escapeStart, SyntaxError.InvalidUnicodeEscape());
            return;
        }

        position++;
        if (!StringDecoder.TryParseCodePoint(text, digitsStart, digits, out _))
        {
            AddError(escapeStart, position - escapeStart, SyntaxError.InvalidUnicodeEscape());
        }
    }
}
