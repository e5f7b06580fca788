using System.Collections.Generic;

namespace CmkLint.Bicep.Syntax;

/// <summary>Type expressions: names, literals, unions, object and tuple types, arrays, nullability, parameterized types.</summary>
internal sealed partial class BicepParser
{
    private static readonly TokenSet ResourceTypeTerminators = TokenSet.Of(TokenType.Assignment, TokenType.NewLine);

    private static readonly TokenSet UnionMemberTerminators = TokenSet.Of(
        TokenType.NewLine, TokenType.RightBrace, TokenType.RightParen, TokenType.RightSquare, TokenType.Comma, TokenType.Assignment, TokenType.GreaterThan);

    private static readonly TokenSet TypeArgumentTerminators = TokenSet.Of(TokenType.NewLine, TokenType.Comma, TokenType.GreaterThan);

    private static readonly TokenSet TupleItemTerminators = TokenSet.Of(TokenType.NewLine, TokenType.RightSquare);

    /// <summary>A declared type; <c>resource 'Type@version'</c> is allowed here (the string is optional on outputs).</summary>
    private TypeSyntax DeclaredType(bool allowOptionalResourceType)
    {
        if (!CheckKeyword("resource") || PeekAhead(1).Type == TokenType.LessThan)
        {
            return TypeExpression();
        }

        int start = Read().Start;
        if (allowOptionalResourceType && !Check(TokenType.StringComplete) && !Check(TokenType.StringLeftPiece))
        {
            return new ResourceTypeSyntax(SpanFrom(start), null);
        }

        var typeString = Recover<SyntaxNode>(
            () => RequiredString(SyntaxError.ExpectedResourceTypeString()),
            span => new SkippedSyntax(span),
            RecoveryFlags.None,
            ResourceTypeTerminators);
        return new ResourceTypeSyntax(SpanFrom(start), typeString as StringSyntax);
    }

    private TypeSyntax TypeExpression()
    {
        if (!TryEnterNesting())
        {
            return new SkippedTypeSyntax(SkipTooDeep());
        }

        try
        {
            int start = Peek().Start;
            List<TypeSyntax>? members = null;
            if (HasUnionSeparator())
            {
                // A union may start with "|", so that each member can sit on its own line.
                SkipNewLines();
                Read();
                members = new List<TypeSyntax>();
            }

            var first = UnaryType();
            if (members is null && !HasUnionSeparator())
            {
                return first;
            }

            members ??= new List<TypeSyntax>();
            members.Add(first);
            while (HasUnionSeparator())
            {
                SkipNewLines();
                Read();
                if (Check(TokenType.NewLine))
                {
                    ReportAtCurrent(SyntaxError.ExpectedTypeLiteral());
                    members.Add(new SkippedTypeSyntax(EmptySpanHere()));
                    continue;
                }

                members.Add(RecoverType(UnaryType, RecoveryFlags.None, UnionMemberTerminators));
            }

            return new UnionTypeSyntax(SpanFrom(start), members);
        }
        finally
        {
            depth--;
        }
    }

    private bool HasUnionSeparator() =>
        Check(TokenType.Pipe) || (Check(TokenType.NewLine) && PeekAhead(1).Type == TokenType.Pipe);

    private TypeSyntax UnaryType()
    {
        int start = Peek().Start;
        var type = UnaryTypeBase();
        while (true)
        {
            if (Check(TokenType.Question))
            {
                Read();
                type = new NullableTypeSyntax(SpanFrom(start), type);
            }
            else if (Check(TokenType.Exclamation))
            {
                Read();
                type = new NonNullableTypeSyntax(SpanFrom(start), type);
            }
            else
            {
                return type;
            }
        }
    }

