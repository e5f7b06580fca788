using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>
/// CMK007: a customer-managed key can only be enabled when the registry is created. The earlier states
/// come from <see cref="IRegistryHistory"/> sources: by default the deployment's own earlier declarations;
/// the previous-state comparison adds a source for a previous revision or a deployed export.
/// </summary>
public sealed class CmkOnlyAtCreationRule : IRule
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

    private readonly IReadOnlyList<IRegistryHistory> histories;

    /// <summary>With the deployment's own earlier declarations as the only history.</summary>
    public CmkOnlyAtCreationRule()
        : this(EarlierDeclarations.Instance)
    {
    }

    /// <summary>With the given histories (e.g. earlier declarations plus a previous git revision).</summary>
    public CmkOnlyAtCreationRule(params IRegistryHistory[] histories)
    {
        this.histories = histories;
    }

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
            foreach (var history in histories)
            {
                foreach (var earlier in history.EarlierStates(registry, context))
                {
                    if (earlier.IsCmk == true)
                    {
                        continue;
                    }

                    string path = earlier.Comparison is null ? StatusPath : StatusPath + "@" + earlier.Comparison;
                    Finding finding;
                    if (earlier.IsCmk is null)
                    {
                        finding = context.Inconclusive(Rule, resource, path, earlier.Status ?? new UnknownValue($"the encryption of registry '{resource.DisplayName}' {earlier.Origin} is not known", earlier.Span), $"whether registry '{resource.DisplayName}' ({earlier.Origin}) had a customer-managed key before this declaration enables it");
                    }
                    else if (registry.IsCmk is null)
                    {
                        finding = context.Inconclusive(Rule, resource, path, registry.Status!, $"whether registry '{resource.DisplayName}', {earlier.Origin} without a customer-managed key, enables one here");
                    }
                    else
                    {
                        finding = context.Violation(Rule, resource, path, registry.Status!.Span, $"Registry '{resource.DisplayName}' enables a customer-managed key, but it is {earlier.Origin} without one; CMK can only be enabled when the registry is created. Enable encryption in the first declaration, or create a new registry.");
                    }

                    finding.Comparison = earlier.Comparison;
                    RuleContext.Relate(finding, earlier.Span, earlier.IsCmk is null ? $"registry {earlier.Origin}" : $"registry {earlier.Origin}, without a customer-managed key");
                    yield return finding;
                }
            }
        }
    }
}
