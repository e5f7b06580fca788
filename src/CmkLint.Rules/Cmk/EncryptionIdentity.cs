using System;
using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Graph;

namespace CmkLint.Cmk;

/// <summary>What the value of <c>keyVaultProperties.identity</c> is, told apart symbolically.</summary>
public enum IdentityValueKind
{
    /// <summary>Absent, null or empty.</summary>
    Missing,

    /// <summary>The client ID of a user-assigned identity (<c>uami.properties.clientId</c>): what the registry needs.</summary>
    ClientId,

    /// <summary>The principal (object) ID of a user-assigned identity.</summary>
    PrincipalId,

    /// <summary>The principal ID of a resource's system-assigned identity (<c>identity.principalId</c>).</summary>
    SystemAssignedPrincipalId,

    /// <summary>A tenant ID.</summary>
    TenantId,

    /// <summary>A resource ID (of the identity or of anything else).</summary>
    ResourceId,

    /// <summary>The name of a declared user-assigned identity.</summary>
    Name,

    /// <summary>A known string that is not a GUID, so cannot be a client ID.</summary>
    NotAGuid,

    /// <summary>A literal GUID: it may be the client ID of an identity outside the analysed files, or not.</summary>
    GuidLiteral,

    /// <summary>Anything that cannot be told statically (a parameter without value, a runtime value).</summary>
    Unresolved,
}

/// <summary>The encryption identity of a CMK registry: the value of <c>keyVaultProperties.identity</c>, what kind of ID it is, and the identity it names.</summary>
public sealed class EncryptionIdentity
{
    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    private EncryptionIdentity(Value? value, IdentityValueKind kind, ResourceIdValue? identity)
    {
        Value = value;
        Kind = kind;
        Identity = identity;
    }

    /// <summary>The value as written (null when absent).</summary>
    public Value? Value { get; }

    public IdentityValueKind Kind { get; }

    /// <summary>The user-assigned identity the value names (for client ID, principal ID, resource ID and name), linked to its instance when declared.</summary>
    public ResourceIdValue? Identity { get; }

    /// <summary>The declared identity resource, when it is in the analysed files.</summary>
    public ResourceInstance? Instance => Identity?.Instance;

    /// <summary>Tells what a value of <c>keyVaultProperties.identity</c> is.</summary>
    public static EncryptionIdentity Classify(Value? value, ResourceGraph graph, ResourceScope scope)
    {
        switch (value)
        {
            case null:
            case NullValue:
            case StringValue { Text.Length: 0 }:
                return new EncryptionIdentity(value, IdentityValueKind.Missing, null);
            case ResourceReferenceValue reference:
                return FromReference(value, reference, graph);
            case ResourceIdValue id:
                return new EncryptionIdentity(value, IdentityValueKind.ResourceId, IsIdentityType(id) ? id : null);
            case StringValue s:
                if (ResourceIdText.IsGuid(s.Text))
                {
                    return new EncryptionIdentity(value, IdentityValueKind.GuidLiteral, null);
                }

                if (ResourceIdText.Parse(s, scope, graph) is { } parsed)
                {
                    return new EncryptionIdentity(value, IdentityValueKind.ResourceId, IsIdentityType(parsed) ? parsed : null);
                }

                return ByName(value, graph) ?? new EncryptionIdentity(value, IdentityValueKind.NotAGuid, null);
            case CompositeStringValue composite:
                if (ResourceIdText.Parse(composite, scope, graph) is { } built)
                {
                    return new EncryptionIdentity(value, IdentityValueKind.ResourceId, IsIdentityType(built) ? built : null);
                }

                return ByName(value, graph) ?? new EncryptionIdentity(value, IdentityValueKind.Unresolved, null);
            case RuntimeValue runtime when runtime.Description.EndsWith(".tenantId", StringComparison.OrdinalIgnoreCase):
                return new EncryptionIdentity(value, IdentityValueKind.TenantId, null);
            default:
                return new EncryptionIdentity(value, IdentityValueKind.Unresolved, null);
        }
    }

