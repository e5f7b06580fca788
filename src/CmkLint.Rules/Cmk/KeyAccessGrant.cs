using System;
using System.Collections.Generic;
using System.Globalization;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Cmk;

/// <summary>How a grant gives key access: an access policy (access-policy vaults) or a role assignment (RBAC vaults).</summary>
public enum GrantKind
{
    AccessPolicy,
    RoleAssignment,
}

/// <summary>Whom a grant's <c>objectId</c>/<c>principalId</c> names, relative to the encryption identity.</summary>
public enum PrincipalMatch
{
    /// <summary>The encryption identity's principal ID.</summary>
    Identity,

    /// <summary>The encryption identity's client ID: the classic mistake, Key Vault needs the principal (object) ID.</summary>
    ClientIdOfIdentity,

    /// <summary>Provably another principal.</summary>
    Other,

    /// <summary>Cannot be told (a literal GUID, a parameter without value...).</summary>
    Unknown,
}

/// <summary>
/// One access policy entry or role assignment that may give a principal access to the keys of a vault,
/// with what the values prove about it relative to one encryption identity.
/// </summary>
public sealed class KeyAccessGrant
{
    internal KeyAccessGrant(GrantKind kind, ResourceInstance resource, string path, string operation)
    {
        Kind = kind;
        Resource = resource;
        Path = path;
        Operation = operation;
    }

    public GrantKind Kind { get; }

    /// <summary>The resource that declares the grant: the vault (inline policy), an <c>accessPolicies</c> resource, or a role assignment.</summary>
    public ResourceInstance Resource { get; }

    /// <summary>Property path of the grant in its resource (<c>properties.accessPolicies[0]</c>, <c>properties</c>).</summary>
    public string Path { get; }

    /// <summary><c>inline</c>, <c>add</c>, <c>replace</c>, <c>remove</c> (access policies) or <c>assignment</c>.</summary>
    public string Operation { get; }

