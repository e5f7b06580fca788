using System;
using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Token reading, error reporting and recovery.</summary>
internal sealed partial class BicepParser
{
    private static readonly TokenSet NewLineOnly = TokenSet.Of(TokenType.NewLine);

    // Where a broken sub-expression stops: the end of the line or anything that closes an enclosing construct.
    private static readonly TokenSet ExpressionTerminators = TokenSet.Of(
        TokenType.StringRightPiece, TokenType.MultilineStringRightPiece, TokenType.RightBrace, TokenType.RightParen, TokenType.RightSquare, TokenType.NewLine);

    private static readonly string[] DeclarationKeywords =
    {
        "metadata", "targetScope", "import", "extension", "provider", "param", "var", "func", "resource", "module",
        "output", "type", "test", "assert", "using", "extends", "extensionConfig",
    };

    /// <summary>A token the grammar requires, or where recovery went when it was not there.</summary>
    private readonly struct Expected
    {
        public Expected(bool found, SourceSpan span)
        {
            Found = found;
            Span = span;
        }

        public bool Found { get; }

        public SourceSpan Span { get; }
    }

    private Token Peek() => tokens[position];

    private Token PeekAhead(int offset)
    {
        int index = position + offset;
        return tokens[index < tokens.Length ? index : tokens.Length - 1];
    }

    private Token PeekSkippingNewLines(int offset = 0)
    {
        int index = Math.Min(position + offset, tokens.Length - 1);
        while (tokens[index].Type == TokenType.NewLine)
        {
            index++;
        }

        return tokens[index];
    }

    private Token Read()
    {
        var token = tokens[position];
        steps++;
        if (token.Type != TokenType.EndOfFile)
        {
            position++;
        }

        return token;
    }

    private bool IsAtEnd => tokens[position].Type == TokenType.EndOfFile;

    private bool Check(TokenType type) => tokens[position].Type == type && type != TokenType.EndOfFile;

    private bool IsKeyword(Token token, string keyword) =>
        token.Type == TokenType.Identifier && token.Length == keyword.Length && string.CompareOrdinal(text, token.Start, keyword, 0, keyword.Length) == 0;

    private bool CheckKeyword(string keyword) => IsKeyword(Peek(), keyword);

    private bool IsDeclarationKeyword(Token token)
    {
        if (token.Type != TokenType.Identifier)
        {
            return false;
        }

        foreach (var keyword in DeclarationKeywords)
        {
            if (IsKeyword(token, keyword))
            {
                return true;
            }
        }

        return false;
    }

    private void SkipNewLines()
    {
        while (Check(TokenType.NewLine))
        {
            position++;
        }
    }

    /// <summary>The offset just after the last token read.</summary>
    private int LastEnd => position > 0 ? tokens[position - 1].End : 0;

    /// <summary>From <paramref name="start"/> to the end of the last token read; empty right after that token when nothing was read since.</summary>
    private SourceSpan SpanFrom(int start)
    {
        int end = LastEnd;
        return end < start ? file.Span(end, 0) : file.Span(start, end - start);
    }

    private SourceSpan TokenSpan(Token token) => file.Span(token.Start, token.Length);

    /// <summary>Errors at a newline or the end of the file are empty spans where the line ends, as Bicep shows them.</summary>
    private SourceSpan ErrorSpan(Token token) =>
        token.Type == TokenType.NewLine || token.Type == TokenType.EndOfFile ? file.Span(token.Start, 0) : TokenSpan(token);

    private SyntaxDiagnostic Diagnostic(SourceSpan span, SyntaxError error) => new SyntaxDiagnostic(error.Code, error.Message, span, error.IsNote);

    private void Report(SourceSpan span, SyntaxError error)
    {
        if (diagnostics.Count <= MaxDiagnostics)
        {
            diagnostics.Add(Diagnostic(span, error));
        }
    }

    private void ReportAtCurrent(SyntaxError error) => Report(file.Span(Peek().Start, 0), error);

