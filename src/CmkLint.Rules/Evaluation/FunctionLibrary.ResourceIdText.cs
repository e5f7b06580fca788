using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// String functions applied to a resource ID that is symbolic (its subscription or group known only
/// at deployment): modules published to registries take IDs as parameters and take them apart,
/// <c>split(id, '/')[2]</c> for the subscription, <c>[4]</c> for the group, <c>last(split(id, '/'))</c>
/// for the name, and test them with <c>empty(id)</c>. The segments a resource ID always has are known.
/// </summary>
internal static partial class Functions
{
    /// <summary><c>empty()</c> and <c>split(…, '/')</c> of a resource ID; null for anything else.</summary>
    private static Value? OfResourceId(string name, Value[] a, SourceSpan span)
    {
        if (a.Length == 0 || a[0] is not ResourceIdValue id)
        {
            return null;
        }

        if (a.Length == 1 && string.Equals(name, "empty", System.StringComparison.OrdinalIgnoreCase))
        {
            // A resource ID is never the empty string.
            return new BoolValue(false, span);
        }

        if (a.Length == 2 && string.Equals(name, "split", System.StringComparison.OrdinalIgnoreCase) && a[1] is StringValue { Text: "/" })
        {
            var segments = Segments(id, span);
            return segments is null ? null : new ArrayValue(segments, span);
        }

        return null;
    }

    /// <summary>The values between the slashes of the ID's text, or null when its scope cannot be written out.</summary>
    private static List<Value>? Segments(ResourceIdValue id, SourceSpan span)
    {
        var parts = new List<Value> { new StringValue(string.Empty, span) };
        var scope = id.Scope;
        switch (scope.Kind)
        {
            case DeploymentScope.ResourceGroup when scope.ExtensionOf is null && scope.SubscriptionId is not null && scope.ResourceGroup is not null:
                parts.Add(new StringValue("subscriptions", span));
                parts.Add(scope.SubscriptionId);
                parts.Add(new StringValue("resourceGroups", span));
                parts.Add(scope.ResourceGroup);
                break;
            case DeploymentScope.Subscription when scope.ExtensionOf is null && scope.SubscriptionId is not null:
                parts.Add(new StringValue("subscriptions", span));
                parts.Add(scope.SubscriptionId);
                break;
            case DeploymentScope.Tenant when scope.ExtensionOf is null:
                break;
            default:
                return null;
        }

        string[] type = id.Type.Split('/');
        if (type.Length < 2 || type.Length - 1 != id.Names.Count)
        {
            return null;
        }

        parts.Add(new StringValue("providers", span));
        parts.Add(new StringValue(type[0], span));
        for (int i = 1; i < type.Length; i++)
        {
            parts.Add(new StringValue(type[i], span));
            parts.Add(id.Names[i - 1]);
        }

        return parts;
    }

    /// <summary>A resource ID used as an object key, also when written as the only part of a string (<c>format('{0}', id)</c>).</summary>
    private static ResourceIdValue? ResourceIdKey(Value key) => key switch
    {
        ResourceIdValue id => id,
        CompositeStringValue { Parts: { Count: 1 } parts } when parts[0] is ResourceIdValue only => only,
        _ => null,
    };
}
