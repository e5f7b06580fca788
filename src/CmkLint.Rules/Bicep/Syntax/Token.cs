using System;

namespace CmkLint.Bicep.Syntax;

/// <summary>One token: its kind and where it sits in the text (no text copy, so lexing allocates nothing per token).</summary>
internal readonly struct Token : IEquatable<Token>
{
    public Token(TokenType type, int start, int length)
    {
        Type = type;
        Start = start;
        Length = length;
    }

    public TokenType Type { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public bool Equals(Token other) => Type == other.Type && Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is Token other && Equals(other);

    public override int GetHashCode() => ((int)Type * 397) ^ (Start * 31) ^ Length;

    public override string ToString() => $"{Type}@{Start}+{Length}";
}
