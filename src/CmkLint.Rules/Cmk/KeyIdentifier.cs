using System;
using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.Cmk;

/// <summary>
/// The value of <c>keyVaultProperties.keyIdentifier</c>, read as a Key Vault key URI: a reference to a key's
/// <c>keyUri</c>/<c>keyUriWithVersion</c>, <c>{vault.properties.vaultUri}keys/name</c>, or a (partly symbolic)
/// <c>https://{vault}.vault.azure.net/keys/{name}[/{version}]</c>, sovereign clouds and managed HSMs included.
/// </summary>
public sealed class KeyIdentifier
{
    public const string VaultType = "Microsoft.KeyVault/vaults";
    public const string KeyType = "Microsoft.KeyVault/vaults/keys";
    public const string ManagedHsmType = "Microsoft.KeyVault/managedHSMs";
    public const string ManagedHsmKeyType = "Microsoft.KeyVault/managedHSMs/keys";

    /// <summary>Key Vault DNS suffixes: public, China, US Government, Germany.</summary>
    private static readonly string[] VaultHosts = { ".vault.azure.net", ".vault.azure.cn", ".vault.usgovcloudapi.net", ".vault.microsoftazure.de" };

    private static readonly string[] ManagedHsmHosts = { ".managedhsm.azure.net", ".managedhsm.azure.cn", ".managedhsm.usgovcloudapi.net" };

    private KeyIdentifier(Value? value) => Value = value;

    /// <summary>The value as written (null when absent).</summary>
    public Value? Value { get; }

    /// <summary>Why the value is proven not to be a key URI (CMK012), else null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The part that could not be resolved, when the URI could not be checked entirely.</summary>
    public Value? Unresolved { get; private set; }

    /// <summary>Whether the key lives in a managed HSM rather than a vault.</summary>
    public bool IsManagedHsm { get; private set; }

    /// <summary>The key's resource ID, when the identifier refers to a key resource.</summary>
    public ResourceIdValue? KeyId { get; private set; }

    /// <summary>The vault's (or HSM's) resource ID, when known from a reference.</summary>
    public ResourceIdValue? VaultId { get; private set; }

    /// <summary>The vault's name as read from the URI host, when the identifier is a URI.</summary>
    public Value? VaultName { get; private set; }

    /// <summary>The key's name as read from the URI.</summary>
    public Value? KeyName { get; private set; }

    /// <summary>Whether a key version is named: true, false, or null when a path part is not known.</summary>
    public bool? IsVersioned { get; private set; }

    /// <summary>The version segment (or the <c>keyUriWithVersion</c> reference).</summary>
    public Value? Version { get; private set; }

    public bool IsValid => Problem is null && Unresolved is null;

    public static KeyIdentifier Read(Value? value, ResourceGraph graph)
    {
        var result = new KeyIdentifier(value);
        switch (value)
        {
            case null:
            case NullValue:
            case StringValue { Text.Length: 0 }:
                result.Problem = "is missing";
                break;
            case ResourceReferenceValue reference:
                result.ReadReference(reference, graph);
                break;
            case ResourceIdValue:
                result.Problem = "is a resource ID, not a key URI (use the key's properties.keyUri)";
                break;
            case StringValue or CompositeStringValue:
                result.ReadUri(SymbolicText.From(value)!, graph);
                break;
            case RuntimeValue:
            case UnknownValue:
            case ConditionalValue:
                result.Unresolved = value;
                break;
            default:
                result.Problem = "is not a string";
                break;
        }

        if (value is not null && (value.IsLoaded || (value is CompositeStringValue composite && Value.AnyLoaded(composite.Parts))))
        {
            result.MarkLoaded();
        }

        return result;
    }

    /// <summary>The parts of a URI loaded from a file are loaded too, and the problem is phrased without the text it found.</summary>
    private void MarkLoaded()
    {
        VaultName = VaultName?.AsLoaded();
        KeyName = KeyName?.AsLoaded();
        Version = Version?.AsLoaded();
        Unresolved = Unresolved?.AsLoaded();
        if (Problem is not null)
        {
            Problem = "is not a Key Vault key URI";
        }
    }

