using System;
using System.Collections.Generic;
using CmkLint.Evaluation;

namespace CmkLint.Cmk;

/// <summary>
/// The permission sets of the CMK chain in one place: the key permissions an access policy must grant,
/// the operations the key must allow, the roles that can wrap and unwrap, and the three-valued checks of
/// a permission list or role against them.
/// </summary>
public static class KeyPermissions
{
    /// <summary>The key permissions the registry's encryption identity needs in an access policy.</summary>
    public static readonly IReadOnlyList<string> AccessPolicy = new[] { "get", "wrapKey", "unwrapKey" };

    /// <summary>The operations the key itself must allow (<c>keyOps</c>).</summary>
    public static readonly IReadOnlyList<string> KeyOperations = new[] { "wrapKey", "unwrapKey" };

    /// <summary>Key Vault Crypto Service Encryption User, Crypto User, Crypto Officer, Administrator: the roles with wrap/unwrap.</summary>
    public static readonly IReadOnlyList<string> KeyRoles = new[]
    {
        "e147488a-f6f5-4113-8e2d-b22465e65bf6",
        "12338af0-0e69-4776-bea7-57ae8d297424",
        "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
        "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    };

    /// <summary>Whether <c>permissions.keys</c> holds get, wrapKey and unwrapKey (or <c>all</c>), ignoring case.</summary>
    public static bool? PermitsKeyUse(Value? keys) =>
        keys is null || keys is NullValue ? false : HoldsAll(keys, AccessPolicy, allCounts: true);

    /// <summary>Whether a key's <c>keyOps</c> allow both wrapKey and unwrapKey.</summary>
    public static bool? AllowsWrap(Value keyOps) => HoldsAll(keyOps, KeyOperations, allCounts: false);

    /// <summary>Whether <c>permissions.keys</c> holds any of get, wrapKey, unwrapKey or all (what a <c>remove</c> would take away).</summary>
    public static bool? TouchesKeyUse(Value? keys)
    {
        if (keys is not ArrayValue array)
        {
            return keys is null || keys.IsKnown ? false : null;
        }

        bool? result = false;
        foreach (var item in array.Items)
        {
            if (item is StringValue s)
            {
                if (string.Equals(s.Text, "all", StringComparison.OrdinalIgnoreCase) || Contains(AccessPolicy, s.Text))
                {
                    return true;
                }
            }
            else if (!item.IsKnown)
            {
                result = null;
            }
        }

        return result;
    }

    /// <summary>Whether a role definition ID names a role that can wrap and unwrap keys.</summary>
    public static bool? PermitsKeyRole(Value? roleDefinitionId)
    {
        string? guid = roleDefinitionId switch
        {
            ResourceIdValue id when id.Type.EndsWith("/roleDefinitions", StringComparison.OrdinalIgnoreCase) => id.LastName,
            StringValue s => LastSegment(s.Text),
            CompositeStringValue c when c.Parts.Count > 0 && c.Parts[c.Parts.Count - 1] is StringValue tail && tail.Text.IndexOf('/') >= 0 => LastSegment(tail.Text),
            _ => null,
        };
        if (guid is null || !ResourceIdText.IsGuid(guid))
        {
            return roleDefinitionId is null || roleDefinitionId is NullValue ? false : guid is null ? null : false;
        }

        return Contains(KeyRoles, guid);
    }

    /// <summary>Whether a list value holds every one of <paramref name="needed"/> (ignoring case; <c>all</c> too when <paramref name="allCounts"/>); null when an unknown item might complete it.</summary>
    private static bool? HoldsAll(Value list, IReadOnlyList<string> needed, bool allCounts)
    {
        if (list is not ArrayValue array)
        {
            return list.IsKnown ? false : null;
        }

        var have = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool unknown = false;
        foreach (var item in array.Items)
        {
            if (item is StringValue s)
            {
                have.Add(s.Text);
            }
            else if (!item.IsKnown)
            {
                unknown = true;
            }
        }

        if (allCounts && have.Contains("all"))
        {
            return true;
        }

        foreach (var permission in needed)
        {
            if (!have.Contains(permission))
            {
                return unknown ? null : false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> set, string text)
    {
        foreach (var item in set)
        {
            if (string.Equals(item, text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string LastSegment(string text)
    {
        int slash = text.TrimEnd('/').LastIndexOf('/');
        return slash < 0 ? text : text.Substring(slash + 1).TrimEnd('/');
    }
}