    /// <summary>
    /// Where a missing node goes: right after the last token read, so that it stays inside its parent's span
    /// (the error itself points at the next token, which may lie past blanks and comments).
    /// </summary>
    private SourceSpan EmptySpanHere() => file.Span(position > 0 ? tokens[position - 1].End : Peek().Start, 0);

    private ParseException Error(Token token, SyntaxError error) => new ParseException(Diagnostic(ErrorSpan(token), error));

    private Token Expect(TokenType type, SyntaxError error)
    {
        if (Check(type))
        {
            return Read();
        }

        throw Error(Peek(), error);
    }

    private Token ExpectKeyword(string keyword)
    {
        if (CheckKeyword(keyword))
        {
            return Read();
        }

        throw Error(Peek(), SyntaxError.ExpectedKeyword(keyword));
    }

    /// <summary>
    /// Runs <paramref name="parse"/>; if it fails, drops the errors it reported (as its partial result is dropped),
    /// skips to a terminator, reports the failure and returns the placeholder for the skipped text.
    /// </summary>
    private T Recover<T>(Func<T> parse, Func<SourceSpan, T> skipped, RecoveryFlags flags, TokenSet terminators) =>
        Recover(static (_, run) => run(), parse, skipped, flags, terminators);

    /// <summary>
    /// As <see cref="Recover{T}(Func{T}, Func{SourceSpan, T}, RecoveryFlags, TokenSet)"/>, with what the parse needs passed
    /// as <paramref name="state"/> to a static lambda: a capturing lambda costs a closure and a delegate at every call
    /// (for a captured parameter, even on the calls that never recover), and the expression parser makes millions of calls.
    /// </summary>
    private T Recover<TState, T>(Func<BicepParser, TState, T> parse, TState state, Func<SourceSpan, T> skipped, RecoveryFlags flags, TokenSet terminators)
    {
        int start = position;
        int reported = diagnostics.Count;
        try
        {
            return parse(this, state);
        }
        catch (ParseException exception)
        {
            if (diagnostics.Count > reported)
            {
                diagnostics.RemoveRange(reported, diagnostics.Count - reported);
            }

            var span = Synchronize(start, flags, terminators);
            if ((flags & RecoveryFlags.SuppressDiagnostics) == 0 && !exception.Silent && diagnostics.Count <= MaxDiagnostics)
            {
                diagnostics.Add(exception.Diagnostic);
            }

            return skipped(span);
        }
    }

    private SourceSpan Synchronize(int start, RecoveryFlags flags, TokenSet terminators)
    {
        while (!IsAtEnd && !terminators.Contains(Peek().Type))
        {
            position++;
        }

        if ((flags & RecoveryFlags.ConsumeTerminator) != 0 && !IsAtEnd)
        {
            position++;
        }

        return position > start ? file.Span(tokens[start].Start, tokens[position - 1].End - tokens[start].Start) : EmptySpanHere();
    }

    private ExpressionSyntax RecoverExpression(Func<ExpressionSyntax> parse, RecoveryFlags flags, TokenSet terminators) =>
        Recover(parse, span => new SkippedSyntax(span), flags, terminators);

    private ExpressionSyntax RecoverExpression<TState>(Func<BicepParser, TState, ExpressionSyntax> parse, TState state, RecoveryFlags flags, TokenSet terminators) =>
        Recover(parse, state, span => new SkippedSyntax(span), flags, terminators);

    /// <summary>An expression with <paramref name="expressionFlags"/>, recovering at the terminators.</summary>
    private ExpressionSyntax RecoverExpression(ExpressionFlags expressionFlags, RecoveryFlags flags, TokenSet terminators) =>
        Recover(static (parser, allowed) => parser.Expression(allowed), expressionFlags, span => new SkippedSyntax(span), flags, terminators);

    private TypeSyntax RecoverType(Func<TypeSyntax> parse, RecoveryFlags flags, TokenSet terminators) =>
        Recover(parse, span => new SkippedTypeSyntax(span), flags, terminators);

