using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CmkLint.Bicep.Modules;

/// <summary>Which registry a module reference names: an OCI registry (<c>br:</c>) or a template spec (<c>ts:</c>).</summary>
internal enum ModuleReferenceScheme
{
    Oci,
    TemplateSpec,
}

/// <summary>
/// A <c>br:</c>, <c>br/alias:</c>, <c>ts:</c> or <c>ts/alias:</c> module reference, parsed and
/// validated as the Bicep CLI parses it (OciArtifactAddressComponents, TemplateSpecModuleReference),
/// and the place the Bicep CLI restores it to in its module cache.
/// </summary>
internal sealed class ModuleReference
{
    // The OCI distribution spec's patterns, as the Bicep CLI checks them (OciArtifactReferenceFacts).
    private static readonly Regex NamespaceSegment = new("^[a-z0-9]+([._-][a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$", RegexOptions.CultureInvariant);
    private static readonly Regex Digest = new("^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant);
    private static readonly Regex AliasName = new("^[a-zA-Z0-9-_]+$", RegexOptions.CultureInvariant);
    private static readonly Regex ResourceName = new(@"^[-\w\.\(\)]{0,89}[-\w\(\)]$", RegexOptions.CultureInvariant);

    private const int MaxRegistryLength = 255;
    private const int MaxRepositoryLength = 255;
    private const int MaxTagLength = 128;

    private ModuleReference(string text, ModuleReferenceScheme scheme)
    {
        Text = text;
        Scheme = scheme;
    }

    /// <summary>The reference as written in the Bicep file.</summary>
    public string Text { get; }

    public ModuleReferenceScheme Scheme { get; }

    /// <summary>OCI: the registry host (with its port, if any).</summary>
    public string Registry { get; private set; } = string.Empty;

    /// <summary>OCI: the repository path (slashes kept).</summary>
    public string Repository { get; private set; } = string.Empty;

    /// <summary>OCI: the tag, when the reference has one (case-sensitive).</summary>
    public string? TagName { get; private set; }

    /// <summary>OCI: the digest (<c>sha256:...</c>), when the reference has one instead of a tag.</summary>
    public string? DigestValue { get; private set; }

    /// <summary>Template spec: the subscription ID.</summary>
    public string SubscriptionId { get; private set; } = string.Empty;

    /// <summary>Template spec: the resource group.</summary>
    public string ResourceGroup { get; private set; } = string.Empty;

    /// <summary>Template spec: the template spec's name.</summary>
    public string TemplateSpecName { get; private set; } = string.Empty;

    /// <summary>Template spec: the version.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>Whether a module path is a registry or template spec reference rather than a relative file path.</summary>
    public static bool IsRegistryReference(string path) =>
        path.StartsWith("br:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("br/", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("ts:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("ts/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a reference, resolving an alias through the configuration; null with the reason the Bicep CLI would give.</summary>
    public static ModuleReference? Parse(string text, BicepConfiguration configuration, out string? error)
    {
        error = null;
        int colon = text.IndexOf(':');
        if (colon < 0)
        {
            error = $"'{text}' is not a valid module reference";
            return null;
        }

        string head = text.Substring(0, colon);
        string rest = text.Substring(colon + 1);
        string scheme = head;
        string? alias = null;
        int slash = head.IndexOf('/');
        if (slash >= 0)
        {
            scheme = head.Substring(0, slash);
            alias = head.Substring(slash + 1);
            if (!AliasName.IsMatch(alias))
            {
                error = $"the module alias name '{alias}' is not valid (letters, digits, '-' and '_' only)";
                return null;
            }
        }

        // Bicep compares the scheme ordinally: 'BR:' is not a registry reference.
        if (scheme == "br")
        {
            if (alias is not null)
            {
                if (!configuration.OciAliases.TryGetValue(alias, out var target))
                {
                    error = $"the module alias 'br/{alias}' is not defined in {configuration.Describe()}";
                    return null;
                }

                rest = target + "/" + rest;
            }

            return ParseOci(text, rest, out error);
        }

        if (scheme == "ts")
        {
            if (alias is not null)
            {
                if (!configuration.TemplateSpecAliases.TryGetValue(alias, out var target))
                {
                    error = $"the module alias 'ts/{alias}' is not defined in {configuration.Describe()}";
                    return null;
                }

                rest = target + "/" + rest;
            }

            return ParseTemplateSpec(text, rest, out error);
        }

        error = $"'{scheme}' is not a module reference scheme (br or ts)";
        return null;
    }

    private static ModuleReference? ParseOci(string text, string unqualified, out string? error)
    {
        error = null;
        if (!Uri.TryCreate("br://" + unqualified, UriKind.Absolute, out var uri) || uri.Segments.Length <= 1 || uri.Segments[0] != "/")
        {
            error = $"'br:{unqualified}' is not a valid OCI artifact reference";
            return null;
        }

        string registry = uri.Authority;
        if (registry.Length == 0 || registry.Trim('.').Length == 0)
        {
            // Not a host; also keeps the cache folder inside the cache root.
            error = $"'{registry}' is not a registry host";
            return null;
        }

        if (registry.Length > MaxRegistryLength)
        {
            error = $"the registry '{registry}' is longer than {MaxRegistryLength} characters";
            return null;
        }

        var repository = new StringBuilder();
        for (int i = 1; i < uri.Segments.Length - 1; i++)
        {
            string segment = Uri.UnescapeDataString(uri.Segments[i].Substring(0, uri.Segments[i].Length - 1));
            if (!NamespaceSegment.IsMatch(segment))
            {
                error = $"the artifact path segment '{segment}' is not valid (lowercase letters and digits, separated by '.', '_' or '-')";
                return null;
            }

            repository.Append(segment).Append('/');
        }

        string last = uri.Segments[uri.Segments.Length - 1];
        int delimiter = last.IndexOfAny(new[] { ':', '@' });
        string name = Uri.UnescapeDataString(delimiter < 0 ? last : last.Substring(0, delimiter));
        if (!NamespaceSegment.IsMatch(name))
        {
            error = $"the artifact path segment '{name}' is not valid (lowercase letters and digits, separated by '.', '_' or '-')";
            return null;
        }

        repository.Append(name);
        if (repository.Length > MaxRepositoryLength)
        {
            error = $"the repository is longer than {MaxRepositoryLength} characters";
            return null;
        }

        string tagOrDigest = delimiter < 0 ? string.Empty : Uri.UnescapeDataString(last.Substring(delimiter + 1));
        if (tagOrDigest.Length == 0)
        {
            error = $"'{text}' has no tag or digest";
            return null;
        }

        var reference = new ModuleReference(text, ModuleReferenceScheme.Oci) { Registry = registry, Repository = repository.ToString() };
        if (last[delimiter] == ':')
        {
            if (tagOrDigest.Length > MaxTagLength || !Tag.IsMatch(tagOrDigest))
            {
                error = $"the tag '{tagOrDigest}' is not valid";
                return null;
            }

            reference.TagName = tagOrDigest;
        }
        else
        {
            if (!Digest.IsMatch(tagOrDigest))
            {
                error = $"the digest '{tagOrDigest}' is not valid (sha256: and 64 lowercase hex digits)";
                return null;
            }

            reference.DigestValue = tagOrDigest;
        }

        return reference;
    }

    private static ModuleReference? ParseTemplateSpec(string text, string unqualified, out string? error)
    {
        error = null;

        // {subscriptionId}/{resourceGroupName}/{templateSpecName}:{version}
        string[] parts = unqualified.Split('/');
        int colon = parts.Length == 3 ? parts[2].IndexOf(':') : -1;
        if (colon <= 0)
        {
            error = $"'ts:{unqualified}' is not a valid template spec reference (ts:<subscription>/<resource group>/<name>:<version>)";
            return null;
        }

        string subscription = parts[0];
        string group = parts[1];
        string name = parts[2].Substring(0, colon);
        string version = parts[2].Substring(colon + 1);
        if (!Guid.TryParse(subscription, out _))
        {
            error = $"the subscription ID '{subscription}' of the template spec reference is not a GUID";
            return null;
        }

        if (group.Length == 0 || group.Length > 90 || group[group.Length - 1] == '.' || !IsResourceGroupName(group))
        {
            error = $"the resource group name '{group}' of the template spec reference is not valid";
            return null;
        }

        if (!ResourceName.IsMatch(name) || !ResourceName.IsMatch(version))
        {
            error = $"the template spec name '{name}' or version '{version}' is not valid";
            return null;
        }

        return new ModuleReference(text, ModuleReferenceScheme.TemplateSpec) { SubscriptionId = subscription, ResourceGroup = group, TemplateSpecName = name, Version = version };
    }

    private static bool IsResourceGroupName(string group)
    {
        foreach (char c in group)
        {
            if (!char.IsLetterOrDigit(c) && c != '-' && c != '_' && c != '.' && c != '(' && c != ')')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The folder, relative to the cache root, the Bicep CLI restores the artifact to
    /// (OciArtifactCacheAccessor, TemplateSpecModuleRegistry): <c>br/&lt;registry&gt;/&lt;repository&gt;/&lt;tag or digest&gt;</c>
    /// with ':' in the registry as '$' (lower-cased), '/' in the repository as '$', the tag encoded
    /// with its upper-case mask and ':' in a digest as '#'; <c>ts/&lt;subscription&gt;/&lt;group&gt;/&lt;name&gt;/&lt;version&gt;</c> lower-cased.
    /// </summary>
    public string[] CacheFolder()
    {
        if (Scheme == ModuleReferenceScheme.TemplateSpec)
        {
            return new[]
            {
                "ts",
                SubscriptionId.ToLowerInvariant(),
                ResourceGroup.ToLowerInvariant(),
                TemplateSpecName.ToLowerInvariant(),
                Version.ToLowerInvariant(),
            };
        }

        string tagOrDigest = TagName is not null ? EncodeTag(TagName) : DigestValue!.Replace(':', '#');
        return new[] { "br", Registry.Replace(':', '$').ToLowerInvariant(), Repository.Replace('/', '$'), tagOrDigest };
    }

    /// <summary>
    /// The Bicep CLI's TagEncoder: the tag, '$', then a hexadecimal bit mask of its upper-case
    /// characters (bit i for character i, in 64-bit words from the most significant, leading zero
    /// words left out), so tags differing only in case get different folders on case-insensitive disks.
    /// </summary>
    public static string EncodeTag(string tag)
    {
        const int Bits = 64;
        var mask = new ulong[(MaxTagLength + Bits - 1) / Bits];
        for (int i = 0; i < tag.Length && i < MaxTagLength; i++)
        {
            if (char.IsUpper(tag, i))
            {
                mask[i / Bits] |= 1UL << (i % Bits);
            }
        }

        var sb = new StringBuilder(tag).Append('$');
        bool leadingZeros = false;
        for (int i = mask.Length - 1; i >= 0; i--)
        {
            if (mask[i] != 0 || leadingZeros)
            {
                sb.Append(mask[i].ToString(leadingZeros ? "x16" : "x", CultureInfo.InvariantCulture));
                leadingZeros = true;
            }
        }

        return sb.ToString();
    }
}