    private TypeSyntax UnaryTypeBase()
    {
        var token = Peek();
        if (token.Type != TokenType.Minus && token.Type != TokenType.Exclamation)
        {
            return MemberType();
        }

        Read();
        var operand = RecoverType(MemberType, RecoveryFlags.None, ExpressionTerminators);
        var span = SpanFrom(token.Start);
        if (operand is LiteralTypeSyntax literal)
        {
            var op = token.Type == TokenType.Minus ? UnaryOperator.Minus : UnaryOperator.Not;
            return new LiteralTypeSyntax(span, new UnaryOperationSyntax(span, op, literal.Literal));
        }

        if (operand is not SkippedTypeSyntax)
        {
            Report(operand.Span, SyntaxError.ExpectedTypeLiteral());
        }

        return new SkippedTypeSyntax(span);
    }

    private TypeSyntax MemberType()
    {
        int start = Peek().Start;
        var current = PrimaryType();
        while (true)
        {
            if (Check(TokenType.LeftSquare))
            {
                Read();
                if (Check(TokenType.RightSquare))
                {
                    Read();
                    current = new ArrayTypeSyntax(SpanFrom(start), current);
                }
                else if (Check(TokenType.Asterisk))
                {
                    Read();
                    Expect(TokenType.RightSquare, SyntaxError.ExpectedCharacter("]"));
                    current = new TypeItemsAccessSyntax(SpanFrom(start), current);
                }
                else
                {
                    var index = Expression(ExpressionFlags.None);
                    Expect(TokenType.RightSquare, SyntaxError.ExpectedCharacter("]"));
                    current = new TypeArrayAccessSyntax(SpanFrom(start), current, index);
                }

                continue;
            }

            if (Check(TokenType.Dot))
            {
                Read();
                if (Check(TokenType.Asterisk))
                {
                    Read();
                    current = new TypeAdditionalPropertiesAccessSyntax(SpanFrom(start), current);
                    continue;
                }

                var name = IdentifierOrMissing(SyntaxError.ExpectedFunctionOrPropertyName());
                current = Check(TokenType.LessThan) && !name.IsMissing
                    ? ParameterizedType(current, name, start)
                    : new TypePropertyAccessSyntax(SpanFrom(start), current, name);
                continue;
            }

            return current;
        }
    }

    private TypeSyntax PrimaryType()
    {
        var token = Peek();
        switch (token.Type)
        {
            case TokenType.Integer:
            case TokenType.TrueKeyword:
            case TokenType.FalseKeyword:
            case TokenType.NullKeyword:
                {
                    var literal = Primary(ExpressionFlags.None);
                    return new LiteralTypeSyntax(literal.Span, literal);
                }

            case TokenType.StringComplete:
            case TokenType.StringLeftPiece:
            case TokenType.MultilineString:
            case TokenType.MultilineStringLeftPiece:
                {
                    var literal = token.Type == TokenType.MultilineString ? MultilineString() : InterpolableString(SyntaxError.UnrecognizedTypeExpression());
                    return literal is SkippedSyntax ? new SkippedTypeSyntax(literal.Span) : new LiteralTypeSyntax(literal.Span, literal);
                }

            case TokenType.LeftBrace:
                return ObjectType();
            case TokenType.LeftSquare:
                return TupleType();
            case TokenType.LeftParen:
                {
                    var items = ParenthesizedList(TypeExpression, span => (TypeSyntax)new SkippedTypeSyntax(span), permitNewLines: false, out var list);
                    var inner = SingleParenthesizedItem(items, list, token.Start, span => new SkippedTypeSyntax(span));
                    return new ParenthesizedTypeSyntax(SpanFrom(token.Start), inner);
                }

            case TokenType.Identifier:
                {
                    var name = MakeIdentifier(Read());
                    return Check(TokenType.LessThan) ? ParameterizedType(null, name, token.Start) : new TypeVariableAccessSyntax(name.Span, name);
                }

            default:
                throw Error(token, SyntaxError.UnrecognizedTypeExpression());
        }
    }