    private TypeSyntax RecoverType<TState>(Func<BicepParser, TState, TypeSyntax> parse, TState state, RecoveryFlags flags, TokenSet terminators) =>
        Recover(parse, state, span => new SkippedTypeSyntax(span), flags, terminators);

    private Expected RecoverToken(TokenType type, SyntaxError error, RecoveryFlags flags, TokenSet terminators) =>
        Recover(static (parser, expected) => new Expected(true, parser.TokenSpan(parser.Expect(expected.Type, expected.Error))), (Type: type, Error: error), span => new Expected(false, span), flags, terminators);

    private Expected RecoverKeyword(string keyword, RecoveryFlags flags, TokenSet terminators) =>
        Recover(static (parser, word) => new Expected(true, parser.TokenSpan(parser.ExpectKeyword(word))), keyword, span => new Expected(false, span), flags, terminators);

    /// <summary>
    /// When a part of a declaration is missing without anything skipped, the parts after it would report errors at
    /// the same empty spot; like Bicep, only the first is reported.
    /// </summary>
    private static RecoveryFlags SuppressAfter(SyntaxNode? previous) => previous switch
    {
        SkippedSyntax skipped when skipped.Span.Length == 0 => RecoveryFlags.SuppressDiagnostics,
        SkippedTypeSyntax skipped when skipped.Span.Length == 0 => RecoveryFlags.SuppressDiagnostics,
        IdentifierSyntax { IsMissing: true } identifier when identifier.Span.Length == 0 => RecoveryFlags.SuppressDiagnostics,
        _ => RecoveryFlags.None,
    };

    private static RecoveryFlags SuppressAfter(Expected previous) =>
        !previous.Found && previous.Span.Length == 0 ? RecoveryFlags.SuppressDiagnostics : RecoveryFlags.None;

    private IdentifierSyntax MakeIdentifier(Token token)
    {
        var span = TokenSpan(token);
        if (token.Length > 255)
        {
            Report(span, SyntaxError.IdentifierTooLong());
        }

        return new IdentifierSyntax(span, RecentStrings.OfThread.Slice(text, token.Start, token.Length), isMissing: false);
    }

    private static IdentifierSyntax MissingIdentifier(SourceSpan span) => new IdentifierSyntax(span, string.Empty, isMissing: true);

    private IdentifierSyntax Identifier(SyntaxError error) => MakeIdentifier(Expect(TokenType.Identifier, error));

    /// <summary>An identifier, or a missing one (reported, nothing consumed).</summary>
    private IdentifierSyntax IdentifierOrMissing(SyntaxError error)
    {
        if (Check(TokenType.Identifier))
        {
            return MakeIdentifier(Read());
        }

        Report(file.Span(Peek().Start, 0), error);
        return MissingIdentifier(EmptySpanHere());
    }

    private IdentifierSyntax IdentifierWithRecovery(SyntaxError error, RecoveryFlags flags, TokenSet terminators) =>
        Recover(() => Identifier(error), MissingIdentifier, flags, terminators);

    /// <summary>Enters one level of nesting; false (nothing entered) at the limit.</summary>
    private bool TryEnterNesting()
    {
        if (depth >= MaxNestingDepth)
        {
            return false;
        }

        depth++;
        return true;
    }

