using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>What the lexer produced for one file: the tokens (ending with <see cref="TokenType.EndOfFile"/>), lexical errors and pragmas.</summary>
internal sealed class BicepLexResult
{
    internal BicepLexResult(SourceFile file, Token[] tokens, IReadOnlyList<SyntaxDiagnostic> diagnostics, IReadOnlyList<PragmaSyntax> pragmas)
    {
        File = file;
        TokenArray = tokens;
        Diagnostics = diagnostics;
        Pragmas = pragmas;
    }

    public SourceFile File { get; }

    public IReadOnlyList<Token> Tokens => TokenArray;

    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    public IReadOnlyList<PragmaSyntax> Pragmas { get; }

    internal Token[] TokenArray { get; }

    /// <summary>The text of a token (allocates a string; the lexer itself never does).</summary>
    public string GetText(Token token) => File.Text.Substring(token.Start, token.Length);

    public SourceSpan GetSpan(Token token) => File.Span(token.Start, token.Length);
}
