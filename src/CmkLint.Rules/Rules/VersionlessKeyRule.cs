using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;

namespace CmkLint.Rules;

/// <summary>CMK013: a versioned key identifier does not follow key rotation.</summary>
public sealed class VersionlessKeyRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK013",
        "cmk-versionless-key",
        "keyVaultProperties.keyIdentifier names a key version; a versionless key URI lets the registry follow key rotation.",
        "With a versioned key URI (keyUriWithVersion, or .../keys/{name}/{version}) the registry keeps using that version until someone updates it by hand. With a versionless URI (keyUri) the registry picks up a rotated key automatically.",
        Level.Note,
        "2.0",
        "maintainability",
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
            if (key.Problem is not null || chain.KeyIdentifierValue is null)
            {
                continue;
            }

            if (key.IsVersioned == true)
            {
                string version = key.Version is Evaluation.StringValue { IsLoaded: false } s ? $" version '{s.Text}'" : " a key version";
                var phrasing = Phrasing.For(registry, chain.KeyIdentifierValue.Span);

                // The C# SDKs declare no key resource whose URI could be read: the URI's form says what to use.
                string keyUri = phrasing.Choose(phrasing.RuntimeProperty(chain.KeyResource, "keyUri", "the key"), phrasing.RuntimeProperty(chain.KeyResource, "keyUri", "the key's resourceId(...)"), "https://{vault}.vault.azure.net/keys/{name}");
                var finding = context.Violation(Rule, registry, Path, chain.KeyIdentifierValue.Span, $"Registry '{registry.DisplayName}' uses{version} of its key, so it does not follow key rotation; use the versionless key URI ({keyUri}).");
                finding.Fix = VersionlessFix(chain);
                RuleContext.RelateParameter(finding, chain.KeyIdentifierValue);
                if (chain.KeyResource is { } keyResource)
                {
                    RuleContext.Relate(finding, keyResource, "the key");
                }

                yield return finding;
            }
            else if (key.IsVersioned is null)
            {
                yield return context.Inconclusive(Rule, registry, Path, key.Unresolved ?? chain.KeyIdentifierValue, $"whether keyIdentifier of registry '{registry.DisplayName}' names a key version");
            }
        }
    }

    /// <summary>keyUriWithVersion becomes keyUri; a literal URI loses its version segment.</summary>
    private static SuggestedFix? VersionlessFix(CmkChain chain)
    {
        var value = chain.KeyIdentifierValue!;
        if (chain.Key.Version is Evaluation.ResourceReferenceValue)
        {
            return new SuggestedFix("use the key's keyUri instead of keyUriWithVersion", new SuggestedChange(ChangeKind.RenameAccess, value.Span, "keyUriWithVersion", "keyUri"));
        }

        if (chain.Key.Version is Evaluation.StringValue { Text.Length: > 0 } version && value is Evaluation.StringValue uri && uri.Text.EndsWith("/" + version.Text, System.StringComparison.Ordinal))
        {
            return LiteralChanges.Fix("remove the key version from the key URI", value, uri.Text.Substring(0, uri.Text.Length - version.Text.Length - 1));
        }

        return null;
    }
}
