using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>CMK014: encryption is set with a registry API version that has no <c>properties.encryption</c>.</summary>
public sealed class RegistryApiVersionRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK014",
        "cmk-api-version",
        "A registry with a customer-managed key must use an API version that has properties.encryption.",
        "Registry API versions earlier than " + RegistryApiVersions.FirstWithEncryption + " (2017-03-01, 2017-10-01, 2019-05-01) have no properties.encryption: Azure Resource Manager ignores or rejects it, so the registry is not encrypted with the customer-managed key.",
        Level.Error,
        "7.0",
        "security",
        "cmk",
        "container-registry");

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
            var declaration = resource.Declaration;
            var apiSpan = declaration.ApiVersionSpan.IsNone ? resource.Span : declaration.ApiVersionSpan;
            bool? hasEncryption = RegistryApiVersions.HasEncryption(resource.ApiVersion);
            if (hasEncryption == true)
            {
                continue;
            }

            if (hasEncryption is null)
            {
                var version = new UnknownValue($"'{resource.ApiVersion ?? "(none)"}' is not a registry API version CmkLint knows", apiSpan);
                yield return context.Inconclusive(Rule, resource, "apiVersion", version, $"that registry '{resource.DisplayName}' uses an API version with properties.encryption");
                continue;
            }

            if (registry.IsCmk is null)
            {
                yield return context.Inconclusive(Rule, resource, "apiVersion", registry.Status!, $"whether registry '{resource.DisplayName}' (API version {resource.ApiVersion}, which has no properties.encryption) enables a customer-managed key");
                continue;
            }

            var finding = context.Violation(Rule, resource, "apiVersion", apiSpan, $"Registry '{resource.DisplayName}' sets {Phrasing.For(resource, apiSpan).Property("properties.encryption")} with API version '{resource.ApiVersion}', which has no {Phrasing.For(resource, apiSpan).Property("properties.encryption")}; use {RegistryApiVersions.FirstWithEncryption} or later (for example 2023-07-01).");
            RuleContext.Relate(finding, registry.Status!.Span, "encryption is enabled here");
            if (!declaration.ApiVersionSpan.IsNone && resource.ApiVersion is { } old)
            {
                finding.Fix = new SuggestedFix($"use API version {RegistryApiVersions.NewestStableWithEncryption}", new SuggestedChange(ChangeKind.ReplaceText, declaration.ApiVersionSpan, old, RegistryApiVersions.NewestStableWithEncryption));
            }

            yield return finding;
        }
    }
}
