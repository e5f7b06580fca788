using System;
using System.Text;
using System.Text.RegularExpressions;

namespace CmkLint.Configuration;

/// <summary>
/// A path pattern as shells, <c>.gitignore</c> and most linters write them: <c>*</c> (within a folder),
/// <c>**</c> (any number of folders), <c>?</c>, <c>[abc]</c>, <c>{a,b}</c>. Paths use forward slashes.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex regex;

    public GlobPattern(string pattern, bool ignoreCase = false)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        regex = new Regex("^" + ToRegex(pattern.Replace('\\', '/')) + "$", options);
    }

    public string Pattern { get; }

    /// <summary>Whether a path has glob syntax (otherwise it names one file or folder).</summary>
    public static bool IsGlob(string text) => text.IndexOfAny(new[] { '*', '?', '[', '{' }) >= 0;

    /// <summary>Whether the whole path (forward or back slashes, no leading <c>./</c>) matches.</summary>
    public bool IsMatch(string path)
    {
        path = path.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        return regex.IsMatch(path);
    }

    public override string ToString() => Pattern;

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            switch (c)
            {
                case '*':
                    bool doubleStar = i + 1 < glob.Length && glob[i + 1] == '*';
                    if (!doubleStar)
                    {
                        sb.Append("[^/]*");
                        break;
                    }

                    bool atSegmentStart = i == 0 || glob[i - 1] == '/';
                    i++;
                    if (atSegmentStart && i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        // "**/" matches zero or more whole folders.
                        sb.Append("(?:[^/]*/)*");
                        i++;
                    }
                    else
                    {
                        sb.Append(".*");
                    }

                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    int close = glob.IndexOf(']', i + 2 <= glob.Length ? i + 2 : glob.Length);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    string set = glob.Substring(i + 1, close - i - 1);
                    if (set.StartsWith("!", StringComparison.Ordinal))
                    {
                        set = "^" + set.Substring(1);
                    }

                    sb.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                    i = close;
                    break;
                case '{':
                    braces++;
                    sb.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    sb.Append(')');
                    break;
                case ',' when braces > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        for (; braces > 0; braces--)
        {
            sb.Append(')');
        }

        return sb.ToString();
    }
}
