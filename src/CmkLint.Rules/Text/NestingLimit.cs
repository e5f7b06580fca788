namespace CmkLint.Text;

/// <summary>The one nesting limit every front end counts against (JSON, ARM expressions, Bicep).</summary>
/// <remarks>
/// Nesting is brackets, braces, parentheses, call arguments, index expressions and string interpolation holes
/// inside one another. Chains that are iterative by nature (<c>1 + 1 + …</c>, <c>a.b.c…</c>, <c>x[0][0]…</c>) do
/// not nest and have no limit. A construct nested deeper is not read: it gets one CMK901 note at its start and
/// its value is unknown, while the rest of the file is still analysed. People do not write 256 levels (the
/// deepest template in the shared corpora nests fewer than 40); the limit keeps every recursive walk over the
/// result far from the end of a thread's stack, which no handler can catch.
/// </remarks>
public static class NestingLimit
{
    /// <summary>The deepest nesting read (default 256 levels).</summary>
    public const int MaxDepth = 256;

    /// <summary>The CMK901 message for a construct nested deeper than the limit.</summary>
    public static string Message(string construct) =>
        $"{construct} nests deeper than {MaxDepth} levels and is not read";
}
