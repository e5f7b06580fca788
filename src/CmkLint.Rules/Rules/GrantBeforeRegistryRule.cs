using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;

namespace CmkLint.Rules;

/// <summary>CMK010: the registry must be deployed after the grant that lets its encryption identity use the key.</summary>
public sealed class GrantBeforeRegistryRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK010",
        "cmk-grant-before-registry",
        "A registry with a customer-managed key must depend on the grant that gives its encryption identity key access.",
        "Azure Resource Manager deploys resources in parallel unless one depends on another. If the registry does not depend (directly or transitively, through dependsOn, references or module boundaries) on the access policy, vault or role assignment that gives its encryption identity access to the key, the registry may be created first, and creation fails because the key cannot be reached.",
        Level.Warning,
        "5.0",
        "reliability",
        "cmk",
        "container-registry");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var vault = chain.DeployedVault;
            if (vault is null && chain.Vault is null && chain.Identity.Identity is { } identity && !chain.Key.IsManagedHsm)
            {
                if (UnmatchedVault(context, chain, identity) is { } unmatched)
                {
                    yield return unmatched;
                }

                continue;
            }

            if (vault is null || chain.Identity.Identity is null || chain.Key.IsManagedHsm)
            {
                continue;
            }

            var granting = chain.Access.Granting;
            bool waits = false;
            foreach (var grant in granting)
            {
                waits |= context.Graph.DependsOn(chain.Resource, grant.Resource);
            }

            if (granting.Count == 0 || waits)
            {
                continue;
            }

            var registry = chain.Resource;
            var first = granting[0];
            string what = first.Kind == GrantKind.RoleAssignment ? $"role assignment '{first.Resource.DisplayName}'"
                : first.Operation == "inline" ? $"vault '{vault.DisplayName}' (its access policy)"
                : $"access policy resource '{first.Resource.DisplayName}'";
            var finding = context.Violation(Rule, registry, "dependsOn", registry.Span, $"Registry '{registry.DisplayName}' does not depend on {what}, which gives its encryption identity access to the key; Azure Resource Manager may create the registry first, and creation fails. {Phrasing.For(registry, registry.Span).WaitFor(first.Resource)}");
            foreach (var grant in granting)
            {
                RuleContext.Relate(finding, grant.Resource, "the grant the registry must wait for");
            }

            yield return finding;
        }
    }

    /// <summary>The key's vault is not known (a parameter), but a grant to the encryption identity is in the files: the registry must still wait for it.</summary>
    private static Finding? UnmatchedVault(RuleContext context, CmkChain chain, Evaluation.ResourceIdValue identity)
    {
        var granting = UnmatchedVaultGrants.For(context.Graph, identity);
        if (granting.Count == 0)
        {
            return null;
        }

        foreach (var grant in granting)
        {
            if (context.Graph.DependsOn(chain.Resource, grant.Resource))
            {
                return null;
            }
        }

        var registry = chain.Resource;
        var first = granting[0];
        string what = first.Kind == GrantKind.RoleAssignment ? $"role assignment '{first.Resource.DisplayName}'"
            : first.Operation == "inline" ? $"vault '{first.Resource.DisplayName}' (its access policy)"
            : $"access policy resource '{first.Resource.DisplayName}'";
        string why = chain.VaultUnresolved switch
        {
            Evaluation.UnknownValue reason => Phrasing.For(registry, reason.Span).Reason(reason),
            { } value => "the key identifier depends on " + Phrasing.For(registry, value.Span).Describe(value),
            null => "the key identifier does not name a declared vault",
        };
        var finding = context.Violation(Rule, registry, "dependsOn", registry.Span, $"Registry '{registry.DisplayName}' does not depend on {what}, which gives its encryption identity access to keys; the key's vault could not be matched ({why}), but Azure Resource Manager may still create the registry before the grant, and creation fails. {Phrasing.For(registry, registry.Span).WaitFor(first.Resource)}");
        foreach (var grant in granting)
        {
            RuleContext.Relate(finding, grant.Resource, "the grant the registry must wait for");
        }

        return finding;
    }
}
