using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>For-expressions and <c>if</c> conditions on resource and module bodies.</summary>
internal sealed partial class BicepParser
{
    private static readonly TokenSet LoopInTerminators = TokenSet.Of(TokenType.RightSquare, TokenType.NewLine);

    private static readonly TokenSet LoopSourceTerminators = TokenSet.Of(TokenType.Colon, TokenType.RightSquare, TokenType.NewLine);

    private static readonly TokenSet ConditionTerminators = TokenSet.Of(TokenType.LeftBrace, TokenType.NewLine);

    private static readonly TokenSet LoopConditionTerminators = TokenSet.Of(TokenType.RightSquare, TokenType.LeftBrace, TokenType.NewLine);

    private ForSyntax ForExpression(ExpressionFlags flags, bool resourceOrModule)
    {
        int start = Read().Start;
        if (!StatementFollowsNewLines())
        {
            SkipNewLines();
        }

        ExpectKeyword("for");

        int reported = diagnostics.Count;
        IdentifierSyntax item;
        IdentifierSyntax? index = null;
        if (Check(TokenType.Identifier))
        {
            item = MakeIdentifier(Read());
        }
        else if (Check(TokenType.LeftParen))
        {
            (item, index) = LoopVariableBlock();
        }
        else
        {
            ReportAtCurrent(SyntaxError.ExpectedLoopItemIdentifierOrVariableBlockStart());
            item = MissingIdentifier(EmptySpanHere());
        }

        var inFlags = diagnostics.Count > reported ? RecoveryFlags.SuppressDiagnostics : RecoveryFlags.None;
        var inKeyword = RecoverKeyword("in", inFlags, LoopInTerminators);
        var source = RecoverExpression(ExpressionFlags.AllowComplexLiterals, SuppressAfter(inKeyword), LoopSourceTerminators);
        var colon = RecoverToken(TokenType.Colon, SyntaxError.ExpectedCharacter(":"), SuppressAfter(source), LoopInTerminators);
        var body = RecoverExpression(() => LoopBody(flags, resourceOrModule), SuppressAfter(colon), LoopInTerminators);
        if (body is not SkippedSyntax && !StatementFollowsNewLines())
        {
            SkipNewLines();
        }

        RecoverToken(TokenType.RightSquare, SyntaxError.ExpectedCharacter("]"), SuppressAfter(body), LoopInTerminators);
        return new ForSyntax(SpanFrom(start), item, index, source, body);
    }

    private (IdentifierSyntax Item, IdentifierSyntax? Index) LoopVariableBlock()
    {
        int start = Peek().Start;
        int reported = diagnostics.Count;
        var items = ParenthesizedList(() => Expression(ExpressionFlags.None), span => (ExpressionSyntax)new SkippedSyntax(span), permitNewLines: false, out _);
        var names = new IdentifierSyntax[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is VariableAccessSyntax variable)
            {
                names[i] = variable.Name;
                continue;
            }

            if (items[i] is not SkippedSyntax)
            {
                Report(items[i].Span, SyntaxError.ExpectedLoopItemIdentifierOrVariableBlockStart());
            }

            names[i] = MissingIdentifier(items[i].Span);
        }

        var block = SpanFrom(start);
        if (items.Count != 2 && diagnostics.Count == reported)
        {
            Report(block, SyntaxError.ExpectedLoopVariableBlockWith2Elements(items.Count));
        }

        var item = names.Length > 0 ? names[0] : MissingIdentifier(file.Span(block.End, 0));
        var index = names.Length > 1 ? names[1] : MissingIdentifier(file.Span(block.End, 0));
        return (item, index);
    }

    private ExpressionSyntax LoopBody(ExpressionFlags flags, bool resourceOrModule)
    {
        if (!resourceOrModule)
        {
            return Expression(flags | ExpressionFlags.AllowComplexLiterals);
        }

        if (Check(TokenType.LeftBrace))
        {
            return ObjectLiteral(flags);
        }

        if (CheckKeyword("if"))
        {
            return IfCondition(flags, insideLoop: true);
        }

        throw Error(Peek(), SyntaxError.ExpectedBodyStartOrIf());
    }

    private IfConditionSyntax IfCondition(ExpressionFlags flags, bool insideLoop)
    {
        int start = Read().Start;

        // The "]" of an enclosing loop must survive recovery, or the loop would report a confusing missing "]".
        var condition = RecoverExpression(
            () => ParenthesizedExpression(flags & ~ExpressionFlags.AllowResourceDeclarations),
            RecoveryFlags.None,
            insideLoop ? LoopConditionTerminators : ConditionTerminators);
        var body = RecoverExpression(
            () => ObjectLiteral(flags),
            SuppressAfter(condition),
            insideLoop ? LoopInTerminators : NewLineOnly);
        var inner = condition is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : condition;
        return new IfConditionSyntax(SpanFrom(start), inner, body);
    }
}
