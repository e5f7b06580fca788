using System;
using System.Collections.Generic;
using System.Globalization;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.Rules;

/// <summary>CMK011: the key must be an enabled, unexpired RSA key that allows wrapKey and unwrapKey.</summary>
public sealed class KeyUsableRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK011",
        "cmk-key-usable",
        "A registry's customer-managed key must be an enabled, unexpired RSA key that allows wrapKey and unwrapKey.",
        "Azure Container Registry wraps its data encryption key with an RSA key (RSA or RSA-HSM). A key of another type, a key whose keyOps leave out wrapKey or unwrapKey, a disabled key or an expired key (attributes.exp, in seconds since 1970) cannot be used: creation fails, or the registry's data becomes unreadable.",
        Level.Error,
        "7.0",
        "security",
        "cmk",
        "key-vault");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var seen = new HashSet<ResourceInstance>();
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var registry = chain.Resource;
            var key = chain.KeyResource;
            if (key is null || key.Existing)
            {
                if (chain.Key.Problem is null)
                {
                    var why = key is not null
                        ? new UnknownValue($"the key '{key.DisplayName}' is an existing resource; its settings are outside the analysed files", key.Span)
                        : chain.Key.Unresolved ?? chain.VaultUnresolved ?? new UnknownValue("the key is not declared in the analysed files", chain.KeyIdentifierValue?.Span ?? registry.Span);
                    yield return context.Inconclusive(Rule, registry, "properties.encryption.keyVaultProperties.keyIdentifier", why, $"that the key of registry '{registry.DisplayName}' is usable");
                }

                continue;
            }

            if (!seen.Add(key))
            {
                continue;
            }

            string name = $"Key '{key.DisplayName}' (the customer-managed key of registry '{registry.DisplayName}')";
            var kty = key.Get("properties.kty");
            if (kty is not null && kty is not NullValue)
            {
                bool? rsa = Values.Or(Values.TextIs(kty, "RSA"), Values.TextIs(kty, "RSA-HSM"));
                if (rsa == false)
                {
                    yield return Report(context, key, chain, "properties.kty", kty, $"{name} has type {Phrasing.For(key, kty.Span).Describe(kty)}; a registry needs an 'RSA' or 'RSA-HSM' key.");
                }
                else if (rsa is null)
                {
                    yield return context.Inconclusive(Rule, key, "properties.kty", kty, $"that key '{key.DisplayName}' is an RSA key");
                }
            }

            var keyOps = key.Get("properties.keyOps");
            if (keyOps is not null && keyOps is not NullValue)
            {
                bool? wraps = KeyPermissions.AllowsWrap(keyOps);
                if (wraps == false)
                {
                    yield return Report(context, key, chain, "properties.keyOps", keyOps, $"{name} allows only {Phrasing.For(key, keyOps.Span).Describe(keyOps)}; the registry needs both 'wrapKey' and 'unwrapKey'.");
                }
                else if (wraps is null)
                {
                    yield return context.Inconclusive(Rule, key, "properties.keyOps", keyOps, $"that key '{key.DisplayName}' allows wrapKey and unwrapKey");
                }
            }

            var enabled = key.Get("properties.attributes.enabled");
            if (enabled is not null && enabled is not NullValue)
            {
                bool? on = Values.AsBool(enabled);
                if (on == false)
                {
                    yield return Report(context, key, chain, "properties.attributes.enabled", enabled, $"{name} is disabled (attributes.enabled is false); the registry cannot use it.");
                }
                else if (on is null)
                {
                    yield return context.Inconclusive(Rule, key, "properties.attributes.enabled", enabled, $"that key '{key.DisplayName}' is enabled");
                }
            }

            var exp = key.Get("properties.attributes.exp");
            if (exp is not null && exp is not NullValue)
            {
                if (exp is NumberValue seconds)
                {
                    var expires = DateTimeOffset.FromUnixTimeSeconds((long)Math.Max(-62135596800d, Math.Min(seconds.Number, 253402300799d)));
                    if (expires <= context.Options.Now)
                    {
                        yield return Report(context, key, chain, "properties.attributes.exp", exp, $"{name} expired {(seconds.IsLoaded ? "(attributes.exp is " + Value.LoadedDescription + ")" : "on " + expires.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " (attributes.exp " + Phrasing.For(key, seconds.Span).Describe(seconds) + ")")}; an expired key cannot wrap or unwrap.");
                    }
                }
                else if (!exp.IsKnown)
                {
                    yield return context.Inconclusive(Rule, key, "properties.attributes.exp", exp, $"that key '{key.DisplayName}' has not expired");
                }
            }
        }
    }

    private static Finding Report(RuleContext context, ResourceInstance key, CmkChain chain, string path, Value value, string message)
    {
        var finding = context.Violation(Rule, key, path, value.Span, message);
        RuleContext.Relate(finding, chain.Resource, "the registry using the key");
        RuleContext.RelateParameter(finding, value);
        if (chain.KeyIdentifierValue is { } identifier)
        {
            RuleContext.Relate(finding, identifier.Span, "the registry's key identifier");
        }

        return finding;
    }
}
