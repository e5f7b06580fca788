using System;
using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The program and its statements.</summary>
internal sealed partial class BicepParser
{
    private const ExpressionFlags ResourceBodyFlags = ExpressionFlags.AllowComplexLiterals | ExpressionFlags.AllowResourceDeclarations;

    private static readonly TokenSet NameThenTypeTerminators = TokenSet.Of(TokenType.Identifier, TokenType.NewLine);

    private static readonly TokenSet NameThenAssignmentTerminators = TokenSet.Of(TokenType.Assignment, TokenType.NewLine);

    private static readonly TokenSet NameThenStringTerminators = TokenSet.Of(TokenType.StringComplete, TokenType.StringLeftPiece, TokenType.NewLine);

    private static readonly TokenSet ParameterTypeTerminators = TokenSet.Of(TokenType.Assignment, TokenType.LeftBrace, TokenType.NewLine);

    private static readonly TokenSet BodyAssignmentTerminators = TokenSet.Of(TokenType.LeftBrace, TokenType.NewLine);

    private static readonly TokenSet ImportAliasTerminators = TokenSet.Of(TokenType.Comma, TokenType.NewLine);

    private static readonly IReadOnlyList<DecoratorSyntax> NoDecorators = System.Array.Empty<DecoratorSyntax>();

    private ProgramSyntax Program()
    {
        var statements = new List<StatementSyntax>();
        while (!IsAtEnd)
        {
            int before = position;
            var statement = Statement();
            if (statement is not null)
            {
                statements.Add(statement);
                EndOfStatement();
            }

            if (position == before)
            {
                // Cannot happen by construction; guarantees termination whatever the input.
                Read();
            }
        }

        ReportDuplicateTargetScopes(statements);
        return new ProgramSyntax(file.Span(0, text.Length), statements);
    }

    private void EndOfStatement()
    {
        if (IsAtEnd)
        {
            return;
        }

        if (Check(TokenType.NewLine))
        {
            Read();
            return;
        }

        // A statement cut short by recovery may already have stopped at the start of the next line.
        if (position > 0 && tokens[position - 1].Type == TokenType.NewLine)
        {
            return;
        }

        Report(ErrorSpan(Peek()), SyntaxError.ExpectedNewLine());
        Synchronize(position, RecoveryFlags.ConsumeTerminator, NewLineOnly);
    }

    private void ReportDuplicateTargetScopes(List<StatementSyntax> statements)
    {
        int count = 0;
        foreach (var statement in statements)
        {
            count += statement is TargetScopeSyntax ? 1 : 0;
        }

        if (count < 2)
        {
            return;
        }

        foreach (var statement in statements)
        {
            if (statement is TargetScopeSyntax targetScope)
            {
                Report(targetScope.KeywordSpan, SyntaxError.TargetScopeMultipleDeclarations());
            }
        }
    }

    /// <summary>One statement, or null for an empty line or a line that was skipped with an error.</summary>
    private StatementSyntax? Statement()
    {
        var token = Peek();
        if (token.Type == TokenType.NewLine)
        {
            Read();
            return null;
        }

        if (token.Type != TokenType.Identifier && token.Type != TokenType.At)
        {
            // The common case for garbage input, handled without the cost of an exception.
            Report(ErrorSpan(token), SyntaxError.UnrecognizedDeclaration());
            Synchronize(position, RecoveryFlags.None, NewLineOnly);
            return null;
        }

        return Recover<StatementSyntax?>(() => DecoratedStatement(nestedResource: false), _ => null, RecoveryFlags.None, NewLineOnly);
    }

    private StatementSyntax NestedResource() => DecoratedStatement(nestedResource: true)!;