    /// <summary>
    /// Skips the construct that starts here and nests past the limit, in a loop that only counts brackets (so any
    /// depth costs no call stack), up to the comma, newline or closing bracket that ends it in its parent; the
    /// parent then reads on as if the construct were any other value. Only the first is reported, after parsing.
    /// </summary>
    private SourceSpan SkipTooDeep(bool resourcesAllowed = false)
    {
        int startPosition = position;
        int start = Peek().Start;
        int end = start;
        int open = 0;
        int questions = 0;
        while (!EndsTooDeepConstruct(Peek().Type, open, ref questions) && !(IsAtEnd && open == 0))
        {
            // A bracket that is never closed takes the scan to the end of the file with brackets open: known at once,
            // so a file of unclosed nested constructs is not scanned to its end once per line (quadratic).
            if (IsAtEnd || NeverClosed(position) || (open > 0 && tokens[position - 1].Type == TokenType.NewLine && LooksLikeStatementStart(resourcesAllowed)))
            {
                // Brackets left open (a syntax error the enclosing brackets report): back to the start, and let error
                // recovery skip the line as it does any broken construct, so the statements that follow are still read.
                position = startPosition;
                CountTooDeep(file.Span(start, 0));
                throw new ParseException(Diagnostic(file.Span(start, 0), SyntaxError.NestingTooDeep(0)), silent: true);
            }

            open += BracketChange(Peek().Type);

            end = Read().End;
        }

        var span = file.Span(start, end - start);
        CountTooDeep(span);
        return span;
    }

    /// <summary>Whether the token at <paramref name="index"/> opens a bracket (or string interpolation) that no later token closes.</summary>
    private bool NeverClosed(int index)
    {
        if (neverClosed is null)
        {
            // One pass, counting every kind alike as the skip loop does: an opener left on the stack is never closed.
            neverClosed = new bool[tokens.Length];
            var openers = new Stack<int>();
            for (int i = 0; i < tokens.Length; i++)
            {
                int change = BracketChange(tokens[i].Type);
                if (change > 0)
                {
                    openers.Push(i);
                }
                else if (change < 0 && openers.Count > 0)
                {
                    openers.Pop();
                }
            }

            foreach (int i in openers)
            {
                neverClosed[i] = true;
            }
        }

        return index < neverClosed.Length && neverClosed[index];
    }

    /// <summary>+1 for a token that opens a bracket or string interpolation, -1 for one that closes it, else 0 (every kind alike).</summary>
    private static int BracketChange(TokenType type) => type switch
    {
        TokenType.LeftParen or TokenType.LeftSquare or TokenType.LeftBrace or TokenType.StringLeftPiece or TokenType.MultilineStringLeftPiece => 1,
        TokenType.RightParen or TokenType.RightSquare or TokenType.RightBrace or TokenType.StringRightPiece or TokenType.MultilineStringRightPiece => -1,
        _ => 0,
    };

    private void CountTooDeep(SourceSpan span)
    {
        if (tooDeepCount++ == 0)
        {
            firstTooDeep = span;
        }
    }

    /// <summary>Whether a token at bracket depth <paramref name="open"/> (relative to the skipped construct) ends it.</summary>
    private bool EndsTooDeepConstruct(TokenType type, int open, ref int questions)
    {
        if (open > 0)
        {
            return false;
        }

        switch (type)
        {
            case TokenType.RightParen:
            case TokenType.RightSquare:
            case TokenType.RightBrace:
            case TokenType.StringRightPiece:
            case TokenType.MultilineStringRightPiece:
            case TokenType.StringMiddlePiece:
            case TokenType.MultilineStringMiddlePiece:
            case TokenType.Comma:
            case TokenType.NewLine:
                return true;
            case TokenType.Question:
                // A ternary's '?' pairs with the next ':'; the '?' of a safe access (a.?b, a[?0]) follows '.' or '['.
                var before = position > 0 ? tokens[position - 1].Type : TokenType.NewLine;
                questions += before == TokenType.Dot || before == TokenType.LeftSquare ? 0 : 1;
                return false;
            case TokenType.Colon:
                // A ':' of the skipped construct's own ternary, or the one after it (a loop's source, a ternary branch).
                return questions-- == 0;
            default:
                return false;
        }
    }

    /// <summary>One note for the file, at the first construct nested too deeply, counting the others.</summary>
    private void ReportTooDeep()
    {
        if (tooDeepCount > 0)
        {
            var note = SyntaxError.NestingTooDeep(tooDeepCount - 1);
            diagnostics.Add(new SyntaxDiagnostic(note.Code, note.Message, file.Span(firstTooDeep.Start, Math.Min(firstTooDeep.Length, 1)), isNote: true));
        }
    }

