using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Expressions, with Bicep's precedence: ternary, <c>??</c>, <c>||</c>, <c>&amp;&amp;</c>, equality, relational, additive, multiplicative, unary, postfix.</summary>
internal sealed partial class BicepParser
{
    private static readonly TokenSet TernaryTerminators = TokenSet.Of(
        TokenType.Colon, TokenType.StringRightPiece, TokenType.MultilineStringRightPiece, TokenType.RightBrace, TokenType.RightParen, TokenType.RightSquare, TokenType.NewLine);

    private static readonly TokenSet ArgumentTerminators = TokenSet.Of(TokenType.NewLine, TokenType.Comma, TokenType.RightParen);

    private static readonly TokenSet ObjectElementTerminators = TokenSet.Of(TokenType.NewLine, TokenType.RightBrace);

    private static readonly TokenSet ObjectKeyTerminators = TokenSet.Of(TokenType.Colon, TokenType.NewLine, TokenType.RightBrace);

    private static readonly TokenSet ArrayElementTerminators = TokenSet.Of(TokenType.NewLine, TokenType.RightSquare);

    private static readonly TokenSet LambdaBodyTerminators = TokenSet.Of(TokenType.NewLine, TokenType.RightParen);

    private static readonly TokenSet InterpolationTerminators = TokenSet.Of(
        TokenType.StringMiddlePiece, TokenType.StringRightPiece, TokenType.MultilineStringMiddlePiece, TokenType.MultilineStringRightPiece, TokenType.NewLine);

    private ExpressionSyntax Expression(ExpressionFlags flags)
    {
        if (!TryEnterNesting())
        {
            return new SkippedSyntax(SkipTooDeep());
        }

        try
        {
            return Ternary(flags);
        }
        finally
        {
            depth--;
        }
    }

    private ExpressionSyntax Ternary(ExpressionFlags flags)
    {
        var condition = Binary(flags, 0);

        // A "?" or ":" may start the next line, so that long conditionals can be wrapped.
        if (PeekSkippingNewLines().Type == TokenType.Question)
        {
            SkipNewLines();
        }

        if (!Check(TokenType.Question))
        {
            return condition;
        }

        Read();
        var whenTrue = RecoverExpression(flags, RecoveryFlags.None, TernaryTerminators);
        if (whenTrue is not SkippedSyntax && PeekSkippingNewLines().Type == TokenType.Colon)
        {
            SkipNewLines();
        }

        var colon = RecoverToken(TokenType.Colon, SyntaxError.ExpectedCharacter(":"), SuppressAfter(whenTrue), ExpressionTerminators);
        var whenFalse = RecoverExpression(flags, SuppressAfter(colon), ExpressionTerminators);
        return new TernarySyntax(SpanFrom(condition.Span.Start), condition, whenTrue, whenFalse);
    }

    private static int Precedence(TokenType type) => type switch
    {
        TokenType.Modulo or TokenType.Asterisk or TokenType.Slash => 100,
        TokenType.Plus or TokenType.Minus => 90,
        TokenType.GreaterThan or TokenType.GreaterThanOrEqual or TokenType.LessThan or TokenType.LessThanOrEqual => 80,
        TokenType.Equals or TokenType.NotEquals or TokenType.EqualsInsensitive or TokenType.NotEqualsInsensitive => 70,
        TokenType.LogicalAnd => 50,
        TokenType.LogicalOr => 40,
        TokenType.DoubleQuestion => 30,
        _ => -1,
    };