    private StatementSyntax DecoratedStatement(bool nestedResource)
    {
        int start = Peek().Start;
        var decorators = Decorators();
        var token = Peek();
        if (nestedResource)
        {
            if (IsKeyword(token, "resource"))
            {
                return ResourceDeclaration(start, decorators);
            }
        }
        else if (token.Type == TokenType.Identifier)
        {
            var statement = kind == BicepFileKind.Parameters ? ParametersFileStatement(token, start, decorators) : TemplateStatement(token, start, decorators);
            if (statement is not null)
            {
                return statement;
            }
        }

        if (decorators.Count > 0)
        {
            var span = SpanFrom(start);
            Report(decorators[decorators.Count - 1].Span, SyntaxError.ExpectedDeclarationAfterDecorator());
            return new MissingDeclarationSyntax(span, decorators, file.Span(token.Start, 0));
        }

        throw Error(token, SyntaxError.UnrecognizedDeclaration());
    }

    private StatementSyntax? TemplateStatement(Token token, int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        switch (RecentStrings.OfThread.Slice(text, token.Start, token.Length))
        {
            case "targetScope":
                return TargetScope(start, decorators);
            case "metadata":
                return MetadataDeclaration(start, decorators);
            case "type":
                return TypeDeclaration(start, decorators);
            case "param":
                return ParameterDeclaration(start, decorators);
            case "var":
                return VariableDeclaration(start, decorators);
            case "func":
                return FunctionDeclaration(start, decorators);
            case "resource":
                return ResourceDeclaration(start, decorators);
            case "output":
                return OutputDeclaration(start, decorators);
            case "module":
                return ModuleDeclaration(start, decorators);
            case "test":
                return TestDeclaration(start, decorators);
            case "import":
                return ImportDeclaration(start, decorators);
            case "extension":
            case "provider":
                return ExtensionDeclaration(start, decorators);
            case "assert":
                return AssertDeclaration(start, decorators);
            default:
                return null;
        }
    }

    private StatementSyntax? ParametersFileStatement(Token token, int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        switch (RecentStrings.OfThread.Slice(text, token.Start, token.Length))
        {
            case "using":
                return UsingDeclaration(start, decorators);
            case "extends":
                return ExtendsDeclaration(start, decorators);
            case "param":
                return ParameterAssignment(start, decorators);
            case "var":
                return VariableDeclaration(start, decorators);
            case "import":
                return ImportDeclaration(start, decorators);
            case "type":
                return TypeDeclaration(start, decorators);
            case "func":
                return FunctionDeclaration(start, decorators);
            case "metadata":
                return MetadataDeclaration(start, decorators);
            case "extensionConfig":
                return ExtensionConfigAssignment(start, decorators);
            default:
                return null;
        }
    }

    private IReadOnlyList<DecoratorSyntax> Decorators()
    {
        if (!Check(TokenType.At))
        {
            return NoDecorators;
        }

        var decorators = new List<DecoratorSyntax>();
        while (Check(TokenType.At))
        {
            decorators.Add(Decorator());

            // Every decorator is on a line of its own.
            RecoverToken(TokenType.NewLine, SyntaxError.ExpectedNewLine(), RecoveryFlags.ConsumeTerminator, NewLineOnly);
            SkipNewLines();
        }

        return decorators;
    }

    private DecoratorSyntax Decorator()
    {
        int start = Read().Start;
        var expression = RecoverExpression(
            () =>
            {
                var name = Identifier(SyntaxError.ExpectedNamespaceOrDecoratorName());
                ExpressionSyntax current = Check(TokenType.LeftParen)
                    ? FunctionCall(null, name, name.Span.Start, ExpressionFlags.AllowComplexLiterals)
                    : new VariableAccessSyntax(name.Span, name);
                while (Check(TokenType.Dot))
                {
                    Read();
                    var member = IdentifierOrMissing(SyntaxError.ExpectedFunctionOrPropertyName());
                    current = Check(TokenType.LeftParen) && !member.IsMissing
                        ? FunctionCall(current, member, name.Span.Start, ExpressionFlags.AllowComplexLiterals)
                        : new PropertyAccessSyntax(SpanFrom(name.Span.Start), current, member, isSafe: false);
                }

                return current;
            },
            RecoveryFlags.None,
            NewLineOnly);
        return new DecoratorSyntax(SpanFrom(start), expression);
    }

