using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A lexical or syntax error in a Bicep file, with the Bicep compiler's code where one exists (BCPnnn).</summary>
internal sealed class SyntaxDiagnostic
{
    public SyntaxDiagnostic(string code, string message, SourceSpan span, bool isNote = false)
    {
        Code = code;
        Message = message;
        Span = span;
        IsNote = isNote;
    }

    /// <summary>
    /// Not an error: valid Bicep that CmkLint does not read (nesting deeper than <see cref="NestingLimit.MaxDepth"/>),
    /// reported as a CMK901 note rather than a CMK900 error.
    /// </summary>
    public bool IsNote { get; }

    /// <summary>The Bicep diagnostic code the official compiler uses for the same error, such as <c>BCP018</c>.</summary>
    public string Code { get; }

    public string Message { get; }

    public SourceSpan Span { get; }

    /// <summary>The 1-based line and column where the error starts.</summary>
    public LinePosition Position => Span.StartPosition;

    public override string ToString() => $"{Span.File?.Path}({Position.Line},{Position.Column}): {(IsNote ? "note" : "error")} {Code}: {Message}";
}