    private static BinaryOperator ToBinaryOperator(TokenType type) => type switch
    {
        TokenType.Modulo => BinaryOperator.Modulo,
        TokenType.Asterisk => BinaryOperator.Multiply,
        TokenType.Slash => BinaryOperator.Divide,
        TokenType.Plus => BinaryOperator.Add,
        TokenType.Minus => BinaryOperator.Subtract,
        TokenType.GreaterThan => BinaryOperator.GreaterThan,
        TokenType.GreaterThanOrEqual => BinaryOperator.GreaterThanOrEqual,
        TokenType.LessThan => BinaryOperator.LessThan,
        TokenType.LessThanOrEqual => BinaryOperator.LessThanOrEqual,
        TokenType.Equals => BinaryOperator.Equals,
        TokenType.NotEquals => BinaryOperator.NotEquals,
        TokenType.EqualsInsensitive => BinaryOperator.EqualsInsensitive,
        TokenType.NotEqualsInsensitive => BinaryOperator.NotEqualsInsensitive,
        TokenType.LogicalAnd => BinaryOperator.LogicalAnd,
        TokenType.LogicalOr => BinaryOperator.LogicalOr,
        _ => BinaryOperator.Coalesce,
    };

    /// <summary>Precedence climbing; operators of equal precedence associate to the left.</summary>
    private ExpressionSyntax Binary(ExpressionFlags flags, int minimumPrecedence)
    {
        var left = Unary(flags);
        while (true)
        {
            var operatorToken = Peek();
            int precedence = Precedence(operatorToken.Type);
            if (precedence <= minimumPrecedence)
            {
                return left;
            }

            Read();
            var right = RecoverExpression(static (parser, operand) => parser.Binary(operand.Flags, operand.Precedence), (Flags: flags, Precedence: precedence), RecoveryFlags.None, ExpressionTerminators);
            left = new BinaryOperationSyntax(
                SpanFrom(left.Span.Start), ToBinaryOperator(operatorToken.Type), left, right, TokenSpan(operatorToken));
        }
    }

    private ExpressionSyntax Unary(ExpressionFlags flags)
    {
        var token = Peek();
        if (token.Type != TokenType.Exclamation && token.Type != TokenType.Minus)
        {
            return Member(flags);
        }

        Read();

        // As in Bicep, the operand is a postfix expression, so "--x" and "!!x" are errors.
        var operand = RecoverExpression(static (parser, allowed) => parser.Member(allowed), flags, RecoveryFlags.None, ExpressionTerminators);
        var op = token.Type == TokenType.Exclamation ? UnaryOperator.Not : UnaryOperator.Minus;
        return new UnaryOperationSyntax(SpanFrom(token.Start), op, operand);
    }

    private ExpressionSyntax Member(ExpressionFlags flags)
    {
        var current = Primary(flags);
        int start = current.Span.Start;
        while (true)
        {
            if (Check(TokenType.LeftSquare))
            {
                Read();
                bool safe = Check(TokenType.Question) && Read().Type == TokenType.Question;
                bool fromEnd = Check(TokenType.Hat) && Read().Type == TokenType.Hat;
                ExpressionSyntax index;
                if (Check(TokenType.RightSquare))
                {
                    var empty = file.Span(Peek().Start, 0);
                    Report(empty, SyntaxError.EmptyIndexerNotAllowed());
                    index = new SkippedSyntax(empty);
                }
                else
                {
                    index = Expression(flags);
                }

                Expect(TokenType.RightSquare, SyntaxError.ExpectedCharacter("]"));
                current = new ArrayAccessSyntax(SpanFrom(start), current, index, safe, fromEnd);
                continue;
            }

            if (Check(TokenType.Dot))
            {
                Read();
                bool safe = Check(TokenType.Question) && Read().Type == TokenType.Question;
                var name = IdentifierOrMissing(SyntaxError.ExpectedFunctionOrPropertyName());
                current = Check(TokenType.LeftParen) && !name.IsMissing
                    ? FunctionCall(current, name, start, flags)
                    : new PropertyAccessSyntax(SpanFrom(start), current, name, safe);
                continue;
            }

            if (Check(TokenType.DoubleColon))
            {
                Read();
                var name = IdentifierOrMissing(SyntaxError.ExpectedFunctionOrPropertyName());
                current = new ResourceAccessSyntax(SpanFrom(start), current, name);
                continue;
            }

            if (Check(TokenType.Exclamation))
            {
                Read();
                current = new NonNullAssertionSyntax(SpanFrom(start), current);
                continue;
            }

            return current;
        }
    }