    public bool Removes => string.Equals(Operation, "remove", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>objectId</c> or <c>principalId</c> value.</summary>
    public Value? Principal { get; internal set; }

    public PrincipalMatch Match { get; internal set; }

    /// <summary>The <c>permissions.keys</c> or <c>roleDefinitionId</c> value.</summary>
    public Value? Permission { get; internal set; }

    /// <summary>Whether the permissions (or role) include get, wrapKey and unwrapKey.</summary>
    public bool? Permits { get; internal set; }

    /// <summary>The value that says where the grant applies (scope, resource name), when there is one.</summary>
    public Value? Target { get; internal set; }

    /// <summary>Whether the grant applies to the key's vault (or the key, or a parent scope).</summary>
    public bool? Covers { get; internal set; }

    /// <summary>Whether the grant's resource is deployed (null under a condition known only at deployment).</summary>
    public bool? Deployed { get; internal set; }

    /// <summary>The access policy entry (<c>properties.accessPolicies[i]</c>), when the grant is one.</summary>
    internal Value? Entry { get; init; }

    /// <summary>Where the grant is written: the access policy entry, else the principal, else the declaring resource.</summary>
    public SourceSpan Span =>
        Entry is { Span.IsNone: false } entry ? entry.Span
        : Principal is { Span.IsNone: false } principal ? principal.Span
        : Resource.Span;

    /// <summary>Whether this grant, on its own, gives the encryption identity use of the key.</summary>
    public bool? Grants
    {
        get
        {
            if (Removes)
            {
                return false;
            }

            bool? principal = Match switch
            {
                PrincipalMatch.Identity => true,
                PrincipalMatch.Unknown => null,
                _ => false,
            };
            return Values.And(Values.And(principal, Permits), Values.And(Covers, Deployed));
        }
    }

    /// <summary>The first value of the grant that could not be resolved (to name in an inconclusive finding).</summary>
    public Value? Unresolved
    {
        get
        {
            if (Match == PrincipalMatch.Unknown)
            {
                return Principal;
            }

            if (Permits is null)
            {
                return Permission;
            }

            if (Covers is null)
            {
                return Target;
            }

            return Deployed is null ? Resource.Condition : null;
        }
    }

    /// <summary>Every access policy and role assignment of the graph that may concern the vault, evaluated for <paramref name="identity"/>.</summary>
    public static List<KeyAccessGrant> Find(ResourceGraph graph, ResourceInstance vault, ResourceIdValue? key, ResourceIdValue identity)
    {
        var grants = new List<KeyAccessGrant>();
        AddPolicies(grants, vault, vault.Get("properties.accessPolicies"), "inline", identity, true);
        foreach (var (resource, target) in graph.ChildrenOf(vault, KeyIdentifier.VaultType + "/accessPolicies"))
        {
            if (resource.Existing)
            {
                continue;
            }

            string operation = resource.Id.LastName ?? "add";
            AddPolicies(grants, resource, resource.Get("properties.accessPolicies"), operation.ToLowerInvariant(), identity, target);
        }

        foreach (var resource in graph.Resources)
        {
            if (!resource.Existing && IsRoleAssignment(resource.Type))
            {
                var grant = RoleAssignment(graph, resource, vault, key, identity);
                if (grant is not null)
                {
                    grants.Add(grant);
                }
            }
        }

        return grants;
    }

    private static bool IsRoleAssignment(string type) =>
        string.Equals(type, "Microsoft.Authorization/roleAssignments", StringComparison.OrdinalIgnoreCase)
        || type.EndsWith("/providers/roleAssignments", StringComparison.OrdinalIgnoreCase);

    private static void AddPolicies(List<KeyAccessGrant> grants, ResourceInstance resource, Value? policies, string operation, ResourceIdValue identity, bool? covers)
    {
        if (policies is null || policies is NullValue)
        {
            return;
        }

        string basePath = "properties.accessPolicies";
        if (policies is not ArrayValue array)
        {
            // The whole list is unknown: it may or may not hold a policy for the identity.
            grants.Add(new KeyAccessGrant(GrantKind.AccessPolicy, resource, basePath, operation)
            {
                Principal = policies,
                Match = policies.IsKnown ? PrincipalMatch.Other : PrincipalMatch.Unknown,
                Permission = policies,
                Permits = policies.IsKnown ? false : null,
                Covers = covers,
                Deployed = DeployedOf(resource),
            });
            return;
        }

        for (int i = 0; i < array.Items.Count; i++)
        {
            var policy = array.Items[i];
            var grant = new KeyAccessGrant(GrantKind.AccessPolicy, resource, basePath + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", operation)
            {
                Entry = policy,
                Covers = covers,
                Deployed = DeployedOf(resource),
            };
            if (policy is not ObjectValue)
            {
                grant.Principal = policy;
                grant.Match = policy.IsKnown ? PrincipalMatch.Other : PrincipalMatch.Unknown;
                grant.Permission = policy;
                grant.Permits = policy.IsKnown ? false : null;
                grants.Add(grant);
                continue;
            }

            grant.Principal = Values.GetPath(policy, "objectId");
            grant.Match = MatchPrincipal(grant.Principal, identity);
            grant.Permission = Values.GetPath(policy, "permissions.keys");
            grant.Permits = KeyPermissions.PermitsKeyUse(grant.Permission);
            if (Values.GetPath(policy, "applicationId") is StringValue { Text.Length: > 0 })
            {
                // A compound identity (user + application) is not the identity alone.
                grant.Match = grant.Match == PrincipalMatch.Identity ? PrincipalMatch.Other : grant.Match;
            }

            grants.Add(grant);
        }
    }

    private static bool? DeployedOf(ResourceInstance resource) => resource.IsConditional ? null : true;

    /// <summary>Whom an objectId/principalId value names, relative to the identity.</summary>
    public static PrincipalMatch MatchPrincipal(Value? principal, ResourceIdValue identity)
    {
        switch (principal)
        {
            case null:
            case NullValue:
                return PrincipalMatch.Other;
            case ResourceReferenceValue reference:
                var path = reference.PathKey;
                if (EncryptionIdentity.IsIdentityType(reference.Resource) && (path == "properties.principalid" || path == "properties.clientid"))
                {
                    bool? same = ResourceIdValue.Same(reference.Resource, identity);
                    return same switch
                    {
                        true => path == "properties.principalid" ? PrincipalMatch.Identity : PrincipalMatch.ClientIdOfIdentity,
                        false => PrincipalMatch.Other,
                        _ => PrincipalMatch.Unknown,
                    };
                }

                // A system-assigned identity is its own service principal, never a user-assigned identity's.
                if (path == "identity.principalid")
                {
                    return PrincipalMatch.Other;
                }

                return PrincipalMatch.Unknown;
            case StringValue s:
                return ResourceIdText.IsGuid(s.Text) ? PrincipalMatch.Unknown : PrincipalMatch.Other;
            case ResourceIdValue:
                return PrincipalMatch.Other;
            default:
                return PrincipalMatch.Unknown;
        }
    }

    private static KeyAccessGrant? RoleAssignment(ResourceGraph graph, ResourceInstance assignment, ResourceInstance vault, ResourceIdValue? key, ResourceIdValue identity)
    {
        var grant = new KeyAccessGrant(GrantKind.RoleAssignment, assignment, "properties", "assignment")
        {
            Principal = assignment.Get("properties.principalId"),
            Permission = assignment.Get("properties.roleDefinitionId"),
            Deployed = DeployedOf(assignment),
        };
        grant.Match = MatchPrincipal(grant.Principal, identity);
        grant.Permits = KeyPermissions.PermitsKeyRole(grant.Permission);
        (grant.Covers, grant.Target) = Coverage(graph, assignment, vault, key);
        if (grant.Covers == false && grant.Match != PrincipalMatch.Identity && grant.Match != PrincipalMatch.ClientIdOfIdentity)
        {
            // Another principal elsewhere: not part of this chain.
            return null;
        }

        return grant;
    }

    /// <summary>Whether a role assignment's scope is the vault, the key, or a resource group or subscription that holds the vault.</summary>
    private static (bool? Covers, Value? Target) Coverage(ResourceGraph graph, ResourceInstance assignment, ResourceInstance vault, ResourceIdValue? key)
    {
        var id = assignment.Id;
        int providers = id.Type.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase);
        if (providers > 0)
        {
            // Old style: Microsoft.KeyVault/vaults/providers/roleAssignments named 'vault/Microsoft.Authorization/guid'.
            string targetType = id.Type.Substring(0, providers);
            int count = ResourceIds.SegmentCount(targetType);
            if (id.Names.Count < count)
            {
                return (null, assignment.Name);
            }

            var names = new Value[count];
            for (int i = 0; i < count; i++)
            {
                names[i] = id.Names[i];
            }

            return (CoversResource(graph.Link(new ResourceIdValue(targetType, names, id.Scope, id.Span)), vault, key), assignment.Name);
        }

        if (id.Scope.ExtensionOf is { } extension)
        {
            return (CoversResource(extension, vault, key), assignment.Get("scope") ?? extension);
        }

        var scopeValue = assignment.Get("scope");
        var deploymentScope = assignment.Deployment.Scope;
        ResourceScope? scope = scopeValue switch
        {
            null or NullValue => deploymentScope,
            RuntimeValue { Description: "resourceGroup().id" } => deploymentScope.Kind == DeploymentScope.ResourceGroup ? deploymentScope : null,
            RuntimeValue { Description: "subscription().id" } => new ResourceScope(DeploymentScope.Subscription, deploymentScope.SubscriptionId, null),
            StringValue s => ResourceIds.ParseScope(s.Text, s.Span),
            _ => null,
        };
        if (scope is null)
        {
            return (null, scopeValue);
        }

        return (CoversScope(scope, vault.Id.Scope), scopeValue ?? new StringValue(deploymentScope.Describe(), assignment.Span));
    }

    private static bool? CoversResource(ResourceIdValue target, ResourceInstance vault, ResourceIdValue? key)
    {
        bool? isVault = ResourceIdValue.Same(target, vault.Id);
        if (isVault != false || key is null)
        {
            return isVault;
        }

        return ResourceIdValue.Same(target, key);
    }

    /// <summary>Whether a resource-group or subscription scope contains the vault's resource group.</summary>
    private static bool? CoversScope(ResourceScope scope, ResourceScope vaultScope)
    {
        if (vaultScope.ExtensionOf is not null)
        {
            return null;
        }

        switch (scope.Kind)
        {
            case DeploymentScope.ResourceGroup when vaultScope.Kind == DeploymentScope.ResourceGroup:
                return Values.And(Values.Same(scope.SubscriptionId, vaultScope.SubscriptionId), Values.Same(scope.ResourceGroup, vaultScope.ResourceGroup, ignoreCase: true));
            case DeploymentScope.ResourceGroup:
                return false;
            case DeploymentScope.Subscription when vaultScope.Kind == DeploymentScope.ResourceGroup || vaultScope.Kind == DeploymentScope.Subscription:
                return Values.Same(scope.SubscriptionId, vaultScope.SubscriptionId);
            default:
                // Management groups and the tenant contain subscriptions we cannot see.
                return null;
        }
    }
}
