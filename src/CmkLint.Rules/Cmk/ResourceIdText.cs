using System;
using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Model;

namespace CmkLint.Cmk;

/// <summary>Reads a value as a resource ID: an ID value, a resource reference, an ID string, or an ID built with <c>concat</c>/<c>format</c>.</summary>
public static class ResourceIdText
{
    /// <summary>The ID, linked to the declared instance when there is one; null when the value is not (provably) a resource ID.</summary>
    public static ResourceIdValue? Parse(Value? value, ResourceScope current, ResourceGraph graph)
    {
        ResourceIdValue? id = value switch
        {
            ResourceIdValue rid => rid,
            ResourceReferenceValue r when r.Path.Count == 0 => r.Resource,
            StringValue s => ResourceIds.Parse(s.Text, s.Span, current),
            CompositeStringValue c => c.Parts.Count == 1 ? Parse(c.Parts[0], current, graph) : ParseComposite(c, current),
            _ => null,
        };
        return id is null ? null : graph.Link(id);
    }

    /// <summary><c>concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', rg, '/providers/T/', name)</c> and <c>concat(resourceGroup().id, '/providers/...')</c>.</summary>
    private static ResourceIdValue? ParseComposite(CompositeStringValue composite, ResourceScope current)
    {
        var text = SymbolicText.From(composite);
        if (text is null || text.Pieces.Count == 0)
        {
            return null;
        }

        var segments = text.Split('/');
        int i = 0;
        ResourceScope scope;
        if (segments.Count > 0 && segments[0].Pieces.Count == 1 && segments[0].Pieces[0] is RuntimeValue runtime)
        {
            // resourceGroup().id and subscription().id are this deployment's scopes.
            if (runtime.Description == "resourceGroup().id" && current.Kind == DeploymentScope.ResourceGroup)
            {
                scope = new ResourceScope(DeploymentScope.ResourceGroup, current.SubscriptionId, current.ResourceGroup);
            }
            else if (runtime.Description == "subscription().id")
            {
                scope = new ResourceScope(DeploymentScope.Subscription, current.SubscriptionId, null);
            }
            else
            {
                return null;
            }

            i = 1;
        }
        else if (text.Pieces[0] is string first && first.StartsWith("/", StringComparison.Ordinal))
        {
            var (kind, subscription, group) = ResourceIds.ReadScope(segments, ref i);
            scope = new ResourceScope(kind, subscription, group);
        }
        else
        {
            return null;
        }

        if (i >= segments.Count || segments[i].Is("providers") != true)
        {
            return null;
        }

        return ResourceIds.ReadTypeAndNames(segments, i + 1, scope, composite.Span);
    }

    /// <summary>Whether a text is a GUID (client IDs, principal IDs and role definition names are).</summary>
    public static bool IsGuid(string text) => Guid.TryParse(text, out _) && text.Length == 36;
}