    private ExpressionSyntax Primary(ExpressionFlags flags)
    {
        var token = Peek();
        switch (token.Type)
        {
            case TokenType.Integer:
                return IntegerLiteral();
            case TokenType.TrueKeyword:
            case TokenType.FalseKeyword:
                Read();
                return new BooleanLiteralSyntax(TokenSpan(token), token.Type == TokenType.TrueKeyword);
            case TokenType.NullKeyword:
                Read();
                return new NullLiteralSyntax(TokenSpan(token));
            case TokenType.StringComplete:
            case TokenType.StringLeftPiece:
                return InterpolableString(SyntaxError.UnrecognizedExpression());
            case TokenType.MultilineString:
                return MultilineString();
            case TokenType.MultilineStringLeftPiece:
                return InterpolableString(SyntaxError.UnrecognizedExpression());
            case TokenType.LeftBrace when (flags & ExpressionFlags.AllowComplexLiterals) != 0:
                return ObjectLiteral(flags);
            case TokenType.LeftSquare when (flags & ExpressionFlags.AllowComplexLiterals) != 0:
                return IsKeyword(PeekSkippingNewLines(1), "for") ? ForExpression(flags, resourceOrModule: false) : ArrayLiteral(flags);
            case TokenType.LeftBrace:
            case TokenType.LeftSquare:
                throw Error(token, SyntaxError.ComplexLiteralsNotAllowed());
            case TokenType.LeftParen:
                return ParenthesizedExpressionOrLambda(flags);
            case TokenType.Identifier:
                return FunctionCallOrVariableAccess(flags);
            default:
                throw Error(token, SyntaxError.UnrecognizedExpression());
        }
    }

    private ExpressionSyntax IntegerLiteral()
    {
        var token = Read();
        ulong value = 0;
        for (int i = token.Start; i < token.End; i++)
        {
            ulong digit = (ulong)(text[i] - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                throw Error(token, SyntaxError.InvalidInteger());
            }

            value = (value * 10) + digit;
        }

        return new IntegerLiteralSyntax(TokenSpan(token), value);
    }

    private ExpressionSyntax FunctionCallOrVariableAccess(ExpressionFlags flags)
    {
        var token = Read();
        var name = MakeIdentifier(token);
        if (Check(TokenType.LeftParen))
        {
            return FunctionCall(null, name, token.Start, flags);
        }

        if (Check(TokenType.Arrow))
        {
            return LambdaBody(new[] { name }, token.Start);
        }

        return new VariableAccessSyntax(name.Span, name);
    }

    private FunctionCallSyntax FunctionCall(ExpressionSyntax? baseExpression, IdentifierSyntax name, int start, ExpressionFlags flags)
    {
        int reported = diagnostics.Count;
        Read();
        var arguments = ArgumentElements(
            TokenType.RightParen,
            ")",
            () => RecoverExpression(flags, RecoveryFlags.None, ArgumentTerminators));

        if (Check(TokenType.RightParen))
        {
            Read();
        }
        else if (diagnostics.Count == reported)
        {
            ReportAtCurrent(SyntaxError.ExpectedCharacter(")"));
        }

        return new FunctionCallSyntax(SpanFrom(start), baseExpression, name, arguments);
    }

    private ExpressionSyntax LambdaBody(IReadOnlyList<IdentifierSyntax> parameters, int start)
    {
        Read();

        // The body may start on the next line, unless that line starts the next statement.
        if (!IsDeclarationKeyword(PeekSkippingNewLines()))
        {
            SkipNewLines();
        }

        var body = RecoverExpression(ExpressionFlags.AllowComplexLiterals, RecoveryFlags.None, LambdaBodyTerminators);
        return new LambdaSyntax(SpanFrom(start), parameters, body);
    }