    private void ReadReference(ResourceReferenceValue reference, ResourceGraph graph)
    {
        var type = reference.Resource.Type;
        bool isKey = string.Equals(type, KeyType, StringComparison.OrdinalIgnoreCase) || string.Equals(type, ManagedHsmKeyType, StringComparison.OrdinalIgnoreCase);
        switch (reference.PathKey)
        {
            case "properties.keyuri" when isKey:
                SetKey(reference.Resource, graph);
                IsVersioned = false;
                return;
            case "properties.keyuriwithversion" when isKey:
                SetKey(reference.Resource, graph);
                IsVersioned = true;
                Version = reference;
                return;
            case "properties.vaulturi":
            case "properties.hsmuri":
                Problem = "is the vault's URI without '/keys/{name}'";
                return;
            case "properties.secreturi":
            case "properties.secreturiwithversion":
                Problem = "is a secret URI; the registry needs a key URI";
                return;
        }

        Unresolved = reference;
    }

    private void SetKey(ResourceIdValue key, ResourceGraph graph)
    {
        KeyId = key;
        IsManagedHsm = string.Equals(key.Type, ManagedHsmKeyType, StringComparison.OrdinalIgnoreCase);
        VaultId = graph.ParentIdOf(key);
        KeyName = key.Names.Count > 0 ? key.Names[key.Names.Count - 1] : null;
    }

    private void ReadUri(SymbolicText text, ResourceGraph graph)
    {
        SymbolicText path;
        if (text.Pieces.Count > 0 && text.Pieces[0] is ResourceReferenceValue first && (first.PathKey == "properties.vaulturi" || first.PathKey == "properties.hsmuri"))
        {
            // {vault.properties.vaultUri}keys/name: the vault is the referenced one (its URI ends with '/').
            VaultId = first.Resource;
            IsManagedHsm = string.Equals(first.Resource.Type, ManagedHsmType, StringComparison.OrdinalIgnoreCase);
            path = text.Tail();
        }
        else
        {
            if (text.Pieces.Count == 0 || text.Pieces[0] is not string start)
            {
                if (text.Pieces.Count > 0 && text.Pieces[0] is ResourceIdValue)
                {
                    Problem = "is built from a resource ID, not a key URI";
                }
                else
                {
                    Unresolved = text.ToValue();
                }

                return;
            }

            int scheme = start.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                if (text.Text is not null || start.IndexOf('/') >= 0 || start.IndexOf(':') >= 0)
                {
                    Problem = start.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) ? "is a resource ID, not a key URI" : "is not a URI";
                }
                else
                {
                    Unresolved = text.ToValue();
                }

                return;
            }

            if (!string.Equals(start.Substring(0, scheme), "https", StringComparison.OrdinalIgnoreCase))
            {
                Problem = $"uses '{start.Substring(0, scheme)}://'; a key URI is https";
                return;
            }

            var rest = text.Skip(scheme + 3);
            var hostAndPath = rest.Split('/', dropEmpty: false);
            if (!ReadHost(hostAndPath[0], graph))
            {
                return;
            }

