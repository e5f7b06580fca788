using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>Builds and parses resource IDs (<c>resourceId()</c> and friends, and ID strings).</summary>
public static class ResourceIds
{
    /// <summary>
    /// Builds the ID that <c>resourceId([subscriptionId], [resourceGroupName], type, name1, name2...)</c> returns.
    /// The optional leading arguments are told apart the way ARM does: the type is the first argument containing '/'.
    /// </summary>
    public static Value FromArguments(IReadOnlyList<Value> args, SourceSpan span, ResourceScope current, DeploymentScope kind)
    {
        int typeAt = -1;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is StringValue s && s.Text.IndexOf('/') > 0 && s.Text.IndexOf('.') >= 0)
            {
                typeAt = i;
                break;
            }
        }

        if (typeAt < 0)
        {
            foreach (var a in args)
            {
                if (!a.IsKnown)
                {
                    return Evaluator.Unresolved(a, span, "the resource type");
                }
            }

            return new UnknownValue("resourceId() has no resource type argument", span);
        }

        string type = ((StringValue)args[typeAt]).Text;
        var names = new List<Value>();
        for (int i = typeAt + 1; i < args.Count; i++)
        {
            // A name argument may itself hold several segments ('vault/key').
            if (args[i] is StringValue n && n.Text.IndexOf('/') >= 0)
            {
                foreach (var part in n.Text.Split('/'))
                {
                    names.Add(new StringValue(part, n.Span));
                }
            }
            else
            {
                names.Add(args[i]);
            }
        }

        Value? subscription = current.SubscriptionId;
        Value? group = current.ResourceGroup;
        DeploymentScope scopeKind = kind;
        if (kind == DeploymentScope.ResourceGroup)
        {
            if (typeAt == 1)
            {
                group = args[0];
                scopeKind = DeploymentScope.ResourceGroup;
            }
            else if (typeAt >= 2)
            {
                subscription = args[0];
                group = args[1];
            }
            else if (current.Kind != DeploymentScope.ResourceGroup)
            {
                scopeKind = current.Kind;
            }
        }
        else if (kind == DeploymentScope.Subscription && typeAt >= 1)
        {
            subscription = args[0];
        }

        var scope = scopeKind switch
        {
            DeploymentScope.ResourceGroup => new ResourceScope(DeploymentScope.ResourceGroup, subscription, group),
            DeploymentScope.Subscription => new ResourceScope(DeploymentScope.Subscription, subscription, null),
            DeploymentScope.ManagementGroup => new ResourceScope(DeploymentScope.ManagementGroup, null, null, current.ManagementGroup),
            _ => new ResourceScope(DeploymentScope.Tenant, null, null),
        };
        if (scopeKind == DeploymentScope.ResourceGroup && typeAt == 0 && current.Kind == DeploymentScope.ResourceGroup)
        {
            scope = current;
        }

        return new ResourceIdValue(type, names, scope, span);
    }

    /// <summary>Number of name segments a type has: <c>Microsoft.KeyVault/vaults/keys</c> has 2.</summary>
    public static int SegmentCount(string type)
    {
        int count = 0;
        foreach (char c in type)
        {
            if (c == '/')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Parses a resource ID string (<c>/subscriptions/../resourceGroups/../providers/T/n</c>) or the
    /// relative form <c>Microsoft.KeyVault/vaults/name</c>; null when the text is neither.
    /// </summary>
    public static ResourceIdValue? Parse(string text, SourceSpan span, ResourceScope current)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Trim('/').Split('/');
        Value? subscription = current.SubscriptionId;
        Value? group = current.ResourceGroup;
        var kind = current.Kind;
        int i = 0;
        if (text.StartsWith("/", StringComparison.Ordinal))
        {
            kind = DeploymentScope.Tenant;
            subscription = null;
            group = null;
            if (i + 1 < parts.Length && parts[i].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
            {
                subscription = new StringValue(parts[i + 1], span);
                kind = DeploymentScope.Subscription;
                i += 2;
            }

            if (i + 1 < parts.Length && parts[i].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
            {
                group = new StringValue(parts[i + 1], span);
                kind = DeploymentScope.ResourceGroup;
                i += 2;
            }

            if (i >= parts.Length || !parts[i].Equals("providers", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            i++;
        }

        // Provider namespace, then alternating type and name segments.
        if (parts.Length - i < 3)
        {
            return null;
        }

        string ns = parts[i];
        if (ns.IndexOf('.') < 0)
        {
            return null;
        }

        var typeBuilder = new System.Text.StringBuilder(ns);
        var names = new List<Value>();
        for (int j = i + 1; j + 1 < parts.Length; j += 2)
        {
            typeBuilder.Append('/').Append(parts[j]);
            names.Add(new StringValue(parts[j + 1], span));
        }

        if ((parts.Length - i - 1) % 2 != 0 || names.Count == 0)
        {
            return null;
        }

        var scope = kind == current.Kind && text[0] != '/' ? current : new ResourceScope(kind, subscription, group);
        return new ResourceIdValue(typeBuilder.ToString(), names, scope, span);
    }
}