    private ExpressionSyntax ParenthesizedExpressionOrLambda(ExpressionFlags flags)
    {
        int start = Peek().Start;
        var items = ParenthesizedList(() => Expression(flags), span => (ExpressionSyntax)new SkippedSyntax(span), permitNewLines: true, out var list);
        if (Check(TokenType.Arrow))
        {
            var parameters = new List<IdentifierSyntax>(items.Count);
            foreach (var item in items)
            {
                if (item is VariableAccessSyntax variable)
                {
                    parameters.Add(variable.Name);
                    continue;
                }

                if (item is not SkippedSyntax)
                {
                    Report(item.Span, SyntaxError.ExpectedVariableIdentifier());
                }

                parameters.Add(MissingIdentifier(item.Span));
            }

            return LambdaBody(parameters, start);
        }

        var inner = SingleParenthesizedItem(items, list, start, span => new SkippedSyntax(span));
        return new ParenthesizedExpressionSyntax(SpanFrom(start), inner);
    }

    /// <summary>Parentheses around a value hold exactly one expression, on the same line as the parentheses (as in Bicep).</summary>
    private TNode SingleParenthesizedItem<TNode>(List<TNode> items, ParenthesizedListShape list, int openStart, System.Func<SourceSpan, TNode> skipped)
        where TNode : SyntaxNode
    {
        if (items.Count == 1 && list.Commas == 0 && !list.HasNewLines)
        {
            return items[0];
        }

        if (items.Count == 0 && !list.HasNewLines)
        {
            var span = file.Span(openStart + 1, 0);
            Report(span, SyntaxError.ParenthesesMustHaveExactlyOneItem());
            return skipped(span);
        }

        var all = file.Span(list.ContentStart, list.ContentEnd - list.ContentStart);
        Report(all, SyntaxError.ParenthesesMustHaveExactlyOneItem());
        return skipped(all);
    }

    private ExpressionSyntax ParenthesizedExpression(ExpressionFlags flags)
    {
        int start = Peek().Start;
        var items = ParenthesizedList(() => Expression(flags), span => (ExpressionSyntax)new SkippedSyntax(span), permitNewLines: true, out var list);
        var inner = SingleParenthesizedItem(items, list, start, span => new SkippedSyntax(span));
        return new ParenthesizedExpressionSyntax(SpanFrom(start), inner);
    }

    /// <summary>A single-quoted string, possibly interpolated; <paramref name="notAString"/> is the error when there is none.</summary>
    private ExpressionSyntax InterpolableString(SyntaxError notAString)
    {
        var first = Peek();
        if (first.Type == TokenType.StringComplete)
        {
            Read();
            var value = StringDecoder.TryGetSegmentValue(text, first);

            // A malformed string token already has a lexical error.
            return value is null
                ? new SkippedSyntax(TokenSpan(first))
                : new StringSyntax(TokenSpan(first), new[] { value }, System.Array.Empty<ExpressionSyntax>(), isMultiline: false);
        }

        bool multiline = first.Type == TokenType.MultilineStringLeftPiece;
        if (first.Type != TokenType.StringLeftPiece && !multiline)
        {
            throw Error(first, notAString);
        }

        var middle = multiline ? TokenType.MultilineStringMiddlePiece : TokenType.StringMiddlePiece;
        var right = multiline ? TokenType.MultilineStringRightPiece : TokenType.StringRightPiece;
        int dollars = 0;
        while (multiline && text[first.Start + dollars] == '$')
        {
            dollars++;
        }

        Read();
        var segments = new List<string>();
        var expressions = new List<ExpressionSyntax>();
        bool malformed = false;
        AddSegment(first);
        while (true)
        {
            int holeStart = Peek().Start;
            var expression = RecoverExpression(ExpressionFlags.None, RecoveryFlags.None, InterpolationTerminators);
            if (!Check(middle) && !Check(right) && !Check(TokenType.NewLine) && !IsAtEnd)
            {
                int skipStart = position;
                var skipped = Synchronize(skipStart, RecoveryFlags.None, InterpolationTerminators);
                Report(skipped, SyntaxError.UnexpectedTokensInInterpolation());
                expression = new SkippedSyntax(SpanFrom(holeStart));
            }

            expressions.Add(expression);
            if (!Check(middle) && !Check(right))
            {
                // The string ended at a newline or the end of the file (a lexical error says so).
                return new SkippedSyntax(SpanFrom(first.Start));
            }

            var piece = Read();
            AddSegment(piece);
            if (piece.Type == right)
            {
                break;
            }
        }

        var span = SpanFrom(first.Start);
        return malformed ? new SkippedSyntax(span) : new StringSyntax(span, segments, expressions, multiline);

        void AddSegment(Token token)
        {
            var value = multiline ? StringDecoder.TryGetMultilineSegmentValue(text, token, dollars) : StringDecoder.TryGetSegmentValue(text, token);
            malformed |= value is null;
            segments.Add(value ?? string.Empty);
        }
    }

