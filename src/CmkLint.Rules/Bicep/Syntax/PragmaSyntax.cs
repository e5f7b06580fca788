using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>Which diagnostics directive a pragma is.</summary>
internal enum PragmaKind
{
    /// <summary><c>#disable-next-line code1 code2</c>: suppresses the codes on the next line.</summary>
    DisableNextLine,

    /// <summary><c>#disable-diagnostics code1 code2</c>: suppresses the codes until a matching restore.</summary>
    DisableDiagnostics,

    /// <summary><c>#restore-diagnostics code1 code2</c>: ends a <see cref="DisableDiagnostics"/> region.</summary>
    RestoreDiagnostics,
}

/// <summary>A diagnostics directive such as <c>#disable-next-line BCP081</c>, kept out of the token stream like a comment.</summary>
internal sealed class PragmaSyntax
{
    public PragmaSyntax(PragmaKind kind, SourceSpan span, IReadOnlyList<PragmaCode> codes)
    {
        Kind = kind;
        Span = span;
        Codes = codes;
    }

    public PragmaKind Kind { get; }

    /// <summary>From the <c>#</c> to the end of the last code.</summary>
    public SourceSpan Span { get; }

    /// <summary>The diagnostic codes the directive names, in order.</summary>
    public IReadOnlyList<PragmaCode> Codes { get; }
}

/// <summary>One diagnostic code in a pragma, with its span.</summary>
internal readonly struct PragmaCode
{
    public PragmaCode(string code, SourceSpan span)
    {
        Code = code;
        Span = span;
    }

    public string Code { get; }

    public SourceSpan Span { get; }

    public override string ToString() => Code;
}
