using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>CMK006: content trust cannot be enabled on a registry encrypted with a customer-managed key.</summary>
public sealed class ContentTrustRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK006",
        "cmk-content-trust",
        "A registry with a customer-managed key cannot enable content trust.",
        "Azure Container Registry does not support content trust (policies.trustPolicy) on a registry encrypted with a customer-managed key. A deployment that enables both is rejected.",
        Level.Error,
        "6.5",
        "security",
        "cmk",
        "container-registry");

    private const string TrustStatusPath = "properties.policies.trustPolicy.status";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        foreach (var registry in CmkRegistry.All(context.Graph))
        {
            if (registry.IsCmk == false)
            {
                continue;
            }

            var resource = registry.Resource;
            var trust = resource.Get(TrustStatusPath);
            if (trust is null)
            {
                continue;
            }

            bool? trustOn = Values.TextIs(trust, "enabled");
            if (trustOn == false)
            {
                continue;
            }

            if (registry.IsCmk is null)
            {
                // Content trust alone is fine; whether it conflicts depends on the unresolved encryption status.
                if (trustOn == true)
                {
                    yield return context.Inconclusive(Rule, resource, TrustStatusPath, registry.Status ?? registry.Encryption!, $"whether registry '{resource.DisplayName}', which enables content trust, uses a customer-managed key");
                }

                continue;
            }

            if (trustOn == true)
            {
                string disabled = Phrasing.For(resource, trust.Span).Setting("policies.trustPolicy.status", "disabled");
                var finding = context.Violation(Rule, resource, TrustStatusPath, trust.Span, $"Registry '{resource.DisplayName}' enables a customer-managed key and content trust; content trust is not supported on a CMK registry. Set {disabled}.");
                RuleContext.Relate(finding, registry.Status!.Span, "encryption is enabled here");
                finding.Fix = LiteralChanges.Fix("set " + disabled, trust, "disabled");
                RuleContext.RelateParameter(finding, trust);

                yield return finding;
            }
            else
            {
                yield return context.Inconclusive(Rule, resource, TrustStatusPath, trust, $"that registry '{resource.DisplayName}' keeps content trust off");
            }
        }
    }
}