    /// <summary>A string that must be there (a resource type, a module path); throws <paramref name="error"/> otherwise.</summary>
    private StringSyntax RequiredString(SyntaxError error)
    {
        var start = Peek();
        if (start.Type != TokenType.StringComplete && start.Type != TokenType.StringLeftPiece)
        {
            // Like Bicep, give up on the rest of the line: what follows a missing path or type is rarely meaningful.
            Synchronize(position, RecoveryFlags.None, NewLineOnly);
            throw Error(start, error);
        }

        if (InterpolableString(error) is StringSyntax result)
        {
            return result;
        }

        throw Error(start, error);
    }

    private ExpressionSyntax MultilineString()
    {
        var token = Read();
        var value = StringDecoder.TryGetMultilineValue(text, token);
        return value is null
            ? new SkippedSyntax(TokenSpan(token))
            : new StringSyntax(TokenSpan(token), new[] { value }, System.Array.Empty<ExpressionSyntax>(), isMultiline: true);
    }

    /// <summary>Not counted against the nesting limit: its values are expressions, which are.</summary>
    private ObjectSyntax ObjectLiteral(ExpressionFlags flags)
    {
        int start = Expect(TokenType.LeftBrace, SyntaxError.ExpectedCharacter("{")).Start;
        bool resources = (flags & ExpressionFlags.AllowResourceDeclarations) != 0;
        var elements = BracketElements(TokenType.RightBrace, () => ObjectElement(flags), resources, out bool stopped);
        CloseBracket(TokenType.RightBrace, "}", stopped);

        var items = new List<SyntaxNode>(elements.Count);
        foreach (var element in elements)
        {
            if (element is not SkippedSyntax)
            {
                items.Add(element);
            }
        }

        var result = new ObjectSyntax(SpanFrom(start), items);
        ReportDuplicateProperties(result);
        return result;
    }

    /// <summary>
    /// Reads the closing bracket. When the brackets were cut short at the next statement, the error is reported and
    /// the node kept; otherwise a missing bracket fails the whole construct, as in Bicep.
    /// </summary>
    private void CloseBracket(TokenType closing, string closingText, bool stoppedAtStatement)
    {
        if (Check(closing))
        {
            Read();
            return;
        }

        if (stoppedAtStatement)
        {
            ReportAtCurrent(SyntaxError.ExpectedCharacter(closingText));
            return;
        }

        throw Error(Peek(), SyntaxError.ExpectedCharacter(closingText));
    }

