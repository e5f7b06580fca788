using System.Linq;
using CmkLint.Bicep.Syntax;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Bicep;

public class BicepLexerTests
{
    private static BicepLexResult Lex(string text) => BicepLexer.Lex(new SourceFile("test.bicep", text));

    private static TokenType[] Types(string text) => Lex(text).Tokens.Select(t => t.Type).ToArray();

    [Fact]
    public void Every_operator_is_one_token()
    {
        var text = "?? ?. .? ! != =~ !~ == <= >= && || => :: ? : , . [ ] { } ( ) @ | - + * / % < > = ... ^";
        var expected = new[]
        {
            TokenType.DoubleQuestion, TokenType.Question, TokenType.Dot, TokenType.Dot, TokenType.Question, TokenType.Exclamation,
            TokenType.NotEquals, TokenType.EqualsInsensitive, TokenType.NotEqualsInsensitive, TokenType.Equals, TokenType.LessThanOrEqual,
            TokenType.GreaterThanOrEqual, TokenType.LogicalAnd, TokenType.LogicalOr, TokenType.Arrow, TokenType.DoubleColon, TokenType.Question,
            TokenType.Colon, TokenType.Comma, TokenType.Dot, TokenType.LeftSquare, TokenType.RightSquare, TokenType.LeftBrace, TokenType.RightBrace,
            TokenType.LeftParen, TokenType.RightParen, TokenType.At, TokenType.Pipe, TokenType.Minus, TokenType.Plus, TokenType.Asterisk,
            TokenType.Slash, TokenType.Modulo, TokenType.LessThan, TokenType.GreaterThan, TokenType.Assignment, TokenType.Ellipsis, TokenType.Hat,
            TokenType.EndOfFile,
        };

        Assert.Equal(expected, Types(text));
    }

    [Fact]
    public void A_lone_ampersand_is_an_unrecognized_token()
    {
        var result = Lex("a & b");
        Assert.Equal(TokenType.Unrecognized, result.Tokens[1].Type);
        Assert.Equal("BCP001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Literal_keywords_are_tokens_and_other_keywords_are_identifiers()
    {
        Assert.Equal(
            new[] { TokenType.TrueKeyword, TokenType.FalseKeyword, TokenType.NullKeyword, TokenType.Identifier, TokenType.Identifier, TokenType.Integer, TokenType.EndOfFile },
            Types("true false null param resource_1 42"));
    }

    [Fact]
    public void Newlines_are_tokens_and_consecutive_line_breaks_merge()
    {
        Assert.Equal(
            new[] { TokenType.Identifier, TokenType.NewLine, TokenType.Identifier, TokenType.NewLine, TokenType.EndOfFile },
            Types("a\r\n\r\n\nb\n"));
    }

    [Fact]
    public void Comments_are_skipped_but_the_newline_after_a_line_comment_is_kept()
    {
        Assert.Equal(
            new[] { TokenType.Identifier, TokenType.NewLine, TokenType.Identifier, TokenType.Identifier, TokenType.EndOfFile },
            Types("a // comment\nb /* multi\nline */ c"));
    }

    [Fact]
    public void An_unterminated_multi_line_comment_is_reported_where_it_starts()
    {
        var result = Lex("var x = 1\n/* never closed");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("BCP002", error.Code);
        Assert.Equal(new LinePosition(2, 1), error.Position);
    }

    [Fact]
    public void An_interpolated_string_is_split_into_pieces_around_its_holes()
    {
        Assert.Equal(
            new[]
            {
                TokenType.StringLeftPiece, TokenType.Identifier, TokenType.StringMiddlePiece, TokenType.LeftBrace, TokenType.Identifier,
                TokenType.Colon, TokenType.Integer, TokenType.RightBrace, TokenType.Dot, TokenType.Identifier, TokenType.StringRightPiece, TokenType.EndOfFile,
            },
            Types("'a${b}c${{x: 1}.x}d'"));
    }

    [Fact]
    public void A_newline_inside_an_interpolation_hole_ends_the_string_with_an_error()
    {
        var result = Lex("'a${b\nvar");
        Assert.Contains(result.Diagnostics, d => d.Code == "BCP004");
        Assert.Contains(result.Tokens, t => t.Type == TokenType.NewLine);
        Assert.Equal(TokenType.Identifier, result.Tokens[result.Tokens.Count - 2].Type);
    }

    [Fact]
    public void An_unrecognized_escape_is_reported_on_the_escape()
    {
        var result = Lex("'a\\qb'");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("BCP006", error.Code);
        Assert.Equal(2, error.Span.Start);
        Assert.Equal(2, error.Span.Length);
    }

    [Fact]
    public void A_string_cut_by_a_newline_is_reported()
    {
        var result = Lex("var x = 'abc\nvar y = 1");
        Assert.Equal("BCP004", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_multi_line_string_is_one_token_and_may_end_with_quotes()
    {
        var result = Lex("'''\nit's ''here''''");
        Assert.Equal(new[] { TokenType.MultilineString, TokenType.EndOfFile }, result.Tokens.Select(t => t.Type).ToArray());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_unterminated_multi_line_string_is_reported()
    {
        Assert.Equal("BCP140", Assert.Single(Lex("var x = '''\nabc''").Diagnostics).Code);
    }

    [Fact]
    public void Double_quotes_are_reported_with_the_single_quote_hint()
    {
        Assert.Contains(Lex("var x = \"a\"").Diagnostics, d => d.Code == "BCP103");
    }

    [Fact]
    public void Disable_next_line_pragma_is_trivia_with_its_codes_and_spans()
    {
        var result = Lex("#disable-next-line BCP081 no-unused-params\nparam a string");
        var pragma = Assert.Single(result.Pragmas);
        Assert.Equal(PragmaKind.DisableNextLine, pragma.Kind);
        Assert.Equal(new[] { "BCP081", "no-unused-params" }, pragma.Codes.Select(c => c.Code).ToArray());
        Assert.Equal(new LinePosition(1, 20), pragma.Codes[0].Span.StartPosition);
        Assert.Equal(0, pragma.Span.Start);
        Assert.Equal(42, pragma.Span.Length);
        Assert.Equal(TokenType.NewLine, result.Tokens[0].Type);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Disable_and_restore_diagnostics_pragmas_are_recognized()
    {
        var result = Lex("#disable-diagnostics no-unused-vars BCP037\nvar a = 1\n  #restore-diagnostics no-unused-vars\n");
        Assert.Equal(new[] { PragmaKind.DisableDiagnostics, PragmaKind.RestoreDiagnostics }, result.Pragmas.Select(p => p.Kind).ToArray());
        Assert.Equal(2, result.Pragmas[0].Codes.Count);
        Assert.Equal(new LinePosition(3, 3), result.Pragmas[1].Span.StartPosition);
    }

    [Fact]
    public void A_pragma_without_codes_is_reported_at_its_end()
    {
        var result = Lex("#disable-next-line\nparam a string");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("BCP226", error.Code);
        Assert.Equal(new LinePosition(1, 19), error.Position);
    }

    [Fact]
    public void A_pragma_after_code_on_the_same_line_is_not_a_pragma()
    {
        var result = Lex("var a = 'x' #disable-next-line foo");
        Assert.Empty(result.Pragmas);
        Assert.Contains(result.Diagnostics, d => d.Code == "BCP001");
    }

    [Fact]
    public void A_run_of_unrecognized_characters_is_one_token_with_one_error()
    {
        var result = Lex("var x = ☕☕☕");
        Assert.Equal("BCP001", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(3, result.Tokens[3].Length);
    }
}
