namespace CmkLint.Text;

/// <summary>The one nesting limit every front end counts against (JSON, ARM expressions, Bicep).</summary>
/// <remarks>
/// Nesting is brackets, braces, parentheses, call arguments, index expressions and string interpolation holes
/// inside one another. Chains that are iterative by nature (<c>1 + 1 + …</c>, <c>a.b.c…</c>, <c>x[0][0]…</c>) do
/// not nest and have no limit. A construct nested deeper is not read: it gets one CMK901 note at its start and
/// its value is unknown, while the rest of the file is still analysed. People do not write 256 levels (the
/// deepest of 4,822 JSON templates in the shared corpora nests 30 levels, the deepest of 3,387 Bicep files 42
/// brackets); the limit keeps every recursive walk over the result far from the end of a thread's stack,
/// which no handler can catch. Not configurable: a deeper limit could overflow the stack.
/// </remarks>
public static class NestingLimit
{
    /// <summary>The deepest nesting read (default 256 levels).</summary>
    public const int MaxDepth = 256;

    /// <summary>The CMK901 message for a construct nested deeper than the limit.</summary>
    public static string Message(string construct) =>
        $"{construct} nests deeper than {MaxDepth} levels and is not read";
}
