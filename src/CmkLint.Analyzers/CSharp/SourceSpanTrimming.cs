using CmkLint.Text;

namespace CmkLint.Analyzers.CSharp;

/// <summary>Span helpers for the lowering.</summary>
internal static class SourceSpanTrimming
{
    /// <summary>The span without trailing white space (the head of <c>new X(...) { ... }</c> before its initializer).</summary>
    public static SourceSpan Trimmed(this SourceSpan span)
    {
        if (span.File is null)
        {
            return span;
        }

        int end = span.End;
        while (end > span.Start && char.IsWhiteSpace(span.File.Text[end - 1]))
        {
            end--;
        }

        return new SourceSpan(span.File, span.Start, end - span.Start);
    }
}