            path = hostAndPath.Count > 1 ? Join(hostAndPath, 1) : SymbolicText.From(new StringValue(string.Empty, text.Span))!;
        }

        ReadPath(path);
    }

    /// <summary>Reads the host: a known vault or HSM host, a symbolic name before a known suffix, or <c>environment().suffixes.keyvaultDns</c>.</summary>
    private bool ReadHost(SymbolicText host, ResourceGraph graph)
    {
        if (host.Text is string known)
        {
            string lower = known.ToLowerInvariant();
            int colon = lower.IndexOf(':');
            if (colon >= 0)
            {
                lower = lower.Substring(0, colon);
            }

            if (MatchSuffix(lower, VaultHosts, out var vault))
            {
                VaultName = new StringValue(vault, host.Span);
            }
            else if (MatchSuffix(lower, ManagedHsmHosts, out var hsm))
            {
                VaultName = new StringValue(hsm, host.Span);
                IsManagedHsm = true;
            }
            else
            {
                Problem = $"has host '{known}', which is not a Key Vault or managed HSM host";
                return false;
            }

            return true;
        }

        var last = host.Pieces[host.Pieces.Count - 1];
        var before = new List<Value>();
        for (int i = 0; i < host.Pieces.Count - 1; i++)
        {
            before.Add(host.Pieces[i] as Value ?? new StringValue((string)host.Pieces[i], host.Span));
        }

        if (last is RuntimeValue dns && string.Equals(dns.Description, "environment().suffixes.keyvaultDns", StringComparison.OrdinalIgnoreCase))
        {
            VaultName = NameOf(before, host);
            return true;
        }

        if (last is string suffix)
        {
            string lower = suffix.ToLowerInvariant();
            bool vault = MatchSuffix(lower, VaultHosts, out var head);
            bool hsm = !vault && MatchSuffix(lower, ManagedHsmHosts, out head);
            if (vault || hsm)
            {
                IsManagedHsm = hsm;
                if (head.Length > 0)
                {
                    before.Add(new StringValue(head, host.Span));
                }

                VaultName = NameOf(before, host);
                return true;
            }

            if (!CouldEndAHost(lower))
            {
                Problem = $"has a host ending in '{suffix}', which is not a Key Vault or managed HSM host";
                return false;
            }
        }

        Unresolved = host.ToValue();
        return false;
    }

    /// <summary>Whether known text at the end of a host might still be the end of a vault or HSM host (<c>azure.net</c> might; <c>.blob.core.windows.net</c> cannot).</summary>
    private static bool CouldEndAHost(string tail)
    {
        foreach (var suffix in VaultHosts)
        {
            if (suffix.EndsWith(tail, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var suffix in ManagedHsmHosts)
        {
            if (suffix.EndsWith(tail, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Value NameOf(List<Value> pieces, SymbolicText host) =>
        pieces.Count == 1 ? pieces[0] : SymbolicText.From(new CompositeStringValue(pieces, host.Span))!.ToValue();

    private static bool MatchSuffix(string host, string[] suffixes, out string name)
    {
        foreach (var suffix in suffixes)
        {
            if (host.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = host.Substring(0, host.Length - suffix.Length);
                return true;
            }
        }

        name = string.Empty;
        return false;
    }

    /// <summary>The segments from <paramref name="from"/> on, joined again with '/'.</summary>
    private static SymbolicText Join(List<SymbolicText> segments, int from)
    {
        var parts = new List<Value>();
        for (int i = from; i < segments.Count; i++)
        {
            parts.Add(new StringValue("/", segments[i].Span));
            foreach (var piece in segments[i].Pieces)
            {
                parts.Add(piece as Value ?? new StringValue((string)piece, segments[i].Span));
            }
        }

        return SymbolicText.From(new CompositeStringValue(parts, segments[from].Span))!;
    }

    /// <summary>Reads <c>/keys/{name}[/{version}]</c>.</summary>
    private void ReadPath(SymbolicText path)
    {
        var segments = path.Split('/');
        if (segments.Count == 0)
        {
            Problem = "has no '/keys/{name}' path";
            return;
        }

        var collection = segments[0];
        if (collection.Is("keys") != true)
        {
            if (collection.Text is string other)
            {
                Problem = other.Equals("secrets", StringComparison.OrdinalIgnoreCase) || other.Equals("certificates", StringComparison.OrdinalIgnoreCase)
                    ? $"is a /{other.ToLowerInvariant()}/ URI; the registry needs a /keys/ URI"
                    : $"has path '/{other}/...' instead of '/keys/{{name}}'";
            }
            else
            {
                Unresolved = collection.ToValue();
            }

            return;
        }

        if (segments.Count < 2)
        {
            Problem = "is missing the key name after '/keys/'";
            return;
        }

        KeyName = segments[1].ToValue();
        if (segments.Count == 2)
        {
            // A symbolic last part might still hold '/version'.
            IsVersioned = segments[1].IsSlashFree ? false : null;
            return;
        }

        Version = segments[2].ToValue();

        // A version only a parameter gives may be empty: then the URI ends in '/', versionless.
        IsVersioned = segments[2].IsSurelyNonEmpty || segments.Count > 3 ? true : null;
        if (segments.Count > 3)
        {
            Problem = "has more path segments than '/keys/{name}/{version}'";
        }
    }
}