    private ExpressionSyntax AssignedValue(RecoveryFlags flags) =>
        RecoverExpression(ExpressionFlags.AllowComplexLiterals, flags, NewLineOnly);

    private StatementSyntax TargetScope(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), RecoveryFlags.None, NewLineOnly);
        var value = AssignedValue(SuppressAfter(assignment));
        return new TargetScopeSyntax(SpanFrom(start), decorators, keyword, value);
    }

    private StatementSyntax MetadataDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedMetadataIdentifier(), RecoveryFlags.None, NameThenAssignmentTerminators);
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(name), NewLineOnly);
        var value = AssignedValue(SuppressAfter(assignment));
        return new MetadataDeclarationSyntax(SpanFrom(start), decorators, keyword, name, value);
    }

    private StatementSyntax TypeDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedTypeIdentifier(), RecoveryFlags.None, NameThenAssignmentTerminators);
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(name), NewLineOnly);
        var value = RecoverType(static (parser, optional) => parser.DeclaredType(allowOptionalResourceType: optional), false, SuppressAfter(assignment), ParameterTypeTerminators);
        return new TypeDeclarationSyntax(SpanFrom(start), decorators, keyword, name, value);
    }

    private StatementSyntax ParameterDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedParameterIdentifier(), RecoveryFlags.None, NameThenTypeTerminators);
        var type = RecoverType(static (parser, optional) => parser.DeclaredType(allowOptionalResourceType: optional), false, SuppressAfter(name), ParameterTypeTerminators);
        ExpressionSyntax? defaultValue = null;
        if (Check(TokenType.Assignment))
        {
            Read();
            defaultValue = AssignedValue(RecoveryFlags.None);
        }
        else if (!Check(TokenType.NewLine) && !IsAtEnd)
        {
            if ((SuppressAfter(type) & RecoveryFlags.SuppressDiagnostics) == 0)
            {
                Report(ErrorSpan(Peek()), SyntaxError.ExpectedParameterContinuation());
            }

            Synchronize(position, RecoveryFlags.None, NewLineOnly);
        }

        return new ParameterDeclarationSyntax(SpanFrom(start), decorators, keyword, name, type, defaultValue);
    }

    private StatementSyntax ParameterAssignment(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedParameterIdentifier(), RecoveryFlags.None, NameThenAssignmentTerminators);
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(name), NewLineOnly);
        var value = AssignedValue(SuppressAfter(assignment));
        return new ParameterAssignmentSyntax(SpanFrom(start), decorators, keyword, name, value);
    }

    private StatementSyntax VariableDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedVariableIdentifier(), RecoveryFlags.None, NameThenTypeTerminators);
        TypeSyntax? type = null;
        if (!IsAtEnd && !Check(TokenType.NewLine) && !Check(TokenType.Assignment))
        {
            type = RecoverType(static (parser, optional) => parser.DeclaredType(allowOptionalResourceType: optional), false, SuppressAfter(name), NameThenAssignmentTerminators);
        }

        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter((SyntaxNode?)type ?? name), NewLineOnly);
        var value = AssignedValue(SuppressAfter(assignment));
        return new VariableDeclarationSyntax(SpanFrom(start), decorators, keyword, name, type, value);
    }

    private StatementSyntax OutputDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedOutputIdentifier(), RecoveryFlags.None, NameThenTypeTerminators);
        var type = RecoverType(static (parser, optional) => parser.DeclaredType(allowOptionalResourceType: optional), true, SuppressAfter(name), NameThenAssignmentTerminators);
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(type), NewLineOnly);
        var value = AssignedValue(SuppressAfter(assignment));
        return new OutputDeclarationSyntax(SpanFrom(start), decorators, keyword, name, type, value);
    }

    private StatementSyntax ResourceDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedResourceIdentifier(), RecoveryFlags.None, NameThenStringTerminators);
        var type = Recover<SyntaxNode>(
            () => RequiredString(SyntaxError.ExpectedResourceTypeString()),
            span => new SkippedSyntax(span),
            SuppressAfter(name),
            NameThenAssignmentTerminators);
        bool existing = false;
        if (CheckKeyword("existing"))
        {
            Read();
            existing = true;
        }

        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(type), BodyAssignmentTerminators);
        var value = DeclarationBody(assignment, ResourceBodyFlags);
        return new ResourceDeclarationSyntax(SpanFrom(start), decorators, keyword, name, type, existing, value);
    }

    private StatementSyntax ModuleDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedModuleIdentifier(), RecoveryFlags.None, NameThenStringTerminators);
        var path = Recover<SyntaxNode>(
            () => RequiredString(SyntaxError.ExpectedModulePathString()),
            span => new SkippedSyntax(span),
            SuppressAfter(name),
            NameThenAssignmentTerminators);
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(path), BodyAssignmentTerminators);
        var value = DeclarationBody(assignment, ExpressionFlags.AllowComplexLiterals);
        return new ModuleDeclarationSyntax(SpanFrom(start), decorators, keyword, name, path, value);
    }

    /// <summary>The body of a resource or module: an object, <c>if (...) {...}</c> (possibly on the next line) or a loop.</summary>
    private ExpressionSyntax DeclarationBody(Expected assignment, ExpressionFlags flags)
    {
        if (assignment.Found && IsKeyword(PeekSkippingNewLines(), "if"))
        {
            SkipNewLines();
        }

        return RecoverExpression(
            () =>
            {
                if (CheckKeyword("if"))
                {
                    return IfCondition(flags, insideLoop: false);
                }

                if (Check(TokenType.LeftBrace))
                {
                    return ObjectLiteral(flags);
                }

                if (Check(TokenType.LeftSquare))
                {
                    return ForExpression(flags, resourceOrModule: true);
                }

                throw Error(Peek(), SyntaxError.ExpectedBodyStartOrIfOrLoopStart());
            },
            SuppressAfter(assignment),
            NewLineOnly);
    }

    private StatementSyntax TestDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedTestIdentifier(), RecoveryFlags.None, NameThenStringTerminators);
        var path = Recover<SyntaxNode>(
            () => RequiredString(SyntaxError.ExpectedTestPathString()),
            span => new SkippedSyntax(span),
            SuppressAfter(name),
            NameThenAssignmentTerminators);
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(path), BodyAssignmentTerminators);
        var value = RecoverExpression(
            () => Check(TokenType.LeftBrace) ? ObjectLiteral(ExpressionFlags.AllowComplexLiterals) : throw Error(Peek(), SyntaxError.ExpectedCharacter("{")),
            SuppressAfter(assignment),
            NewLineOnly);
        return new TestDeclarationSyntax(SpanFrom(start), decorators, keyword, name, path, value);
    }

    private StatementSyntax AssertDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedVariableIdentifier(), RecoveryFlags.None, NameThenAssignmentTerminators);
        var assignment = RecoverToken(TokenType.Assignment, SyntaxError.ExpectedCharacter("="), SuppressAfter(name), NewLineOnly);
        var value = AssignedValue(SuppressAfter(assignment));
        return new AssertDeclarationSyntax(SpanFrom(start), decorators, keyword, name, value);
    }

    private StatementSyntax FunctionDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedVariableIdentifier(), RecoveryFlags.None, NameThenAssignmentTerminators);
        if (!Check(TokenType.LeftParen))
        {
            var span = EmptySpanHere();
            if ((SuppressAfter(name) & RecoveryFlags.SuppressDiagnostics) == 0)
            {
                Report(ErrorSpan(Peek()), SyntaxError.ExpectedCharacter("("));
            }

            Synchronize(position, RecoveryFlags.None, NewLineOnly);
            return new FunctionDeclarationSyntax(
                SpanFrom(start), decorators, keyword, name, System.Array.Empty<TypedParameterSyntax>(), new SkippedTypeSyntax(span), new SkippedSyntax(span));
        }

        var parameters = ParenthesizedList(
            TypedParameter,
            span => new TypedParameterSyntax(span, MissingIdentifier(span), new SkippedTypeSyntax(span)),
            permitNewLines: true,
            out _);
        var returnType = RecoverType(static (parser, optional) => parser.DeclaredType(allowOptionalResourceType: optional), false, RecoveryFlags.None, LambdaBodyTerminators);
        var arrow = RecoverToken(TokenType.Arrow, SyntaxError.ExpectedCharacter("=>"), SuppressAfter(returnType), LambdaBodyTerminators);
        if (arrow.Found && !IsDeclarationKeyword(PeekSkippingNewLines()))
        {
            SkipNewLines();
        }

        var body = RecoverExpression(ExpressionFlags.AllowComplexLiterals, SuppressAfter(arrow), LambdaBodyTerminators);
        return new FunctionDeclarationSyntax(SpanFrom(start), decorators, keyword, name, parameters, returnType, body);
    }

    private TypedParameterSyntax TypedParameter()
    {
        int start = Peek().Start;
        var name = IdentifierOrMissing(SyntaxError.ExpectedVariableIdentifier());
        var type = RecoverType(static (parser, optional) => parser.DeclaredType(allowOptionalResourceType: optional), false, SuppressAfter(name), ArgumentTerminators);
        return new TypedParameterSyntax(SpanFrom(start).Cover(name.Span), name, type);
    }

    private StatementSyntax ImportDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keywordToken = Read();
        var keyword = TokenSpan(keywordToken);
        if (Check(TokenType.StringComplete) || Check(TokenType.StringLeftPiece))
        {
            // The older "import 'az@1.0.0' [with {...}] [as alias]" form declares an extension.
            return ExtensionTail(start, decorators, keyword);
        }

        var symbols = new List<ImportedSymbolSyntax>();
        IdentifierSyntax? wildcardAlias = null;
        Expected target;
        if (Check(TokenType.LeftBrace))
        {
            target = Recover(
                () =>
                {
                    ImportedSymbols(symbols);
                    return new Expected(true, SpanFrom(keywordToken.End));
                },
                span => new Expected(false, span),
                RecoveryFlags.None,
                NewLineOnly);
        }
        else if (Check(TokenType.Asterisk))
        {
            int wildcardStart = Read().Start;
            target = RecoverKeyword("as", RecoveryFlags.None, NewLineOnly);
            wildcardAlias = target.Found
                ? IdentifierWithRecovery(SyntaxError.ExpectedAliasName(), RecoveryFlags.None, NewLineOnly)
                : MissingIdentifier(file.Span(wildcardStart, 0));
        }
        else
        {
            var empty = file.Span(Peek().Start, 0);
            Report(ErrorSpan(Peek()), SyntaxError.ExpectedImportTarget());
            if (!Check(TokenType.NewLine) && !Check(TokenType.Identifier) && !IsAtEnd)
            {
                Read();
            }

            target = new Expected(false, empty);
        }

        var path = Recover<SyntaxNode>(
            () =>
            {
                ExpectKeyword("from");
                return RequiredString(SyntaxError.ExpectedModulePathString());
            },
            span => new SkippedSyntax(span),
            SuppressAfter(target),
            NewLineOnly);
        return new ImportDeclarationSyntax(SpanFrom(start), decorators, keyword, symbols, wildcardAlias, path);
    }

    private void ImportedSymbols(List<ImportedSymbolSyntax> symbols)
    {
        Read();
        var items = BracketElements(TokenType.RightBrace, ImportedSymbol, resourcesAllowed: false, out bool stopped);
        CloseBracket(TokenType.RightBrace, "}", stopped);
        foreach (var item in items)
        {
            if (item is not null)
            {
                symbols.Add(item);
            }
        }
    }

    private ImportedSymbolSyntax? ImportedSymbol()
    {
        int start = Peek().Start;
        SyntaxNode original;
        if (Check(TokenType.Identifier))
        {
            original = MakeIdentifier(Read());
        }
        else if (Check(TokenType.StringComplete) || Check(TokenType.StringLeftPiece))
        {
            original = InterpolableString(SyntaxError.ExpectedVariableIdentifier());
        }
        else
        {
            var token = Read();
            Report(ErrorSpan(token), SyntaxError.ExpectedVariableIdentifier());
            return null;
        }

        IdentifierSyntax? alias = null;
        if (CheckKeyword("as"))
        {
            Read();
            alias = IdentifierWithRecovery(SyntaxError.ExpectedAliasName(), RecoveryFlags.None, ImportAliasTerminators);
        }

        return new ImportedSymbolSyntax(SpanFrom(start), original, alias);
    }

    private StatementSyntax ExtensionDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        return ExtensionTail(start, decorators, keyword);
    }

    private StatementSyntax ExtensionTail(int start, IReadOnlyList<DecoratorSyntax> decorators, SourceSpan keyword)
    {
        var specification = Recover<SyntaxNode>(
            () => Check(TokenType.Identifier) ? MakeIdentifier(Read()) : RequiredString(SyntaxError.ExpectedExtensionSpecification()),
            span => new SkippedSyntax(span),
            RecoveryFlags.None,
            NewLineOnly);
        var config = OptionalWithClause();
        IdentifierSyntax? alias = null;
        if (CheckKeyword("as"))
        {
            Read();
            alias = IdentifierWithRecovery(SyntaxError.ExpectedAliasName(), RecoveryFlags.None, NewLineOnly);
        }

        return new ExtensionDeclarationSyntax(SpanFrom(start), decorators, keyword, specification, config, alias);
    }

    private ObjectSyntax? OptionalWithClause()
    {
        if (!CheckKeyword("with"))
        {
            return null;
        }

        Read();
        var config = RecoverExpression(() => ObjectLiteral(ExpressionFlags.AllowComplexLiterals), RecoveryFlags.None, NewLineOnly);
        return config as ObjectSyntax;
    }

    private StatementSyntax UsingDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        SyntaxNode? path = null;
        bool none = false;
        if (CheckKeyword("none"))
        {
            Read();
            none = true;
        }
        else
        {
            path = Recover<SyntaxNode>(() => RequiredString(SyntaxError.ExpectedUsingPath()), span => new SkippedSyntax(span), RecoveryFlags.None, NewLineOnly);
        }

        var config = OptionalWithClause();
        return new UsingDeclarationSyntax(SpanFrom(start), decorators, keyword, path, none, config);
    }

    private StatementSyntax ExtendsDeclaration(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var path = Recover<SyntaxNode>(() => RequiredString(SyntaxError.ExpectedUsingPath()), span => new SkippedSyntax(span), RecoveryFlags.None, NewLineOnly);
        return new ExtendsDeclarationSyntax(SpanFrom(start), decorators, keyword, path);
    }

    private StatementSyntax ExtensionConfigAssignment(int start, IReadOnlyList<DecoratorSyntax> decorators)
    {
        var keyword = TokenSpan(Read());
        var name = IdentifierWithRecovery(SyntaxError.ExpectedVariableIdentifier(), RecoveryFlags.None, NewLineOnly);
        ObjectSyntax? config = null;
        if (CheckKeyword("with"))
        {
            config = OptionalWithClause();
        }
        else if ((SuppressAfter(name) & RecoveryFlags.SuppressDiagnostics) == 0)
        {
            Report(ErrorSpan(Peek()), SyntaxError.ExpectedKeyword("with"));
            Synchronize(position, RecoveryFlags.None, NewLineOnly);
        }

        return new ExtensionConfigAssignmentSyntax(SpanFrom(start), decorators, keyword, name, config);
    }
}
