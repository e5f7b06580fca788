using System;
using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;

namespace CmkLint.Rules;

/// <summary>CMK002: a CMK registry must reach its key through a user-assigned identity.</summary>
public sealed class RequireUserAssignedIdentityRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK002",
        "cmk-requires-user-assigned-identity",
        "A registry with a customer-managed key must have a user-assigned identity and name it in keyVaultProperties.identity.",
        "A registry created with a customer-managed key needs a user-assigned identity that already has access to the key: a system-assigned identity does not exist before the registry, so it cannot be granted key access in time and creation fails. Set identity.type to include UserAssigned, assign the identity in identity.userAssignedIdentities, and set encryption.keyVaultProperties.identity to its client ID.",
        Level.Error,
        "7.5",
        "security",
        "cmk",
        "container-registry");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var registry = chain.Resource;
            var identity = registry.Get("identity");
            var type = registry.Get("identity.type");
            bool? userAssigned = HasUserAssigned(type);
            if (userAssigned == false)
            {
                var span = type?.Span ?? identity?.Span ?? registry.Span;
                var phrasing = Phrasing.For(registry, span);
                string what = type is null ? "has no identity" : $"has identity type {phrasing.Describe("identity.type", type)}";
                var finding = context.Violation(Rule, registry, "identity.type", span, $"Registry '{registry.DisplayName}' enables a customer-managed key but {what}; it needs a user-assigned identity ({phrasing.Literal("identity.type", "UserAssigned")}) that can reach the key when the registry is created.");
                RuleContext.Relate(finding, chain.Registry.Status!.Span, "encryption is enabled here");
                if (type is not null)
                {
                    RuleContext.RelateParameter(finding, type);
                }

                yield return finding;
            }
            else if (userAssigned is null)
            {
                yield return context.Inconclusive(Rule, registry, "identity.type", type!, $"that registry '{registry.DisplayName}' has a user-assigned identity");
            }

            if (userAssigned != false)
            {
                if (chain.Assigned.IsProvenEmpty)
                {
                    var declared = chain.Assigned.Declared;
                    var finding = context.Violation(Rule, registry, "identity.userAssignedIdentities", declared?.Span ?? identity?.Span ?? registry.Span, $"Registry '{registry.DisplayName}' enables a customer-managed key but assigns no identity in {Phrasing.For(registry, declared?.Span ?? identity?.Span ?? registry.Span).Property("identity.userAssignedIdentities")}.");
                    RuleContext.Relate(finding, chain.Registry.Status!.Span, "encryption is enabled here");
                    yield return finding;
                }
                else if (chain.Assigned.Ids.Count == 0 && chain.Assigned.Unresolved is { } unresolved)
                {
                    yield return context.Inconclusive(Rule, registry, "identity.userAssignedIdentities", unresolved, $"that registry '{registry.DisplayName}' assigns a user-assigned identity");
                }
            }

            if (chain.Identity.Kind == IdentityValueKind.Missing)
            {
                var kvp = chain.Registry.KeyVaultProperties;
                var span = chain.IdentityValue?.Span ?? kvp?.Span ?? chain.Registry.Encryption?.Span ?? registry.Span;
                var phrasing = Phrasing.For(registry, span);
                var finding = context.Violation(Rule, registry, "properties.encryption.keyVaultProperties.identity", span, $"Registry '{registry.DisplayName}' enables a customer-managed key but {phrasing.Property("keyVaultProperties.identity")} is not set; set it to {phrasing.Choose("the client ID", "the client ID", "the ClientId")} of the user-assigned identity that can use the key (without it the registry would use its system-assigned identity, which cannot be granted access before the registry exists).");
                RuleContext.Relate(finding, chain.Registry.Status!.Span, "encryption is enabled here");
                yield return finding;
            }
            else if (chain.IdentityValue is UnknownValue or ConditionalValue || (chain.IdentityValue is RuntimeValue runtime && !SymbolicText.IsOpaqueToken(runtime)))
            {
                // An unresolved value may still be empty at deployment.
                yield return context.Inconclusive(Rule, registry, "properties.encryption.keyVaultProperties.identity", chain.IdentityValue, $"that registry '{registry.DisplayName}' names its encryption identity");
            }
        }
    }

    /// <summary>Whether an identity type such as <c>'SystemAssigned, UserAssigned'</c> includes UserAssigned.</summary>
    private static bool? HasUserAssigned(Value? type)
    {
        if (type is null || type is NullValue)
        {
            return false;
        }

        if (type is not StringValue s)
        {
            return type.IsKnown ? false : null;
        }

        foreach (var part in s.Text.Split(','))
        {
            if (string.Equals(part.Trim(), "UserAssigned", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
