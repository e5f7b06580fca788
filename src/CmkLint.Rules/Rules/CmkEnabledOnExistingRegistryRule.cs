using System.Collections.Generic;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>
/// CMK007, previous-state half: encryption is enabled on a registry that the previous state (a git
/// revision, a deployed export) has without CMK. The single-deployment half (one deployment declaring
/// the same registry twice) is a separate class; both report under the one CMK007 descriptor.
/// </summary>
public sealed class CmkEnabledOnExistingRegistryRule : IPreviousStateRule
{
    /// <summary>CMK007's one descriptor, shared with the single-deployment half.</summary>
    public static readonly RuleDescriptor Rule = CmkOnlyAtCreationRule.Rule;

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var previous = context.Previous;
        if (previous is null)
        {
            yield break;
        }

        foreach (var registry in CmkRegistry.All(context.Graph))
        {
            if (registry.IsCmk == false)
            {
                continue;
            }

            var resource = registry.Resource;
            var match = previous.Match(resource);
            if (match.Unresolved is not null)
            {
                // Only a registry that existed without CMK makes this a violation.
                if (registry.IsCmk == true && previous.Registries.Any(r => r.IsCmk != true))
                {
                    yield return context.Inconclusive(Rule, resource, "properties.encryption.status", new UnknownValue(match.Unresolved, resource.Span), $"whether registry '{resource.DisplayName}' already existed without a customer-managed key");
                }

                continue;
            }

            var before = match.Registry;
            if (before is null || before.IsCmk == true)
            {
                // A new registry (or one that already had CMK): enabling CMK at creation is what Azure requires.
                continue;
            }

            if (registry.IsCmk is null)
            {
                yield return context.Inconclusive(Rule, resource, "properties.encryption.status", registry.Status!, $"whether registry '{resource.DisplayName}' enables a customer-managed key on a registry that exists without one in {previous.Description}");
                continue;
            }

            if (before.IsCmk is null)
            {
                yield return context.Inconclusive(Rule, resource, "properties.encryption.status", before.Status!, $"whether registry '{resource.DisplayName}' had a customer-managed key in {previous.Description}");
                continue;
            }

            string how = before.Status is null ? "without encryption settings" : "with encryption " + before.Status.Describe();
            var finding = context.Violation(Rule, resource, "properties.encryption.status", registry.Status!.Span, $"Registry '{resource.DisplayName}' enables a customer-managed key, but it already exists {how} in {previous.Description} ({previous.Comparison}); CMK can only be enabled when a registry is created: create a new registry with CMK and move the images.");
            RuleContext.Relate(finding, before.EncryptionSpan, $"the registry in {previous.Description}, without a customer-managed key");
            yield return finding;
        }
    }
}
