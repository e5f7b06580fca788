using System;
using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.PreviousState;

/// <summary>A user-assigned identity a registry assigns (a key of <c>identity.userAssignedIdentities</c>).</summary>
internal sealed class AssignedIdentity
{
    public AssignedIdentity(ResourceIdValue? id, Value key)
    {
        Id = id;
        Key = key;
    }

    /// <summary>The identity's resource ID; null when the key is not resolved.</summary>
    public ResourceIdValue? Id { get; }

    public Value Key { get; }
}

/// <summary>Something that gives a principal key access: an access policy entry or a role assignment.</summary>
internal sealed class KeyGrant
{
    public KeyGrant(ResourceInstance resource, SourceSpan span, bool? grantsTheIdentity)
    {
        Resource = resource;
        Span = span;
        GrantsTheIdentity = grantsTheIdentity;
    }

    public ResourceInstance Resource { get; }

    public SourceSpan Span { get; }

    /// <summary>True when the values prove it grants the identity key access, null when a value is unresolved.</summary>
    public bool? GrantsTheIdentity { get; }
}

/// <summary>
/// The parts of a registry's CMK chain the previous-state rules compare: the encryption identity, the
/// identities assigned, the grants that give an identity key access, and the vault and key. It works
/// on a previous graph and on a deployed export alike, and across two graphs (IDs compare by value).
/// </summary>
internal static class EncryptionChain
{
    public const string UserAssignedIdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string VaultType = "Microsoft.KeyVault/vaults";
    public const string KeyType = "Microsoft.KeyVault/vaults/keys";
    public const string AccessPolicyType = "Microsoft.KeyVault/vaults/accessPolicies";
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    /// <summary>Roles that include wrap and unwrap (RULES.md, CMK004).</summary>
    private static readonly string[] KeyRoles =
    {
        "e147488a-f6f5-4113-8e2d-b22465e65bf6",
        "12338af0-0e69-4776-bea7-57ae8d297424",
        "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
        "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    };

    /// <summary>
    /// The user-assigned identity an encryption identity value names: <c>uami.properties.clientId</c>
    /// (a reference), or a client ID that one of the registry's exported identities has.
    /// </summary>
    public static ResourceIdValue? UserAssignedIdentity(Value? encryptionIdentity, ObjectValue registryBody, ResourceScope scope)
    {
        switch (encryptionIdentity)
        {
            case ResourceReferenceValue reference when reference.Path.Count > 0
                && string.Equals(reference.Path[reference.Path.Count - 1], "clientId", StringComparison.OrdinalIgnoreCase)
                && string.Equals(reference.Resource.Type, UserAssignedIdentityType, StringComparison.OrdinalIgnoreCase):
                return reference.Resource;
            case StringValue clientId when Values.GetPath(registryBody, "identity.userAssignedIdentities") is ObjectValue exported:
                foreach (var entry in exported.Properties)
                {
                    if (entry.Value is ObjectValue details && Values.AsString(details.Get("clientId")) is { } text && string.Equals(text, clientId.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        return ResourceIds.Parse(entry.Name, entry.NameSpan, scope);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether <c>identity.type</c> includes <c>UserAssigned</c>: null when unknown.</summary>
    public static bool? AllowsUserAssigned(ObjectValue body)
    {
        var identity = body.Get("identity");
        if (identity is null || identity is NullValue)
        {
            return false;
        }

        var type = Values.GetPath(identity, "type");
        if (type is null)
        {
            return identity.IsKnown ? false : null;
        }

        return type is StringValue s ? s.Text.IndexOf("UserAssigned", StringComparison.OrdinalIgnoreCase) >= 0 : null;
    }

    /// <summary>
    /// The keys of <c>identity.userAssignedIdentities</c> of a declared registry. Keys are usually
    /// expressions (<c>[resourceId(...)]</c>, <c>'${uami.id}'</c>), which an evaluated body cannot keep
    /// as names, so they are evaluated here from the declaration. Null when the object is not resolved.
    /// </summary>
    public static List<AssignedIdentity>? Assigned(ResourceInstance registry)
    {
        var declared = (registry.Declaration.Body as ObjectExpr)?.Get("identity") as ObjectExpr;
        if (declared?.Get("userAssignedIdentities") is ObjectExpr keys)
        {
            var list = new List<AssignedIdentity>();
            foreach (var property in keys.Properties)
            {
                Value key = property.NameExpr is null
                    ? new StringValue(property.Name, property.NameSpan)
                    : registry.Deployment.Evaluator.Evaluate(property.NameExpr, registry.Context);
                list.Add(new AssignedIdentity(AsResourceId(key, registry.Deployment.Scope), key));
            }

            return list;
        }

        return Assigned(registry.Body, registry.Deployment.Scope);
    }

    /// <summary>The keys of an evaluated (or exported) <c>identity.userAssignedIdentities</c>; null when not resolved.</summary>
    public static List<AssignedIdentity>? Assigned(ObjectValue body, ResourceScope scope)
    {
        var value = Values.GetPath(body, "identity.userAssignedIdentities");
        if (value is null || value is NullValue)
        {
            return new List<AssignedIdentity>();
        }

        if (value is not ObjectValue obj || obj.IsOpen)
        {
            return null;
        }

        var list = new List<AssignedIdentity>();
        foreach (var p in obj.Properties)
        {
            var key = new StringValue(p.Name, p.NameSpan);
            list.Add(new AssignedIdentity(ResourceIds.Parse(p.Name, p.NameSpan, scope), key));
        }

        return list;
    }

    /// <summary>Whether the registry still assigns the identity: false only when every key is proven another identity.</summary>
    public static bool? IsAssigned(ResourceIdValue identity, ObjectValue body, List<AssignedIdentity>? assigned, bool matchByTypeAndName)
    {
        bool? allows = AllowsUserAssigned(body);
        if (allows == false)
        {
            return false;
        }

        if (assigned is null)
        {
            return null;
        }

        bool? result = false;
        foreach (var entry in assigned)
        {
            bool? same = entry.Id is null ? null : SameResource(entry.Id, identity, matchByTypeAndName);
            result = Values.Or(result, same);
        }

        return Values.And(allows, result);
    }

    /// <summary>Two resources are the same by ID; a deployed export's real scope also matches by type and name.</summary>
    public static bool? SameResource(ResourceIdValue a, ResourceIdValue b, bool matchByTypeAndName)
    {
        bool? same = ResourceIdValue.Same(a, b);
        if (same is null && matchByTypeAndName && a.KnownName is { } name && string.Equals(a.Type, b.Type, StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(name, b.KnownName, StringComparison.OrdinalIgnoreCase) ? true : null;
        }

        return same;
    }

    /// <summary>Every access policy entry and role assignment in the graph that may give the identity key access.</summary>
    public static List<KeyGrant> KeyGrants(ResourceGraph graph, ResourceIdValue identity)
    {
        var grants = new List<KeyGrant>();
        foreach (var vault in graph.OfType(VaultType))
        {
            if (!vault.Existing)
            {
                AddPolicies(grants, vault, vault.Get("properties.accessPolicies"), identity);
            }
        }

        foreach (var policies in graph.OfType(AccessPolicyType))
        {
            string? kind = policies.Id.LastName;
            if (!policies.Existing && kind is not null && !string.Equals(kind, "remove", StringComparison.OrdinalIgnoreCase))
            {
                AddPolicies(grants, policies, policies.Get("properties.accessPolicies"), identity);
            }
        }

        foreach (var assignment in graph.OfType(RoleAssignmentType))
        {
            if (assignment.Existing)
            {
                continue;
            }

            var principal = assignment.Get("properties.principalId");
            bool? role = GrantsKeyRole(assignment.Get("properties.roleDefinitionId"));
            bool? matches = Values.And(PrincipalIs(principal, identity), role);
            if (matches != false)
            {
                grants.Add(new KeyGrant(assignment, principal?.Span ?? assignment.Span, matches));
            }
        }

        return grants;
    }

    /// <summary>
    /// The vault and key a key identifier names: a key reference (<c>key.properties.keyUri</c>), a URI built
    /// from the vault (<c>'${vault.properties.vaultUri}keys/name'</c>) or a literal key URI.
    /// </summary>
    public static (ResourceIdValue? Vault, ResourceIdValue? Key) KeyLocation(Value? keyIdentifier, ResourceScope scope)
    {
        switch (keyIdentifier)
        {
            case ResourceReferenceValue reference when string.Equals(reference.Resource.Type, KeyType, StringComparison.OrdinalIgnoreCase) && reference.Resource.Names.Count == 2:
                var key = reference.Resource;
                return (new ResourceIdValue(VaultType, new[] { key.Names[0] }, key.Scope, key.Span), key);
            case CompositeStringValue composite when composite.Parts.Count >= 1 && composite.Parts[0] is ResourceReferenceValue vaultReference
                && string.Equals(vaultReference.Resource.Type, VaultType, StringComparison.OrdinalIgnoreCase):
                var vault = vaultReference.Resource;
                string? name = composite.Parts.Count > 1 && composite.Parts[1] is StringValue rest ? KeyNameAfterKeys(rest.Text) : null;
                return (vault, name is null || vault.Names.Count != 1 ? null : new ResourceIdValue(KeyType, new[] { vault.Names[0], new StringValue(name, composite.Span) }, vault.Scope, composite.Span));
            case StringValue uri when Uri.TryCreate(uri.Text, UriKind.Absolute, out var parsed) && parsed.Host.IndexOf('.') > 0:
                string vaultName = parsed.Host.Substring(0, parsed.Host.IndexOf('.'));
                string? keyName = KeyNameAfterKeys(parsed.AbsolutePath.TrimStart('/'));
                var vaultId = new ResourceIdValue(VaultType, new Value[] { new StringValue(vaultName, uri.Span) }, scope, uri.Span);
                return (vaultId, keyName is null ? null : new ResourceIdValue(KeyType, new Value[] { new StringValue(vaultName, uri.Span), new StringValue(keyName, uri.Span) }, scope, uri.Span));
            default:
                return (null, null);
        }
    }

    /// <summary>The declared (not <c>existing</c>) instance of a resource in a graph.</summary>
    public static ResourceInstance? Declared(ResourceGraph graph, ResourceIdValue id)
    {
        foreach (var candidate in graph.OfType(id.Type))
        {
            if (!candidate.Existing && ResourceIdValue.Same(candidate.Id, id) == true)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether a graph declares the resource at all (deployed or <c>existing</c>): false only when every candidate is proven another.</summary>
    public static bool? Mentions(ResourceGraph graph, ResourceIdValue id)
    {
        bool? result = false;
        foreach (var candidate in graph.OfType(id.Type))
        {
            result = Values.Or(result, ResourceIdValue.Same(candidate.Id, id));
        }

        return result;
    }

    private static string? KeyNameAfterKeys(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts.Length >= 2 && string.Equals(parts[0], "keys", StringComparison.OrdinalIgnoreCase) && parts[1].Length > 0 ? parts[1] : null;
    }

    private static void AddPolicies(List<KeyGrant> grants, ResourceInstance owner, Value? policies, ResourceIdValue identity)
    {
        if (Values.AsArray(policies) is not { } items)
        {
            return;
        }

        foreach (var item in items)
        {
            var objectId = Values.GetPath(item, "objectId");
            bool? matches = Values.And(PrincipalIs(objectId, identity), GrantsKeyPermissions(Values.GetPath(item, "permissions.keys")));
            if (matches != false)
            {
                grants.Add(new KeyGrant(owner, item.Span.IsNone ? owner.Span : item.Span, matches));
            }
        }
    }

    /// <summary>Whether a principal ID is the identity's: <c>uami.properties.principalId</c>; a literal GUID cannot be told.</summary>
    private static bool? PrincipalIs(Value? principal, ResourceIdValue identity)
    {
        if (principal is ResourceReferenceValue reference && reference.Path.Count > 0 && string.Equals(reference.Path[reference.Path.Count - 1], "principalId", StringComparison.OrdinalIgnoreCase))
        {
            return ResourceIdValue.Same(reference.Resource, identity);
        }

        return principal is null ? false : null;
    }

    private static bool? GrantsKeyPermissions(Value? keys)
    {
        if (Values.AsArray(keys) is not { } items)
        {
            return keys is null || keys.IsKnown ? false : null;
        }

        bool get = false, wrap = false, unwrap = false, unknown = false;
        foreach (var item in items)
        {
            if (item is not StringValue s)
            {
                unknown = true;
                continue;
            }

            string p = s.Text.ToLowerInvariant();
            get |= p == "get" || p == "all";
            wrap |= p == "wrapkey" || p == "all";
            unwrap |= p == "unwrapkey" || p == "all";
        }

        return get && wrap && unwrap ? true : unknown ? null : false;
    }

    private static bool? GrantsKeyRole(Value? roleDefinitionId)
    {
        string? text = roleDefinitionId switch
        {
            ResourceIdValue id => id.LastName,
            StringValue s => s.Text,
            CompositeStringValue c when c.Parts.Count > 0 && c.Parts[c.Parts.Count - 1] is StringValue last => last.Text,
            _ => null,
        };
        if (text is null)
        {
            return roleDefinitionId is null ? false : null;
        }

        foreach (var role in KeyRoles)
        {
            if (text.EndsWith(role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ResourceIdValue? AsResourceId(Value key, ResourceScope scope) => key switch
    {
        ResourceIdValue id => id,
        StringValue s => ResourceIds.Parse(s.Text, s.Span, scope),
        CompositeStringValue c when c.Parts.Count == 1 && c.Parts[0] is ResourceIdValue id => id,
        ResourceReferenceValue r when r.Path.Count == 1 && string.Equals(r.Path[0], "id", StringComparison.OrdinalIgnoreCase) => r.Resource,
        _ => null,
    };
}
