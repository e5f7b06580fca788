using System;
using System.Text.RegularExpressions;
using CmkLint.Bicep.Syntax;
using CmkLint.Text;

namespace CmkLint.Bicep.Modules;

/// <summary>
/// Decides whether a CMK check can depend on a module that is not in the cache, so that a missing
/// module is worth a note: a registry, vault, key, identity or grant could be inside (told from the
/// module's path), an argument carries CMK values, or a CMK-relevant resource of the caller uses
/// the module's outputs. Anything else (a virtual network, a bastion host) gives no note.
/// </summary>
internal static class ModuleRelevance
{
    // Words in a module path that name what a CMK check reads: registries, vaults and keys, identities, grants.
    private static readonly Regex RelevantPath = new(
        @"container-?registr|containerregistry|(^|[/\-_.])acr([/\-_.:]|$)|key-?vault|(^|[/\-_.])kv([/\-_.:]|$)|managed-?identit|user-?assigned|role-?assignment|access-?polic|(^|[/\-_.])cmk|encryption|customer-?managed",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Argument names that carry CMK values into a module.
    private static readonly Regex RelevantArgument = new(
        @"^(customerManagedKey|cmk.*|encryption|keyVault.*|keyName|keyUri.*|keyIdentifier|userAssignedIdentit.*|.*PrincipalId|.*ClientId)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly string[] RelevantTypes =
    {
        "Microsoft.ContainerRegistry/",
        "Microsoft.KeyVault/",
        "Microsoft.ManagedIdentity/",
        "Microsoft.Authorization/roleAssignments",
    };

    /// <summary>Whether a CMK check could depend on this module call.</summary>
    public static bool Matters(ModuleDeclarationSyntax module, string reference, ProgramSyntax program)
    {
        if (RelevantPath.IsMatch(reference))
        {
            return true;
        }

        if (module.Body?.TryGetProperty("params") is { Value: ObjectSyntax parameters })
        {
            foreach (var p in parameters.Properties)
            {
                if (p.KeyName is string name && RelevantArgument.IsMatch(name))
                {
                    return true;
                }

                if (UsesRelevantResource(p.Value.Span, program))
                {
                    return true;
                }
            }
        }

        // A registry, vault, identity or grant of the caller that reads the module's outputs.
        foreach (var resource in program.Resources)
        {
            if (IsRelevantType(resource.TypeString) && ReadsOutputs(resource.Span, module.SymbolName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an argument's text names a resource of the caller that carries CMK values: a vault, key, identity or grant, or a registry that sets encryption.</summary>
    private static bool UsesRelevantResource(SourceSpan argument, ProgramSyntax program)
    {
        foreach (var resource in program.Resources)
        {
            bool carriesCmk = IsRelevantType(resource.TypeString)
                && (resource.TypeString!.IndexOf("Microsoft.ContainerRegistry/", StringComparison.OrdinalIgnoreCase) < 0 || IndexIn(resource.Span, "encryption", StringComparison.OrdinalIgnoreCase) >= 0);
            if (!resource.Name.IsMissing && carriesCmk && resource.SymbolName.Length > 0 && NextWord(argument, resource.SymbolName, argument.Start) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text of <paramref name="span"/> reads <c>symbol.outputs</c> or <c>symbol[...].outputs</c>, the
    /// symbol and <c>outputs</c> whole words (searched in place: a regular expression built per call, on a copy of
    /// the resource's text, was most of the cost of deciding).
    /// </summary>
    internal static bool ReadsOutputs(SourceSpan span, string symbol)
    {
        if (span.File is not { } file || symbol.Length == 0)
        {
            return symbol.Length == 0 && Regex.IsMatch(span.Text, @"\b(\[[^\]]*\])?\.outputs\b", RegexOptions.CultureInvariant);
        }

        string text = file.Text;
        int end = Math.Min(span.End, text.Length);
        const string Outputs = ".outputs";

        // The next ']' is looked up again only once passed, so that text full of "symbol[" stays linear.
        int close = -1;
        bool noClose = false;
        for (int at = NextWord(span, symbol, span.Start); at >= 0; at = NextWord(span, symbol, at + 1))
        {
            int i = at + symbol.Length;
            if (i < end && text[i] == '[')
            {
                if (close <= i && !noClose)
                {
                    close = i + 1 < end ? text.IndexOf(']', i + 1, end - i - 1) : -1;
                    noClose = close < 0;
                }

                if (noClose)
                {
                    continue;
                }

                i = close + 1;
            }

            if (end - i >= Outputs.Length && string.CompareOrdinal(text, i, Outputs, 0, Outputs.Length) == 0
                && (i + Outputs.Length == end || !IsWordCharacter(text[i + Outputs.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The next offset from <paramref name="from"/> where <paramref name="word"/> stands as a whole word in the span, or -1.</summary>
    internal static int NextWord(SourceSpan span, string word, int from)
    {
        if (span.File is not { } file)
        {
            return -1;
        }

        string text = file.Text;
        int start = span.Start;
        int end = Math.Min(span.End, text.Length);
        for (int at = from; at <= end - word.Length; at++)
        {
            at = text.IndexOf(word, at, end - at, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            bool before = at == start || !IsWordCharacter(text[at - 1]) || !IsWordCharacter(word[0]);
            bool after = at + word.Length == end || !IsWordCharacter(text[at + word.Length]) || !IsWordCharacter(word[word.Length - 1]);
            if (before && after)
            {
                return at;
            }
        }

        return -1;
    }

    private static int IndexIn(SourceSpan span, string value, StringComparison comparison)
    {
        if (span.File is not { } file)
        {
            return -1;
        }

        int end = Math.Min(span.End, file.Text.Length);
        return end - span.Start < value.Length ? -1 : file.Text.IndexOf(value, span.Start, end - span.Start, comparison);
    }

    /// <summary>A character of a word for <c>\b</c>: a letter, a digit or a connector such as '_'.</summary>
    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsRelevantType(string? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var prefix in RelevantTypes)
        {
            if (type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
