using System;
using System.Text;

namespace CmkLint.Fixes;

/// <summary>
/// The little of Bicep and JSON a fix needs: whether a span holds a plain literal, and how to write a
/// value, a property or an array item so the surrounding formatting and comments stay as they are.
/// </summary>
internal sealed class FixSyntax
{
    private FixSyntax(bool bicep) => IsBicep = bicep;

    public bool IsBicep { get; }

    /// <summary>Bicep for <c>.bicep</c>/<c>.bicepparam</c>, JSON for <c>.json</c>/<c>.jsonc</c>; null for anything else (C# fixes live in the analyzer).</summary>
    public static FixSyntax? For(string path)
    {
        string extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".bicep", StringComparison.OrdinalIgnoreCase) || extension.Equals(".bicepparam", StringComparison.OrdinalIgnoreCase))
        {
            return new FixSyntax(true);
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jsonc", StringComparison.OrdinalIgnoreCase))
        {
            return new FixSyntax(false);
        }

        return null;
    }

    /// <summary>The value of a literal written as it is (a string without escapes or interpolation, <c>true</c>, <c>false</c>); null for anything else.</summary>
    public object? ReadLiteral(string text)
    {
        if (text == "true")
        {
            return true;
        }

        if (text == "false")
        {
            return false;
        }

        char quote = IsBicep ? '\'' : '"';
        if (text.Length < 2 || text[0] != quote || text[text.Length - 1] != quote)
        {
            return null;
        }

        string inner = text.Substring(1, text.Length - 2);

        // Escapes, interpolation, multi-line strings and ARM expressions are not literals a fix may rewrite.
        if (inner.IndexOf('\\') >= 0 || inner.IndexOf(quote) >= 0 || inner.IndexOf('\n') >= 0 || (IsBicep && inner.Contains("${")) || (!IsBicep && inner.StartsWith("[", StringComparison.Ordinal)))
        {
            return null;
        }

        return inner;
    }

    /// <summary>A string or bool value as this language writes it.</summary>
    public string Write(object value)
    {
        if (value is bool b)
        {
            return b ? "true" : "false";
        }

        string text = (string)value;
        var result = new StringBuilder(text.Length + 2);
        char quote = IsBicep ? '\'' : '"';
        result.Append(quote);
        foreach (char c in text)
        {
            if (c == '\\' || c == quote)
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        result.Append(quote);
        return result.ToString();
    }

    /// <summary>A property line: <c>name: value</c> in Bicep, <c>"name": value</c> in JSON.</summary>
    public string Property(string name, object value) => (IsBicep ? name : Write(name)) + ": " + Write(value);

    /// <summary>Whether <paramref name="c"/> can be part of an identifier (a property access name).</summary>
    public static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}
