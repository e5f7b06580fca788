using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;

namespace CmkLint.Rules;

/// <summary>Every rule CmkLint ships, in ID order: the one list all channels use.</summary>
public static class RuleCatalog
{
    private static readonly IRule[] AllRules =
    {
        new RequirePremiumRule(),
        new RequireUserAssignedIdentityRule(),
        new IdentityClientIdRule(),
        new KeyAccessRule(),
        new VaultRecoverableRule(),
        new ContentTrustRule(),
        new CmkOnlyAtCreationRule(),
        new DisableCmkRule(),
        new VaultFirewallRule(),
        new GrantBeforeRegistryRule(),
        new KeyUsableRule(),
        new KeyIdentifierRule(),
        new VersionlessKeyRule(),
        new RegistryApiVersionRule(),
        new TaskLogRetentionRule(),
        new IdentityRemovedRule(),
    };

    public static IReadOnlyList<IRule> Rules => AllRules;

    /// <summary>Every descriptor, including the input diagnostics CMK900 and CMK901.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors
    {
        get
        {
            var list = new List<RuleDescriptor>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in AllRules)
            {
                if (ids.Add(rule.Descriptor.Id))
                {
                    list.Add(rule.Descriptor);
                }
            }

            list.Add(InputDiagnostics.InvalidTemplate);
            list.Add(InputDiagnostics.UnsupportedConstruct);
            list.Add(InputDiagnostics.UnusedSuppression);
            return list;
        }
    }

    /// <summary>Every rule ID and name, the candidates of a "did you mean" for a mistyped rule.</summary>
    public static IEnumerable<string> IdsAndNames
    {
        get
        {
            foreach (var d in Descriptors)
            {
                yield return d.Id;
                yield return d.Name;
            }
        }
    }

    /// <summary>A descriptor by ID (<c>CMK001</c>) or name (<c>cmk-requires-premium</c>), ignoring case.</summary>
    public static RuleDescriptor? Find(string idOrName)
    {
        foreach (var d in Descriptors)
        {
            if (string.Equals(d.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Name, idOrName, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        return null;
    }
}
