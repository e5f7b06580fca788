using System;
using System.Text.RegularExpressions;
using CmkLint.Bicep.Syntax;

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

                if (UsesRelevantResource(p.Value.Span.Text, program))
                {
                    return true;
                }
            }
        }

        // A registry, vault, identity or grant of the caller that reads the module's outputs.
        var outputs = new Regex(@"\b" + Regex.Escape(module.SymbolName) + @"(\[[^\]]*\])?\.outputs\b", RegexOptions.CultureInvariant);
        foreach (var resource in program.Resources)
        {
            if (IsRelevantType(resource.TypeString) && outputs.IsMatch(resource.Span.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an argument's text names a resource of the caller that carries CMK values: a vault, key, identity or grant, or a registry that sets encryption.</summary>
    private static bool UsesRelevantResource(string argument, ProgramSyntax program)
    {
        foreach (var resource in program.Resources)
        {
            bool carriesCmk = IsRelevantType(resource.TypeString)
                && (resource.TypeString!.IndexOf("Microsoft.ContainerRegistry/", StringComparison.OrdinalIgnoreCase) < 0 || resource.Span.Text.IndexOf("encryption", StringComparison.OrdinalIgnoreCase) >= 0);
            if (!resource.Name.IsMissing && carriesCmk
                && Regex.IsMatch(argument, @"\b" + Regex.Escape(resource.SymbolName) + @"\b", RegexOptions.CultureInvariant))
            {
                return true;
            }
        }

        return false;
    }

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
