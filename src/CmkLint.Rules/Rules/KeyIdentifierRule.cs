using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;

namespace CmkLint.Rules;

/// <summary>CMK012: keyIdentifier must be a Key Vault (or managed HSM) key URI.</summary>
public sealed class KeyIdentifierRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK012",
        "cmk-key-identifier",
        "keyVaultProperties.keyIdentifier must be a Key Vault key URI: https://{vault}.vault.azure.net/keys/{name}[/{version}].",
        "The registry reads its customer-managed key from the URI in keyVaultProperties.keyIdentifier. A resource ID, a secret or certificate URI, an http URI, a host that is not a Key Vault or managed HSM, or a URI without the key name is rejected, and the registry is not created.",
        Level.Error,
        "7.0",
        "security",
        "cmk",
        "container-registry");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        const string Path = "properties.encryption.keyVaultProperties.keyIdentifier";
        foreach (var chain in CmkChain.Of(context.Graph))
        {
            var registry = chain.Resource;
            var key = chain.Key;
            if (key.Problem is not null)
            {
                var span = chain.KeyIdentifierValue?.Span ?? chain.Registry.KeyVaultProperties?.Span ?? chain.Registry.Encryption?.Span ?? registry.Span;
                var phrasing = Phrasing.For(registry, span);
                string shown = chain.KeyIdentifierValue is null ? phrasing.Property("keyVaultProperties.keyIdentifier") : phrasing.Choose("keyIdentifier ", "keyIdentifier ", "KeyIdentifier ") + phrasing.Describe(chain.KeyIdentifierValue);

                // The C# SDKs have no key resource whose URI could be read: the URI's form is the example.
                string example = phrasing.Choose(", e.g. key.properties.keyUri", ", e.g. reference(resourceId('Microsoft.KeyVault/vaults/keys', '{vault}', '{name}')).keyUri", string.Empty);
                var finding = context.Violation(Rule, registry, Path, span, $"Registry '{registry.DisplayName}': {shown} {key.Problem}; use the key's URI (https://{{vault}}.vault.azure.net/keys/{{name}}{example}).");
                RuleContext.Relate(finding, chain.Registry.Status!.Span, "encryption is enabled here");
                if (chain.KeyIdentifierValue is { } identifier)
                {
                    RuleContext.RelateParameter(finding, identifier);
                }

                yield return finding;
            }
            else if (key.Unresolved is not null)
            {
                yield return context.Inconclusive(Rule, registry, Path, key.Unresolved, $"that keyIdentifier of registry '{registry.DisplayName}' is a Key Vault key URI");
            }
        }
    }
}