    /// <summary>
    /// True at a line that starts a top-level statement (<c>param x</c>, <c>var y</c>, ...) while inside brackets:
    /// no object key, array item or argument looks like that, so the brackets were left unclosed and the statement
    /// should be parsed as a statement rather than swallowed.
    /// </summary>
    private bool LooksLikeStatementStart(bool resourcesAllowed)
    {
        // Only at the very start of a line: statements are not indented, nested content is, and an indented
        // "var x = 1" inside an object should be reported where Bicep reports it.
        var token = Peek();
        if (token.Type != TokenType.Identifier || position == 0 || tokens[position - 1].Type != TokenType.NewLine
            || tokens[position - 1].End != token.Start)
        {
            return false;
        }

        var next = PeekAhead(1);
        if (IsKeyword(token, "targetScope"))
        {
            return next.Type == TokenType.Assignment;
        }

        if (IsKeyword(token, "resource"))
        {
            return !resourcesAllowed && next.Type == TokenType.Identifier;
        }

        if (IsKeyword(token, "import"))
        {
            return next.Type == TokenType.LeftBrace || next.Type == TokenType.Asterisk;
        }

        return next.Type == TokenType.Identifier
            && (IsKeyword(token, "param") || IsKeyword(token, "var") || IsKeyword(token, "output") || IsKeyword(token, "module")
                || IsKeyword(token, "type") || IsKeyword(token, "func") || IsKeyword(token, "metadata") || IsKeyword(token, "assert"));
    }

    /// <summary>The elements of an array, object, object type or tuple type: separated by newlines or by commas, not both.</summary>
    private List<TNode> BracketElements<TNode>(TokenType closing, Func<TNode> parseElement, bool resourcesAllowed, out bool stoppedAtStatement)
    {
        var items = new List<TNode>();
        stoppedAtStatement = false;
        if (Check(closing))
        {
            return items;
        }

        SkipNewLines();
        bool expectElement = true;
        while (!IsAtEnd && Peek().Type != closing)
        {
            if (!expectElement)
            {
                if (Check(TokenType.NewLine))
                {
                    SkipNewLines();
                }
                else if (Check(TokenType.Comma))
                {
                    Read();
                    if (Check(TokenType.NewLine))
                    {
                        // A common slip when turning a one-line list into a multi-line one.
                        ReportAtCurrent(SyntaxError.UnexpectedNewLineAfterCommaSeparator());
                        Read();
                    }
                }
                else
                {
                    ReportAtCurrent(SyntaxError.ExpectedNewLineOrCommaSeparator());
                }

                expectElement = true;
                continue;
            }

            if (LooksLikeStatementStart(resourcesAllowed))
            {
                stoppedAtStatement = true;
                break;
            }

            items.Add(parseElement());
            expectElement = false;
        }

        return items;
    }

    /// <summary>Function arguments and type arguments: separated by commas, newlines allowed around them.</summary>
    private List<TNode> ArgumentElements<TNode>(TokenType closing, string closingText, Func<TNode> parseElement)
    {
        var items = new List<TNode>();
        if (Check(closing))
        {
            return items;
        }

        SkipNewLines();
        bool expectElement = true;
        while (!IsAtEnd && Peek().Type != closing)
        {
            if (!expectElement)
            {
                if (Check(TokenType.NewLine))
                {
                    var next = PeekSkippingNewLines();
                    if (next.Type == TokenType.EndOfFile)
                    {
                        ReportAtCurrent(SyntaxError.ExpectedCharacter(closingText));
                        SkipNewLines();
                        break;
                    }

                    if (next.Type != closing)
                    {
                        if (StatementFollowsNewLines())
                        {
                            // Unclosed call followed by the next statement: stop here so that it still parses.
                            ReportAtCurrent(SyntaxError.ExpectedCharacter(closingText));
                            break;
                        }

                        ReportAtCurrent(SyntaxError.ExpectedCommaSeparator());
                    }

                    SkipNewLines();
                }
                else if (Check(TokenType.Comma))
                {
                    Read();
                    SkipNewLines();
                    if (Check(closing))
                    {
                        // Trailing commas are not allowed; parsing an element here reports it.
                        items.Add(parseElement());
                    }
                }
                else
                {
                    ReportAtCurrent(SyntaxError.ExpectedNewLineOrCommaSeparator());
                }

                expectElement = true;
                continue;
            }

            items.Add(parseElement());
            expectElement = false;
        }

        return items;
    }

