using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>
/// CMK007: a customer-managed key can only be enabled when the registry is created. One rule over the
/// registry's earlier states: in the ordinary pass the deployment's own earlier declarations and the
/// updates of existing registries; in a comparison pass the registry in the previous state.
/// </summary>
public sealed class CmkOnlyAtCreationRule : IEarlierStateRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK007",
        "cmk-only-at-creation",
        "A customer-managed key can only be enabled when the registry is created.",
        "Azure Container Registry accepts encryption with a customer-managed key only when the registry is created. Enabling it on a registry that already exists without CMK (an earlier declaration in the same deployment, a previous revision, or the deployed resource) fails.",
        Level.Error,
        "7.5",
        "security",
        "cmk",
        "container-registry");

    private const string StatusPath = "properties.encryption.status";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var previous = context.Previous;
        foreach (var registry in CmkRegistry.All(context.Graph))
        {
            if (registry.IsCmk == false)
            {
                continue;
            }

            var earlierStates = previous is null ? EarlierDeclarations.Of(registry, context.Graph) : previous.EarlierStates(registry);
            foreach (var earlier in earlierStates)
            {
                var finding = earlier.Kind == EarlierStateKind.PreviousState ? Previously(context, registry, earlier) : Redeclared(context, registry, earlier);
                if (finding is not null)
                {
                    yield return finding;
                }
            }
        }

        if (previous is not null)
        {
            yield break;
        }

        foreach (var update in CmkRegistry.Updates(context.Graph))
        {
            if (update.IsCmk == false)
            {
                continue;
            }

            var resource = update.Resource;
            yield return update.IsCmk is null
                ? context.Inconclusive(Rule, resource, StatusPath, update.Status!, "whether an update of an existing registry enables a customer-managed key")
                : context.Violation(Rule, resource, StatusPath, resource.Span, "Encryption is set through a registry update (ContainerRegistryPatch.Encryption); a customer-managed key can only be enabled when the registry is created.");
        }
    }

    /// <summary>An earlier declaration in the same deployment.</summary>
    private static Finding? Redeclared(RuleContext context, CmkRegistry registry, EarlierRegistryState earlier)
    {
        if (earlier.IsCmk == true)
        {
            return null;
        }

        var resource = registry.Resource;
        Finding finding;
        if (earlier.IsCmk is null)
        {
            finding = context.Inconclusive(Rule, resource, StatusPath, earlier.Status ?? new UnknownValue($"the encryption of registry '{resource.DisplayName}' {earlier.Origin} is not known", earlier.Span), $"whether registry '{resource.DisplayName}' ({earlier.Origin}) had a customer-managed key before this declaration enables it");
        }
        else if (registry.IsCmk is null)
        {
            finding = context.Inconclusive(Rule, resource, StatusPath, registry.Status!, $"whether registry '{resource.DisplayName}', {earlier.Origin} without a customer-managed key, enables one here");
        }
        else
        {
            finding = context.Violation(Rule, resource, StatusPath, registry.Status!.Span, $"Registry '{resource.DisplayName}' enables a customer-managed key, but it is {earlier.Origin} without one; CMK can only be enabled when the registry is created. Enable encryption in the first declaration, or create a new registry.");
            RuleContext.RelateParameter(finding, registry.Status!);
        }

        RuleContext.Relate(finding, earlier.Span, earlier.IsCmk is null ? $"registry {earlier.Origin}" : $"registry {earlier.Origin}, without a customer-managed key");
        return finding;
    }

    /// <summary>The registry in a previous revision or a deployed export.</summary>
    private static Finding? Previously(RuleContext context, CmkRegistry registry, EarlierRegistryState before)
    {
        var resource = registry.Resource;
        if (before.Unresolved is not null)
        {
            // Only a registry that existed without CMK makes this a violation.
            return registry.IsCmk == true ? context.Inconclusive(Rule, resource, StatusPath, new UnknownValue(before.Unresolved, resource.Span), $"whether registry '{resource.DisplayName}' already existed without a customer-managed key") : null;
        }

        if (before.IsCmk == true)
        {
            // A registry that already had CMK: enabling CMK at creation is what Azure requires.
            return null;
        }

        if (registry.IsCmk is null)
        {
            return context.Inconclusive(Rule, resource, StatusPath, registry.Status!, $"whether registry '{resource.DisplayName}' enables a customer-managed key on a registry that exists without one in {before.Origin}");
        }

        if (before.IsCmk is null)
        {
            return context.Inconclusive(Rule, resource, StatusPath, before.Status!, $"whether registry '{resource.DisplayName}' had a customer-managed key in {before.Origin}");
        }

        string how = before.Status is null ? "without encryption settings" : "with encryption " + Phrasing.For(resource, registry.Status!.Span).Describe(before.Status);
        var finding = context.Violation(Rule, resource, StatusPath, registry.Status!.Span, $"Registry '{resource.DisplayName}' enables a customer-managed key, but it already exists {how} in {before.Origin} ({before.Comparison}); CMK can only be enabled when a registry is created: create a new registry with CMK and move the images.");
        RuleContext.Relate(finding, before.Span, $"the registry in {before.Origin}, without a customer-managed key");
        RuleContext.RelateParameter(finding, registry.Status!);
        return finding;
    }
}