    private void ReportDuplicateProperties(ObjectSyntax result)
    {
        var properties = result.Properties;
        if (properties.Count < 2)
        {
            return;
        }

        // As the compiler: only keys equal in case are duplicates ({ Env: 'a', env: 'b' } compiles).
        var seen = new Dictionary<string, ObjectPropertySyntax>(System.StringComparer.Ordinal);
        var reported = new HashSet<ObjectPropertySyntax>();
        foreach (var property in properties)
        {
            var key = property.KeyName;
            if (key is null)
            {
                continue;
            }

            if (!seen.TryGetValue(key, out var first))
            {
                seen.Add(key, property);
                continue;
            }

            if (reported.Add(first))
            {
                Report(first.Key.Span, SyntaxError.DuplicateProperty(key));
            }

            reported.Add(property);
            Report(property.Key.Span, SyntaxError.DuplicateProperty(key));
        }
    }

    private SyntaxNode ObjectElement(ExpressionFlags flags) => Recover<ExpressionFlags, SyntaxNode>(
        static (parser, allowed) => parser.ObjectElementBody(allowed),
        flags,
        span => new SkippedSyntax(span),
        RecoveryFlags.None,
        ObjectElementTerminators);

    private SyntaxNode ObjectElementBody(ExpressionFlags flags)
    {
        // In a resource body, "resource name ..." and decorators start a nested resource; "resource: x" stays a property.
        if ((flags & ExpressionFlags.AllowResourceDeclarations) != 0
            && (Check(TokenType.At) || (CheckKeyword("resource") && PeekAhead(1).Type == TokenType.Identifier)))
        {
            return NestedResourceCounted();
        }

        int start = Peek().Start;
        if (Check(TokenType.Ellipsis))
        {
            return Spread(ObjectElementTerminators);
        }

        var key = Recover(static (parser, _) => parser.ObjectKey(), false, span => new SkippedSyntax(span), RecoveryFlags.None, ObjectKeyTerminators);
        var colon = RecoverToken(TokenType.Colon, SyntaxError.ExpectedCharacter(":"), SuppressAfter(key), ObjectElementTerminators);
        var value = RecoverExpression(ExpressionFlags.AllowComplexLiterals, SuppressAfter(colon), ObjectElementTerminators);
        return new ObjectPropertySyntax(SpanFrom(start).Cover(key.Span), key, value);
    }

    /// <summary>A resource inside a resource body: one level of nesting, like an expression.</summary>
    private SyntaxNode NestedResourceCounted()
    {
        if (!TryEnterNesting())
        {
            return new SkippedSyntax(SkipTooDeep(resourcesAllowed: true));
        }

        try
        {
            return NestedResource();
        }
        finally
        {
            depth--;
        }
    }

    private SyntaxNode ObjectKey()
    {
        var token = Peek();
        switch (token.Type)
        {
            case TokenType.Identifier:
                return MakeIdentifier(Read());
            case TokenType.StringComplete:
            case TokenType.StringLeftPiece:
                return RequiredString(SyntaxError.ExpectedPropertyName());
            default:
                throw Error(token, SyntaxError.ExpectedPropertyName());
        }
    }

    private SpreadSyntax Spread(TokenSet terminators)
    {
        int start = Read().Start;
        var expression = RecoverExpression(ExpressionFlags.AllowComplexLiterals, RecoveryFlags.None, terminators);
        return new SpreadSyntax(SpanFrom(start), expression);
    }

    /// <summary>Not counted against the nesting limit: its items are expressions, which are.</summary>
    private ArraySyntax ArrayLiteral(ExpressionFlags flags)
    {
        int start = Read().Start;
        var items = BracketElements(TokenType.RightSquare, ArrayElement, resourcesAllowed: false, out bool stopped);
        CloseBracket(TokenType.RightSquare, "]", stopped);
        return new ArraySyntax(SpanFrom(start), items);
    }

    private static readonly TokenSet ArraySpreadTerminators = TokenSet.Of(TokenType.Comma, TokenType.NewLine, TokenType.RightSquare);

    private ExpressionSyntax ArrayElement() => RecoverExpression(
        () => Check(TokenType.Ellipsis) ? Spread(ArraySpreadTerminators) : Expression(ExpressionFlags.AllowComplexLiterals),
        RecoveryFlags.None,
        ArrayElementTerminators);
}
