using System;
using System.Collections.Generic;

namespace CmkLint.Diagnostics;

/// <summary>"Did you mean ...?" for a mistyped option, value or rule: the closest candidate by edit distance, when it is close enough.</summary>
public static class NameSuggestions
{
    /// <summary>The closest candidate (case-insensitive), or null when none is within a third of the input's length (at least 2 edits).</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int limit = Math.Max(2, input.Length / 3);
        foreach (var candidate in candidates)
        {
            int distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary><c>; did you mean 'X'?</c>, or nothing.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } close ? $"; did you mean '{close}'?" : string.Empty;

    /// <summary>Levenshtein distance, with a transposition counted as one edit (<c>CMK010</c> / <c>CMK001</c>).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