    private TypeSyntax ParameterizedType(TypeSyntax? baseExpression, IdentifierSyntax name, int start)
    {
        int reported = diagnostics.Count;
        Read();
        var arguments = ArgumentElements(
            TokenType.GreaterThan,
            ">",
            () => RecoverType(TypeExpression, RecoveryFlags.None, TypeArgumentTerminators));
        if (Check(TokenType.GreaterThan))
        {
            Read();
        }
        else if (diagnostics.Count == reported)
        {
            ReportAtCurrent(SyntaxError.ExpectedCharacter(">"));
        }

        return new ParameterizedTypeSyntax(SpanFrom(start), baseExpression, name, arguments);
    }

    private TypeSyntax ObjectType()
    {
        int start = Read().Start;
        var elements = BracketElements(TokenType.RightBrace, ObjectTypeElement, resourcesAllowed: false, out bool stopped);
        CloseBracket(TokenType.RightBrace, "}", stopped);

        var properties = new List<ObjectTypePropertySyntax>();
        ObjectTypeAdditionalPropertiesSyntax? additional = null;
        foreach (var element in elements)
        {
            if (element is ObjectTypePropertySyntax property)
            {
                properties.Add(property);
            }
            else if (element is ObjectTypeAdditionalPropertiesSyntax star)
            {
                additional ??= star;
            }
        }

        return new ObjectTypeSyntax(SpanFrom(start), properties, additional);
    }

    private SyntaxNode ObjectTypeElement() => Recover<SyntaxNode>(
        () =>
        {
            int start = Peek().Start;
            var decorators = Decorators();
            var keyToken = Peek();
            var key = Recover(ObjectTypeKey, span => new SkippedSyntax(span), RecoveryFlags.None, ObjectKeyTerminators);
            var colon = RecoverToken(TokenType.Colon, SyntaxError.ExpectedCharacter(":"), SuppressAfter(key), ObjectElementTerminators);
            var value = RecoverType(TypeExpression, SuppressAfter(colon), ObjectElementTerminators);
            if (keyToken.Type == TokenType.Asterisk && key is SkippedSyntax { Span.Length: 1 })
            {
                return new ObjectTypeAdditionalPropertiesSyntax(SpanFrom(start), decorators, value);
            }

            return new ObjectTypePropertySyntax(SpanFrom(start).Cover(key.Span), decorators, key, value);
        },
        span => new SkippedTypeSyntax(span),
        RecoveryFlags.None,
        ObjectElementTerminators);

    private SyntaxNode ObjectTypeKey()
    {
        var token = Peek();
        switch (token.Type)
        {
            case TokenType.Identifier:
                return MakeIdentifier(Read());
            case TokenType.StringComplete:
            case TokenType.StringLeftPiece:
                return RequiredString(SyntaxError.ExpectedPropertyName());
            case TokenType.Asterisk:
                // The additional-properties marker; the caller recognises it by its one-character placeholder.
                Read();
                return new SkippedSyntax(TokenSpan(token));
            default:
                throw Error(token, SyntaxError.ExpectedPropertyName());
        }
    }

    private TypeSyntax TupleType()
    {
        int start = Read().Start;
        var elements = BracketElements(
            TokenType.RightSquare,
            () => Recover<SyntaxNode>(
                () =>
                {
                    int itemStart = Peek().Start;
                    var decorators = Decorators();
                    var value = TypeExpression();
                    return new TupleTypeItemSyntax(SpanFrom(itemStart), decorators, value);
                },
                span => new SkippedTypeSyntax(span),
                RecoveryFlags.None,
                TupleItemTerminators),
            resourcesAllowed: false,
            out bool stopped);
        CloseBracket(TokenType.RightSquare, "]", stopped);

        var items = new List<TupleTypeItemSyntax>(elements.Count);
        foreach (var element in elements)
        {
            if (element is TupleTypeItemSyntax item)
            {
                items.Add(item);
            }
        }

        return new TupleTypeSyntax(SpanFrom(start), items);
    }
}
