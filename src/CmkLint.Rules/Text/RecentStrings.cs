using System;

namespace CmkLint.Text;

/// <summary>
/// Recently read short strings, direct-mapped by hash: names and values such as "type", "[parameters('location')]",
/// <c>resourceGroup</c> or <c>'Microsoft.KeyVault/vaults@2023-07-01'</c> repeat throughout templates, so each is
/// allocated once rather than at every occurrence (less to allocate, collect and keep alive). One table per
/// thread, shared by the front ends: strings are immutable, so a string from one file serves the next.
/// </summary>
internal sealed class RecentStrings
{
    private const int Size = 1024;

    /// <summary>Longer runs are rarely repeated; hashing them would cost more than it saves.</summary>
    private const int MaxLength = 48;

    [ThreadStatic]
    private static RecentStrings? ofThread;

    private readonly string?[] recent = new string?[Size];

    /// <summary>The calling thread's table.</summary>
    public static RecentStrings OfThread => ofThread ??= new RecentStrings();

    /// <summary><c>text.Substring(start, length)</c>, from the table when the same run was read recently.</summary>
    public string Slice(string text, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        // A hash of the length and five characters, not of every character: hashing whole runs cost more than the
        // table saved. A collision only costs a miss (the content is always compared).
        int last = start + length - 1;
        uint hash = (uint)length;
        hash = (hash * 31) + text[start];
        hash = (hash * 31) + text[start + (length >> 2)];
        hash = (hash * 31) + text[start + (length >> 1)];
        hash = (hash * 31) + text[last - (length >> 2)];
        hash = (hash * 31) + text[last];
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6d;
        hash ^= hash >> 12;

        int slot = (int)(hash & (Size - 1));
        string? cached = recent[slot];
        if (cached is not null && cached.Length == length && string.CompareOrdinal(text, start, cached, 0, length) == 0)
        {
            return cached;
        }

        string value = text.Substring(start, length);
        recent[slot] = value;
        return value;
    }
}
