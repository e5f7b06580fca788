using System.Collections.Generic;
using System.Linq;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>CMK008: the previous state has the registry with CMK; the template disables it (error) or omits <c>encryption</c> (warning).</summary>
public sealed class DisableCmkRule : IPreviousStateRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK008",
        "cmk-cannot-be-disabled",
        "A customer-managed key cannot be disabled once it is enabled.",
        "The previous state (a previous version of the template, or an export of the deployed resource) has the registry encrypted with a customer-managed key, and the template sets 'encryption.status' to 'disabled' (error) or leaves 'encryption' out (warning). Azure Container Registry cannot turn customer-managed-key encryption off once it is on: the deployment fails, or the template no longer says what the registry is.",
        Level.Error,
        "7.0",
        "security",
        "cmk",
        "container-registry");

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
            if (registry.IsCmk == true)
            {
                continue;
            }

            var resource = registry.Resource;
            var match = previous.Match(resource);
            var before = match.Registry;
            if (match.Unresolved is not null)
            {
                if (!previous.Registries.Any(r => r.IsCmk != false))
                {
                    continue;
                }

                yield return context.Inconclusive(Rule, resource, "properties.encryption.status", new UnknownValue(match.Unresolved, resource.Span), $"whether registry '{resource.DisplayName}' had a customer-managed key before");
                continue;
            }

            if (before is null || before.IsCmk == false)
            {
                continue;
            }

            if (before.IsCmk is null)
            {
                yield return context.Inconclusive(Rule, resource, "properties.encryption.status", before.Status!, $"whether registry '{resource.DisplayName}' had a customer-managed key in {previous.Description}");
                continue;
            }

            Finding finding;
            if (registry.Status is null)
            {
                // Omitted, not disabled: what Azure does with a PUT that leaves encryption out is not proven, so a warning.
                var span = registry.Encryption?.Span ?? resource.Span;
                finding = context.Violation(Rule, resource, "properties.encryption", span.IsNone ? resource.Span : span, $"Registry '{resource.DisplayName}' has a customer-managed key in {previous.Description} ({previous.Comparison}), but the template leaves {Phrasing.For(resource, span.IsNone ? resource.Span : span).Choose("'encryption'", "'encryption'", "Encryption")} out; CMK cannot be disabled, so keep the encryption settings in the template.", Level.Warning);
            }
            else if (registry.IsCmk is null)
            {
                yield return context.Inconclusive(Rule, resource, "properties.encryption.status", registry.Status, $"that registry '{resource.DisplayName}' keeps the customer-managed key it has in {previous.Description}");
                continue;
            }
            else
            {
                finding = context.Violation(Rule, resource, "properties.encryption.status", registry.Status.Span, $"Registry '{resource.DisplayName}' sets encryption status {Phrasing.For(resource, registry.Status.Span).Describe("encryption.status", registry.Status)}, but it has a customer-managed key in {previous.Description} ({previous.Comparison}); CMK cannot be disabled once it is enabled.");
                RuleContext.RelateParameter(finding, registry.Status);
            }

            RuleContext.Relate(finding, before.EncryptionSpan, $"the customer-managed key is enabled in {previous.Description}");
            yield return finding;
        }
    }
}
