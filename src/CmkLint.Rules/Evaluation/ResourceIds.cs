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

        var segments = TextSegments(text, span);
        Value? subscription = current.SubscriptionId;
        Value? group = current.ResourceGroup;
        var kind = current.Kind;
        int i = 0;
        bool absolute = text.StartsWith("/", StringComparison.Ordinal);
        if (absolute)
        {
            (kind, subscription, group) = ReadScope(segments, ref i);
            if (i >= segments.Count || !Is(segments[i], "providers"))
            {
                return null;
            }

            i++;
        }

        var scope = kind == current.Kind && !absolute ? current : new ResourceScope(kind, subscription, group);
        return ReadTypeAndNames(segments, i, scope, span);
    }

    /// <summary>A scope string, <c>/subscriptions/x</c> or <c>/subscriptions/x/resourceGroups/y</c> (slashes at the ends optional); null for anything else.</summary>
    public static ResourceScope? ParseScope(string text, SourceSpan span)
    {
        var segments = TextSegments(text, span);
        int i = 0;
        var (kind, subscription, group) = ReadScope(segments, ref i);
        return subscription is null || i != segments.Count ? null : new ResourceScope(kind, subscription, group);
    }

    /// <summary>
    /// Reads <c>subscriptions/s</c> then <c>resourceGroups/g</c> (each optional) from <paramref name="i"/>, the
    /// scope part of every resource ID, literal or symbolic; moves <paramref name="i"/> past them.
    /// </summary>
    public static (DeploymentScope Kind, Value? Subscription, Value? Group) ReadScope(IReadOnlyList<IResourceIdSegment> segments, ref int i)
    {
        var kind = DeploymentScope.Tenant;
        Value? subscription = null;
        Value? group = null;
        if (i + 1 < segments.Count && Is(segments[i], "subscriptions"))
        {
            subscription = segments[i + 1].ToValue();
            kind = DeploymentScope.Subscription;
            i += 2;
        }

        if (i + 1 < segments.Count && Is(segments[i], "resourceGroups"))
        {
            group = segments[i + 1].ToValue();
            kind = DeploymentScope.ResourceGroup;
            i += 2;
        }

        return (kind, subscription, group);
    }

    /// <summary>Reads the provider namespace, then alternating type and name segments, from <paramref name="i"/> to the end; null when they do not make a resource type and its names.</summary>
    public static ResourceIdValue? ReadTypeAndNames(IReadOnlyList<IResourceIdSegment> segments, int i, ResourceScope scope, SourceSpan span)
    {
        if (i >= segments.Count || segments[i].Literal is not string ns || ns.IndexOf('.') < 0)
        {
            return null;
        }

        var type = new System.Text.StringBuilder(ns);
        var names = new List<Value>();
        for (int j = i + 1; j < segments.Count; j += 2)
        {
            if (segments[j].Literal is not string typeSegment || j + 1 >= segments.Count)
            {
                return null;
            }

            type.Append('/').Append(typeSegment);
            names.Add(segments[j + 1].ToValue());
        }

        return names.Count == 0 ? null : new ResourceIdValue(type.ToString(), names, scope, span);
    }

    private static bool Is(IResourceIdSegment segment, string text) => segment.Literal is string literal && literal.Equals(text, StringComparison.OrdinalIgnoreCase);

    private static List<IResourceIdSegment> TextSegments(string text, SourceSpan span)
    {
        var parts = text.Trim('/').Split('/');
        var segments = new List<IResourceIdSegment>(parts.Length);
        foreach (var part in parts)
        {
            segments.Add(new TextSegment(part, span));
        }

        return segments;
    }

    /// <summary>A segment of an ID string: all of it is literal text.</summary>
    private sealed class TextSegment : IResourceIdSegment
    {
        private readonly SourceSpan span;

        public TextSegment(string text, SourceSpan span)
        {
            Literal = text;
            this.span = span;
        }

        public string? Literal { get; }

        public Value ToValue() => new StringValue(Literal!, span);
    }
}

/// <summary>A piece of a resource ID between two slashes: literal text, or a value known only symbolically.</summary>
public interface IResourceIdSegment
{
    /// <summary>The segment's text when it is literal; null when it is not.</summary>
    string? Literal { get; }

    /// <summary>The segment as a value (a name or a subscription/group of the ID).</summary>
    Value ToValue();
}