    private static EncryptionIdentity FromReference(Value value, ResourceReferenceValue reference, ResourceGraph graph)
    {
        var path = reference.PathKey;
        var target = reference.Resource;
        if (IsIdentityType(target))
        {
            switch (path)
            {
                case "properties.clientid":
                    return new EncryptionIdentity(value, IdentityValueKind.ClientId, target);
                case "properties.principalid":
                    return new EncryptionIdentity(value, IdentityValueKind.PrincipalId, target);
                case "properties.tenantid":
                    return new EncryptionIdentity(value, IdentityValueKind.TenantId, target);
            }
        }

        if (path == "identity.principalid")
        {
            return new EncryptionIdentity(value, IdentityValueKind.SystemAssignedPrincipalId, null);
        }

        if (path == "identity.tenantid")
        {
            return new EncryptionIdentity(value, IdentityValueKind.TenantId, null);
        }

        // reference(registry, v, 'Full').identity.userAssignedIdentities['<id>'].clientId
        var p = reference.Path;
        if (p.Count == 4 && string.Equals(p[0], "identity", StringComparison.OrdinalIgnoreCase) && string.Equals(p[1], "userAssignedIdentities", StringComparison.OrdinalIgnoreCase))
        {
            var id = ResourceIdText.Parse(new StringValue(p[2], reference.Span), target.Scope, graph);
            if (string.Equals(p[3], "clientId", StringComparison.OrdinalIgnoreCase))
            {
                return new EncryptionIdentity(value, IdentityValueKind.ClientId, id);
            }

            if (string.Equals(p[3], "principalId", StringComparison.OrdinalIgnoreCase))
            {
                return new EncryptionIdentity(value, IdentityValueKind.PrincipalId, id);
            }
        }

        return new EncryptionIdentity(value, IdentityValueKind.Unresolved, null);
    }

    /// <summary>A value equal to the name of a declared user-assigned identity.</summary>
    private static EncryptionIdentity? ByName(Value value, ResourceGraph graph)
    {
        var text = SymbolicText.From(value);
        if (text is null)
        {
            return null;
        }

        foreach (var identity in graph.OfType(IdentityType))
        {
            if (SymbolicText.From(identity.Name) is { } name && SymbolicText.Same(name, text) == true)
            {
                return new EncryptionIdentity(value, IdentityValueKind.Name, identity.Id);
            }
        }

        return null;
    }

    public static bool IsIdentityType(ResourceIdValue id) => string.Equals(id.Type, IdentityType, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the kind reads in a message.</summary>
    public static string Describe(IdentityValueKind kind) => kind switch
    {
        IdentityValueKind.ClientId => "the client ID",
        IdentityValueKind.PrincipalId => "the principal (object) ID",
        IdentityValueKind.SystemAssignedPrincipalId => "the principal ID of a system-assigned identity",
        IdentityValueKind.TenantId => "a tenant ID",
        IdentityValueKind.ResourceId => "a resource ID",
        IdentityValueKind.Name => "the name",
        IdentityValueKind.NotAGuid => "a string that is not a GUID",
        IdentityValueKind.GuidLiteral => "a literal GUID",
        IdentityValueKind.Missing => "missing",
        _ => "not resolvable",
    };
}

/// <summary>The identities a registry assigns in <c>identity.userAssignedIdentities</c>: keys are resource IDs, possibly symbolic.</summary>
public sealed class AssignedIdentities
{
    private AssignedIdentities(Value? declared, List<ResourceIdValue> ids, Value? unresolved)
    {
        Declared = declared;
        Ids = ids;
        Unresolved = unresolved;
    }

    /// <summary>The <c>userAssignedIdentities</c> value (null when absent).</summary>
    public Value? Declared { get; }

    /// <summary>The identity IDs that could be read.</summary>
    public IReadOnlyList<ResourceIdValue> Ids { get; }

    /// <summary>Why some keys could not be read (an unknown key, an open object, an unknown value), else null.</summary>
    public Value? Unresolved { get; }

    /// <summary>Whether the registry surely assigns no user-assigned identity.</summary>
    public bool IsProvenEmpty => Ids.Count == 0 && Unresolved is null;

    public static AssignedIdentities Of(ResourceInstance registry, ResourceGraph graph)
    {
        var declared = registry.Get("identity.userAssignedIdentities");
        var ids = new List<ResourceIdValue>();
        if (declared is null || declared is NullValue)
        {
            return new AssignedIdentities(declared, ids, null);
        }

        if (declared is not ObjectValue obj)
        {
            return new AssignedIdentities(declared, ids, declared.IsKnown ? null : declared);
        }

        Value? unresolved = obj.IsOpen ? obj.OpenBecause ?? obj : null;
        var scope = registry.Deployment.Scope;
        foreach (var property in obj.Properties)
        {
            var key = property.KeyValue ?? new StringValue(property.Name, property.NameSpan);
            var id = ResourceIdText.Parse(key, scope, graph);
            if (id is not null)
            {
                ids.Add(id);
            }
            else if (!key.IsKnown)
            {
                unresolved ??= key;
            }
        }

        return new AssignedIdentities(declared, ids, unresolved);
    }

    /// <summary>Whether <paramref name="identity"/> is assigned: true, false, or null when a key cannot be compared.</summary>
    public bool? Contains(ResourceIdValue identity)
    {
        bool? result = false;
        foreach (var id in Ids)
        {
            result = Values.Or(result, ResourceIdValue.Same(id, identity));
            if (result == true)
            {
                return true;
            }
        }

        return Unresolved is not null ? null : result;
    }
}
