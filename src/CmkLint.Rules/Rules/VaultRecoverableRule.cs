using System;
using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.Rules;

/// <summary>CMK005: the vault holding the key must have soft delete and purge protection.</summary>
public sealed class VaultRecoverableRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK005",
        "cmk-vault-recoverable",
        "The Key Vault or managed HSM holding a registry's key must have soft delete and purge protection enabled.",
        "If the key, or the vault holding it, is deleted or purged, the registry's data cannot be decrypted any more and is lost. Azure requires soft delete and purge protection on a vault used for a registry's customer-managed key. Soft delete is on by default from API version 2019-09-01 and cannot be turned off; purge protection must be enabled explicitly.",
        Level.Error,
        "7.0",
        "security",
        "cmk",
        "key-vault");

    /// <summary>The first vault API version where soft delete is on when not set.</summary>
    private const string SoftDeleteDefaultSince = "2019-09-01";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var seen = new HashSet<ResourceInstance>();
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var vault = chain.DeployedVault;
            if (vault is null)
            {
                var registry = chain.Resource;
                yield return context.Inconclusive(Rule, registry, "properties.encryption.keyVaultProperties.keyIdentifier", chain.VaultUnresolved ?? chain.KeyIdentifierValue ?? new UnknownValue("the key identifier is missing", registry.Span), $"that the vault holding the key of registry '{registry.DisplayName}' is recoverable");
                continue;
            }

            if (!seen.Add(vault))
            {
                continue;
            }

            string kind = chain.Key.IsManagedHsm ? "Managed HSM" : "Vault";
            string usedBy = $"holds the customer-managed key of registry '{chain.Resource.DisplayName}'";
            var softDelete = vault.Get("properties.enableSoftDelete");
            bool? softDeleteOn = softDelete is null || softDelete is NullValue ? DefaultSoftDelete(vault) : Values.AsBool(softDelete);
            if (softDeleteOn == false)
            {
                var finding = softDelete is null || softDelete is NullValue
                    ? context.Violation(Rule, vault, "properties.enableSoftDelete", vault.Span, $"{kind} '{vault.DisplayName}' {usedBy} but does not set {Phrasing.For(vault, vault.Span).Property("enableSoftDelete")}, and with API version {vault.ApiVersion} soft delete is off by default; set {Property(vault, "enableSoftDelete")} (or use API version {SoftDeleteDefaultSince} or later).")
                    : context.Violation(Rule, vault, "properties.enableSoftDelete", softDelete.Span, $"{kind} '{vault.DisplayName}' {usedBy} but turns soft delete off; a deleted key would make the registry's data unrecoverable.");
                finding.Fix = TurnOn(vault, softDelete, "enableSoftDelete");
                RelateParameter(finding, softDelete);
                RuleContext.Relate(finding, vault.Declaration.ApiVersionSpan, "the vault's API version");
                Relate(finding, chain);
                yield return finding;
            }
            else if (softDeleteOn is null)
            {
                yield return context.Inconclusive(Rule, vault, "properties.enableSoftDelete", softDelete ?? new UnknownValue("the vault declares no API version", vault.Span), $"that {kind.ToLowerInvariant()} '{vault.DisplayName}' has soft delete enabled");
            }

            var purge = vault.Get("properties.enablePurgeProtection");
            bool? purgeOn = purge is null || purge is NullValue ? false : Values.AsBool(purge);
            if (purgeOn == false)
            {
                var finding = purge is null || purge is NullValue
                    ? context.Violation(Rule, vault, "properties.enablePurgeProtection", vault.Span, $"{kind} '{vault.DisplayName}' {usedBy} but does not enable purge protection; set {Property(vault, "enablePurgeProtection")} so the key cannot be purged.")
                    : context.Violation(Rule, vault, "properties.enablePurgeProtection", purge.Span, $"{kind} '{vault.DisplayName}' {usedBy} but sets {Phrasing.For(vault, purge.Span).Property("enablePurgeProtection")} to {Phrasing.For(vault, purge.Span).Describe(purge)}; a purged key would make the registry's data unrecoverable.");
                finding.Fix = TurnOn(vault, purge, "enablePurgeProtection");
                RelateParameter(finding, purge);
                Relate(finding, chain);
                yield return finding;
            }
            else if (purgeOn is null)
            {
                yield return context.Inconclusive(Rule, vault, "properties.enablePurgeProtection", purge!, $"that {kind.ToLowerInvariant()} '{vault.DisplayName}' has purge protection enabled");
            }
        }
    }

    /// <summary>The property as the vault's language writes it: <c>name: true</c> in Bicep, <c>"name": true</c> in ARM JSON, <c>Name = true</c> in C#.</summary>
    private static string Property(ResourceInstance vault, string name) => Phrasing.For(vault, vault.Span).Assignment(name, true);

    /// <summary>A false literal becomes true; an absent property is added to the vault's properties object.</summary>
    private static SuggestedFix? TurnOn(ResourceInstance vault, Value? value, string property)
    {
        string title = "set " + Property(vault, property);
        if (value is null || value is NullValue)
        {
            var properties = vault.Get("properties");
            return value is null && properties is ObjectValue ? new SuggestedFix(title, new SuggestedChange(ChangeKind.AddProperty, properties.Span, null, true, property)) : null;
        }

        return LiteralChanges.Fix(title, value, true);
    }

    /// <summary>Soft delete when not set: on for managed HSMs and for vault API versions from 2019-09-01; unknown without an API version.</summary>
    private static bool? DefaultSoftDelete(ResourceInstance vault)
    {
        if (string.Equals(vault.Type, KeyIdentifier.ManagedHsmType, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? api = vault.ApiVersion;
        if (api is null || api.Length < SoftDeleteDefaultSince.Length)
        {
            return null;
        }

        return string.CompareOrdinal(api.Substring(0, SoftDeleteDefaultSince.Length), SoftDeleteDefaultSince) >= 0;
    }

    private static void RelateParameter(Finding finding, Value? value)
    {
        if (value is not null)
        {
            RuleContext.RelateParameter(finding, value);
        }
    }

    private static void Relate(Finding finding, CmkChain chain)
    {
        RuleContext.Relate(finding, chain.Resource, "the registry using the key");
        if (chain.KeyIdentifierValue is { } key)
        {
            RuleContext.Relate(finding, key.Span, "the registry's key identifier");
        }
    }
}