    /// <summary>What a parenthesized list held besides its items.</summary>
    private struct ParenthesizedListShape
    {
        public int Commas;
        public bool HasNewLines;
        public bool Closed;
        public int ContentStart;
        public int ContentEnd;
    }

    /// <summary>A parenthesized, comma-separated list: a value in parentheses, a lambda's parameters, a loop's <c>(item, index)</c>.</summary>
    private List<TNode> ParenthesizedList<TNode>(Func<TNode> parseItem, Func<SourceSpan, TNode> skipped, bool permitNewLines, out ParenthesizedListShape shape)
        where TNode : SyntaxNode
    {
        Expect(TokenType.LeftParen, SyntaxError.ExpectedCharacter("("));
        var items = new List<TNode>();
        shape = new ParenthesizedListShape { ContentStart = Peek().Start };
        if (!SkipNewLinesInList(permitNewLines, ref shape))
        {
            return items;
        }

        while (!Check(TokenType.RightParen))
        {
            var item = Recover(parseItem, skipped, RecoveryFlags.None, ParenthesizedItemTerminators);
            items.Add(item);
            if (!SkipNewLinesInList(permitNewLines, ref shape))
            {
                return items;
            }

            if (!Check(TokenType.Comma))
            {
                break;
            }

            Read();
            shape.Commas++;
            if (!SkipNewLinesInList(permitNewLines, ref shape))
            {
                return items;
            }
        }

        shape.ContentEnd = Math.Max(LastEnd, shape.ContentStart);
        var close = RecoverToken(
            TokenType.RightParen,
            SyntaxError.ExpectedCharacter(")"),
            items.Count > 0 ? SuppressAfter(items[items.Count - 1]) : RecoveryFlags.None,
            ParenthesisCloseTerminators);
        shape.Closed = close.Found;
        return items;
    }

    /// <summary>
    /// Skips the newlines allowed inside parentheses; false (with the error reported) when the next line starts a
    /// statement, because then the parenthesis was never closed and the statement must not be swallowed.
    /// </summary>
    private bool SkipNewLinesInList(bool permitNewLines, ref ParenthesizedListShape shape)
    {
        if (!permitNewLines || !Check(TokenType.NewLine))
        {
            return true;
        }

        if (StatementFollowsNewLines())
        {
            ReportAtCurrent(SyntaxError.ExpectedCharacter(")"));
            shape.ContentEnd = Math.Max(LastEnd, shape.ContentStart);
            return false;
        }

        SkipNewLines();
        shape.HasNewLines = true;
        return true;
    }

    private bool StatementFollowsNewLines()
    {
        if (!Check(TokenType.NewLine))
        {
            return false;
        }

        int saved = position;
        SkipNewLines();
        bool statement = LooksLikeStatementStart(resourcesAllowed: false);
        position = saved;
        return statement;
    }

    private static readonly TokenSet ParenthesizedItemTerminators = TokenSet.Of(
        TokenType.StringRightPiece, TokenType.MultilineStringRightPiece, TokenType.RightBrace, TokenType.RightParen, TokenType.RightSquare, TokenType.NewLine, TokenType.Comma);

    private static readonly TokenSet ParenthesisCloseTerminators = TokenSet.Of(
        TokenType.StringRightPiece, TokenType.MultilineStringRightPiece, TokenType.RightBrace, TokenType.RightSquare, TokenType.NewLine);
}
