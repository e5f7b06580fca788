namespace CmkLint.Bicep.Syntax;

/// <summary>A set of token types as a bit mask, so that recovery terminator sets cost nothing to build or test.</summary>
internal readonly struct TokenSet
{
    private readonly ulong mask;

    private TokenSet(ulong mask)
    {
        this.mask = mask;
    }

    public static TokenSet Of(params TokenType[] types)
    {
        ulong mask = 0;
        foreach (var type in types)
        {
            mask |= 1UL << (int)type;
        }

        return new TokenSet(mask);
    }

    public bool Contains(TokenType type) => (mask & (1UL << (int)type)) != 0;
}
