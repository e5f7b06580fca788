using System;
using System.IO;

namespace CmkLint.Text;

/// <summary>Relative paths with forward slashes, as configuration globs, baselines and SARIF URIs use them.</summary>
public static class SourceRootPath
{
    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The path of <paramref name="fullPath"/> from <paramref name="root"/> (with <c>../</c> when outside it), forward slashes.</summary>
    public static string Relative(string root, string fullPath)
    {
        string from = Path.GetFullPath(root).TrimEnd('/', '\\');
        string to = Path.GetFullPath(fullPath);
        string[] a = from.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
        string[] b = to.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
        bool sameVolume = a.Length > 0 && b.Length > 0 && (from.StartsWith("/", StringComparison.Ordinal) || string.Equals(a[0], b[0], StringComparison.OrdinalIgnoreCase));
        if (!sameVolume)
        {
            return to.Replace('\\', '/');
        }

        int common = 0;
        while (common < a.Length && common < b.Length && string.Equals(a[common], b[common], PathComparison))
        {
            common++;
        }

        var parts = new System.Collections.Generic.List<string>();
        for (int i = common; i < a.Length; i++)
        {
            parts.Add("..");
        }

        for (int i = common; i < b.Length; i++)
        {
            parts.Add(b[i]);
        }

        return parts.Count == 0 ? "." : string.Join("/", parts);
    }

    /// <summary>Whether the path lies inside the root folder (or is it).</summary>
    public static bool IsUnder(string root, string fullPath)
    {
        string relative = Relative(root, fullPath);
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
