using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>CMK001: a registry encrypted with a customer-managed key must use the Premium SKU.</summary>
public sealed class RequirePremiumRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK001",
        "cmk-requires-premium",
        "A registry with a customer-managed key must use the Premium SKU.",
        "Azure Container Registry supports encryption with a customer-managed key only in the Premium service tier. A deployment that enables CMK on a Basic, Standard or Classic registry fails.",
        Level.Error,
        "7.5",
        "security",
        "cmk",
        "container-registry");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        foreach (var registry in CmkRegistry.WithCmk(context.Graph))
        {
            var resource = registry.Resource;
            var sku = resource.Get("sku.name");
            if (sku is null)
            {
                var span = resource.Get("sku")?.Span ?? resource.Span;
                var missing = context.Violation(Rule, resource, "sku.name", span, $"Registry '{resource.DisplayName}' enables a customer-managed key but declares no SKU; CMK requires the Premium SKU ({Phrasing.For(resource, span).Setting("sku.name", "Premium")}).");
                RuleContext.Relate(missing, registry.Status!.Span, "encryption is enabled here");
                yield return missing;
                continue;
            }

            bool? premium = Values.TextIs(sku, "Premium");
            if (premium == false)
            {
                string from = sku.Parameter is { } p ? $" (from parameter '{p.Declaration.Name}'{(p.IsSupplied ? " in " + (p.Deployment.ParametersSource ?? "the caller") : " default")})" : string.Empty;
                var phrasing = Phrasing.For(resource, sku.Span);
                string setting = phrasing.Setting("sku.name", "Premium");
                var finding = context.Violation(Rule, resource, "sku.name", sku.Span, $"Registry '{resource.DisplayName}' enables a customer-managed key but its SKU is {phrasing.Describe("sku.name", sku)}{from}; CMK requires the Premium SKU ({setting}).");
                RuleContext.Relate(finding, registry.Status!.Span, "encryption is enabled here");
                finding.Fix = LiteralChanges.Fix("set " + setting, sku, "Premium");
                RuleContext.RelateParameter(finding, sku);

                yield return finding;
            }
            else if (premium is null)
            {
                yield return context.Inconclusive(Rule, resource, "sku.name", sku, $"that registry '{resource.DisplayName}' uses the Premium SKU");
            }
        }
    }
}
