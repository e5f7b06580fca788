using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;

namespace CmkLint.Rules;

/// <summary>CMK003: keyVaultProperties.identity must be the client ID of a user-assigned identity assigned to the registry.</summary>
public sealed class IdentityClientIdRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK003",
        "cmk-identity-client-id",
        "keyVaultProperties.identity must be the client ID of a user-assigned identity assigned to the registry.",
        "Azure Container Registry looks the encryption identity up by its client ID among the registry's user-assigned identities. A principal (object) ID, a resource ID, a name, or the client ID of an identity that the registry does not assign, makes the deployment fail or leaves the registry unable to reach its key.",
        Level.Error,
        "7.5",
        "security",
        "cmk",
        "container-registry");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        const string Path = "properties.encryption.keyVaultProperties.identity";
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var registry = chain.Resource;
            var identity = chain.Identity;
            var value = identity.Value;
            string name = identity.Identity is { } id ? "'" + (id.Instance?.DisplayName ?? id.QuotableLastName ?? Phrasing.For(registry, registry.Span).Describe(id)) + "'" : "the identity";
            switch (identity.Kind)
            {
                case IdentityValueKind.Missing:
                    // CMK002.
                    break;
                case IdentityValueKind.ClientId:
                    bool? assigned = identity.Identity is null ? null : chain.Assigned.Contains(identity.Identity);
                    if (assigned == false)
                    {
                        var finding = context.Violation(Rule, registry, Path, value!.Span, $"Registry '{registry.DisplayName}' uses the client ID of identity {name} for its key, but does not assign that identity in {Phrasing.For(registry, value.Span).Property("identity.userAssignedIdentities")}.");
                        Relate(finding, chain);
                        RuleContext.RelateParameter(finding, value);
                        yield return finding;
                    }
                    else if (assigned is null)
                    {
                        yield return context.Inconclusive(Rule, registry, Path, chain.Assigned.Unresolved ?? value!, $"that identity {name} is assigned to registry '{registry.DisplayName}'");
                    }

                    break;
                case IdentityValueKind.GuidLiteral:
                    yield return context.Inconclusive(Rule, registry, Path, value!, $"that the literal GUID in {Phrasing.For(registry, value!.Span).Property("keyVaultProperties.identity")} of registry '{registry.DisplayName}' is the client ID of an assigned identity (it is not declared in the analysed files)");
                    break;
                case IdentityValueKind.Unresolved:
                    yield return context.Inconclusive(Rule, registry, Path, value!, $"that {Phrasing.For(registry, value!.Span).Property("keyVaultProperties.identity")} of registry '{registry.DisplayName}' is a client ID");
                    break;
                default:
                    var phrasing = Phrasing.For(registry, value!.Span);
                    string fix = identity.Identity is null ? "; use the client ID of a user-assigned identity assigned to the registry"
                        : "; use " + phrasing.Choose(phrasing.RuntimeProperty(identity.Instance, "clientId", "the identity"), phrasing.RuntimeProperty(identity.Instance, "clientId", name) + " (the identity's properties.clientId)", phrasing.RuntimeProperty(identity.Instance, "clientId", "the identity"));
                    var wrong = context.Violation(Rule, registry, Path, value!.Span, $"Registry '{registry.DisplayName}' sets {phrasing.Property("keyVaultProperties.identity")} to {EncryptionIdentity.Describe(identity.Kind)}{(identity.Identity is not null ? " of identity " + name : string.Empty)} ({phrasing.Describe(value)}), not a client ID{fix}.");
                    Relate(wrong, chain);
                    RuleContext.RelateParameter(wrong, value);
                    if (identity.Kind == IdentityValueKind.PrincipalId && identity.Identity is not null && chain.Assigned.Contains(identity.Identity) == true)
                    {
                        // The same identity's client ID is what the registry needs: rename the one access where the finding points (the caller's argument when the value came from there).
                        wrong.Fix = new SuggestedFix("use the identity's clientId instead of its principalId", new SuggestedChange(ChangeKind.RenameAccess, wrong.Span, "principalId", "clientId"));
                    }

                    yield return wrong;
                    break;
            }
        }
    }

    private static void Relate(Finding finding, CmkChain chain)
    {
        if (chain.Identity.Instance is { } identity)
        {
            RuleContext.Relate(finding, identity, "the user-assigned identity");
        }

        if (chain.Assigned.Declared is { } declared)
        {
            RuleContext.Relate(finding, declared.Span, "the identities the registry assigns");
        }
    }
}
