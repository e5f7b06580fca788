using System.Collections.Generic;
using CmkLint.Evaluation;

namespace CmkLint.Cmk;

/// <summary>
/// What the grants of one chain prove together: whether the encryption identity can use the key on
/// the key's vault (role assignments count on an RBAC vault, access policies otherwise), and which
/// grants surely give that access. The one place grants are aggregated.
/// </summary>
public sealed class KeyAccess
{
    private KeyAccess(bool? rbac, Value? rbacValue, bool? granted, Value? unresolved, IReadOnlyList<KeyAccessGrant> granting)
    {
        Rbac = rbac;
        RbacValue = rbacValue;
        Granted = granted;
        Unresolved = unresolved;
        Granting = granting;
    }

    /// <summary>The vault's <c>enableRbacAuthorization</c>: true, false (absent means access policies), or null when unknown.</summary>
    public bool? Rbac { get; }

    /// <summary>The <c>enableRbacAuthorization</c> value (null when absent).</summary>
    public Value? RbacValue { get; }

    /// <summary>True when a grant that counts surely gives access (and no <c>remove</c> may undo it), false when none can, null when one might.</summary>
    public bool? Granted { get; }

    /// <summary>The value that keeps <see cref="Granted"/> open, when it is null.</summary>
    public Value? Unresolved { get; }

    /// <summary>The grants that count on this vault and surely give the encryption identity key use.</summary>
    public IReadOnlyList<KeyAccessGrant> Granting { get; }

    /// <summary>The key access of a chain whose vault and encryption identity are known.</summary>
    public static KeyAccess Of(CmkChain chain)
    {
        bool? rbac = chain.UsesRbac(out var rbacValue);
        var grants = chain.Grants;
        var (policies, policiesOpen) = Surely(grants, GrantKind.AccessPolicy);
        var (roles, rolesOpen) = Surely(grants, GrantKind.RoleAssignment);
        bool? granted;
        Value? unresolved;
        switch (rbac)
        {
            case true:
                (granted, unresolved) = (roles, rolesOpen);
                break;
            case false:
                (granted, unresolved) = (policies, policiesOpen);
                break;
            default:
                granted = policies == true && roles == true ? true : policies == false && roles == false ? false : null;
                unresolved = rbacValue;
                break;
        }

        var granting = new List<KeyAccessGrant>();
        foreach (var grant in grants)
        {
            if (Counts(grant.Kind, rbac) && grant.Grants == true)
            {
                granting.Add(grant);
            }
        }

        return new KeyAccess(rbac, rbacValue, granted, unresolved, granting);
    }

    /// <summary>Whether grants of this kind give key access on a vault with this RBAC setting: role assignments on an RBAC vault, access policies otherwise, either when unknown.</summary>
    public static bool Counts(GrantKind kind, bool? rbac) => rbac is null || (rbac == true) == (kind == GrantKind.RoleAssignment);

    /// <summary>Whether the grants of one kind (every kind when null) give access: true when one surely does, null when one might (naming the first value that keeps it open).</summary>
    public static (bool? Granted, Value? Unresolved) Aggregate(IEnumerable<KeyAccessGrant> grants, GrantKind? kind = null)
    {
        bool? granted = false;
        Value? unresolved = null;
        foreach (var grant in grants)
        {
            if ((kind is not null && grant.Kind != kind) || grant.Removes)
            {
                continue;
            }

            var g = grant.Grants;
            granted = Values.Or(granted, g);
            if (g is null)
            {
                unresolved ??= grant.Unresolved;
            }
        }

        return (granted, unresolved);
    }

    /// <summary><see cref="Aggregate"/>, but a grant is open again when a <c>remove</c> for the identity may come after it.</summary>
    private static (bool? Granted, Value? Unresolved) Surely(IReadOnlyList<KeyAccessGrant> grants, GrantKind kind)
    {
        var (granted, unresolved) = Aggregate(grants, kind);
        if (granted == true)
        {
            foreach (var grant in grants)
            {
                // ARM does not order a 'remove' against an 'add' without dependsOn: the removal may come last.
                if (grant.Kind == kind && grant.Removes && grant.Match is PrincipalMatch.Identity or PrincipalMatch.Unknown && grant.Covers != false && KeyPermissions.TouchesKeyUse(grant.Permission) != false)
                {
                    return (null, grant.Principal);
                }
            }
        }

        return (granted, unresolved);
    }
}
