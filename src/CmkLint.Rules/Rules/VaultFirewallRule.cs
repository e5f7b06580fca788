using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;

namespace CmkLint.Rules;

/// <summary>CMK009: a vault behind a firewall is reachable only by the registry's system-assigned identity through the trusted-services bypass.</summary>
public sealed class VaultFirewallRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK009",
        "cmk-vault-firewall",
        "A Key Vault that denies public access must allow trusted Azure services, and the registry must reach it through its system-assigned identity.",
        "When the vault holding the key denies public network access (networkAcls.defaultAction Deny, or publicNetworkAccess Disabled), Azure Container Registry reaches it only as a trusted Microsoft service: the vault must set networkAcls.bypass to AzureServices, and the registry must use its system-assigned identity for the key. A registry that reaches the key through a user-assigned identity is blocked by the firewall.",
        Level.Error,
        "6.5",
        "security",
        "cmk",
        "key-vault",
        "network");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var reportedBypass = new HashSet<Graph.ResourceInstance>();
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var registry = chain.Resource;
            var vault = chain.DeployedVault;
            if (vault is null)
            {
                yield return context.Inconclusive(Rule, registry, "properties.encryption.keyVaultProperties.keyIdentifier", chain.VaultUnresolved ?? chain.KeyIdentifierValue ?? new UnknownValue("the key identifier is missing", registry.Span), $"whether the vault holding the key of registry '{registry.DisplayName}' denies public access");
                continue;
            }

            var defaultAction = vault.Get("properties.networkAcls.defaultAction");
            var publicAccess = vault.Get("properties.publicNetworkAccess");
            bool? deniesByAcl = defaultAction is null || defaultAction is NullValue ? false : Values.TextIs(defaultAction, "Deny");
            bool? deniesByPublicAccess = publicAccess is null || publicAccess is NullValue ? false : Values.TextIs(publicAccess, "Disabled");
            bool? denies = Values.Or(deniesByAcl, deniesByPublicAccess);
            if (denies == false)
            {
                continue;
            }

            if (denies is null)
            {
                yield return context.Inconclusive(Rule, vault, "properties.networkAcls.defaultAction", deniesByAcl is null ? defaultAction! : publicAccess!, $"whether vault '{vault.DisplayName}' denies public access");
                continue;
            }

            var denial = deniesByAcl == true ? defaultAction! : publicAccess!;
            var phrasing = Phrasing.For(vault, denial.Span);
            string denialText = deniesByAcl == true ? phrasing.Property("networkAcls.defaultAction") + " is Deny" : phrasing.Property("publicNetworkAccess") + " is Disabled";

            // Not set, the bypass is AzureServices.
            var bypass = vault.Get("properties.networkAcls.bypass");
            bool? trusted = bypass is null || bypass is NullValue ? true : Values.TextIs(bypass, "AzureServices");
            if (trusted == false && reportedBypass.Add(vault))
            {
                var finding = context.Violation(Rule, vault, "properties.networkAcls.bypass", bypass!.Span, $"Vault '{vault.DisplayName}' holds the customer-managed key of registry '{registry.DisplayName}' and denies public access ({denialText}), but {phrasing.Property("networkAcls.bypass")} is {phrasing.Describe("networkAcls.bypass", bypass)}; set {phrasing.Setting("networkAcls.bypass", "AzureServices")} so the registry can reach the key as a trusted service.");
                RuleContext.Relate(finding, denial.Span, "public access is denied here");
                RuleContext.Relate(finding, registry, "the registry using the key");
                RuleContext.RelateParameter(finding, bypass);
                yield return finding;
            }
            else if (trusted is null)
            {
                yield return context.Inconclusive(Rule, vault, "properties.networkAcls.bypass", bypass!, $"that vault '{vault.DisplayName}' lets trusted Azure services through its firewall");
            }

            var identity = chain.IdentityValue;
            if (chain.Identity.Kind == IdentityValueKind.Missing)
            {
                continue;
            }

            if (chain.Identity.Kind == IdentityValueKind.Unresolved && (identity is UnknownValue or ConditionalValue or RuntimeValue))
            {
                yield return context.Inconclusive(Rule, registry, "properties.encryption.keyVaultProperties.identity", identity, $"whether registry '{registry.DisplayName}' reaches the firewalled vault '{vault.DisplayName}' through a user-assigned identity");
                continue;
            }

            var uami = context.Violation(Rule, registry, "properties.encryption.keyVaultProperties.identity", identity!.Span, $"Registry '{registry.DisplayName}' reaches its key through a user-assigned identity, but vault '{vault.DisplayName}' denies public access ({denialText}); only the registry's system-assigned identity passes the firewall as a trusted service. Rotate the encryption to the system-assigned identity after creation, or allow access to the vault.");
            RuleContext.Relate(uami, denial.Span, "public access is denied here");
            RuleContext.Relate(uami, vault, "the vault");
            RuleContext.RelateParameter(uami, identity);
            if (chain.Identity.Instance is { } instance)
            {
                RuleContext.Relate(uami, instance, "the user-assigned identity");
            }

            yield return uami;
        }
    }
}
