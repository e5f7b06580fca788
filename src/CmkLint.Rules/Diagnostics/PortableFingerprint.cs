using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using CmkLint.Text;

namespace CmkLint.Diagnostics;

/// <summary>
/// A finding's fingerprint (RULES.md: rule + file + resource + property path, no line) with the file
/// made relative to the source root, so the same finding matches on every machine and checkout.
/// </summary>
public static class PortableFingerprint
{
    /// <summary>The fingerprint with its file part relative to <paramref name="root"/> (forward slashes).</summary>
    public static string Of(Finding finding, string root)
    {
        string fingerprint = finding.Fingerprint;
        int first = fingerprint.IndexOf('|');
        if (first < 0)
        {
            return fingerprint;
        }

        int second = fingerprint.IndexOf('|', first + 1);
        string path = second < 0 ? fingerprint.Substring(first + 1) : fingerprint.Substring(first + 1, second - first - 1);
        if (path.Length == 0)
        {
            return fingerprint;
        }

        string relative;
        try
        {
            relative = SourceRootPath.Relative(root, Path.GetFullPath(path));
        }
        catch (ArgumentException)
        {
            return fingerprint;
        }

        return fingerprint.Substring(0, first + 1) + relative + (second < 0 ? string.Empty : fingerprint.Substring(second));
    }

    /// <summary>A SHA-256 of the portable fingerprint in hex: what SARIF's <c>partialFingerprints</c> carries.</summary>
    public static string Hash(string portableFingerprint)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(portableFingerprint));
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
