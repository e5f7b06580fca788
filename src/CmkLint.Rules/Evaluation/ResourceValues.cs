using System;
using System.Collections.Generic;
using System.Text;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// Where a resource lives: a resource group of a subscription, a subscription, a management group,
/// the tenant, or (extension resources) another resource. Names are values, so "the resource group
/// of this deployment" stays symbolic instead of becoming a made-up name.
/// </summary>
public sealed class ResourceScope
{
    public ResourceScope(DeploymentScope kind, Value? subscriptionId, Value? resourceGroup, Value? managementGroup = null, ResourceIdValue? extensionOf = null)
    {
        Kind = kind;
        SubscriptionId = subscriptionId;
        ResourceGroup = resourceGroup;
        ManagementGroup = managementGroup;
        ExtensionOf = extensionOf;
    }

    public DeploymentScope Kind { get; }

    public Value? SubscriptionId { get; }

    public Value? ResourceGroup { get; }

    public Value? ManagementGroup { get; }

    /// <summary>For an extension resource (role assignment, lock...): the resource it is applied to.</summary>
    public ResourceIdValue? ExtensionOf { get; }

    /// <summary>Whether two scopes are the same: true, false, or null when it cannot be told.</summary>
    public static bool? Same(ResourceScope a, ResourceScope b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.ExtensionOf is not null || b.ExtensionOf is not null)
        {
            if (a.ExtensionOf is null || b.ExtensionOf is null)
            {
                return false;
            }

            return ResourceIdValue.Same(a.ExtensionOf, b.ExtensionOf);
        }

        if (a.Kind != b.Kind)
        {
            return false;
        }

        bool? sub = Values.Same(a.SubscriptionId, b.SubscriptionId);
        bool? rg = a.Kind == DeploymentScope.ResourceGroup ? Values.Same(a.ResourceGroup, b.ResourceGroup, ignoreCase: true) : true;
        bool? mg = a.Kind == DeploymentScope.ManagementGroup ? Values.Same(a.ManagementGroup, b.ManagementGroup, ignoreCase: true) : true;
        return Values.And(Values.And(sub, rg), mg);
    }

    public string Describe()
    {
        if (ExtensionOf is not null)
        {
            return ExtensionOf.Describe();
        }

        return Kind switch
        {
            DeploymentScope.ResourceGroup => "resource group " + (ResourceGroup?.Describe() ?? "?"),
            DeploymentScope.Subscription => "subscription " + (SubscriptionId?.Describe() ?? "?"),
            DeploymentScope.ManagementGroup => "management group " + (ManagementGroup?.Describe() ?? "?"),
            _ => "tenant",
        };
    }
}

/// <summary>
/// A resource ID: type, name segments and scope. It stays symbolic because the subscription ID is
/// only known at deployment, but two IDs can still be compared segment by segment.
/// </summary>
public sealed class ResourceIdValue : Value
{
    public ResourceIdValue(string type, IReadOnlyList<Value> names, ResourceScope scope, SourceSpan span)
        : base(span)
    {
        Type = type;
        Names = names;
        Scope = scope;
        long total = type.Length + 2L;
        foreach (var name in names)
        {
            total = AddSize(total, name.Size);
        }

        size = total;
    }

    private readonly long size;

    public override long Size => size;

    /// <summary>The full type, e.g. <c>Microsoft.KeyVault/vaults/keys</c>.</summary>
    public string Type { get; }

    /// <summary>One name per type segment after the provider: <c>['vault', 'key']</c>.</summary>
    public IReadOnlyList<Value> Names { get; }

    public ResourceScope Scope { get; }

    /// <summary>The declared resource this ID names, when it is declared in the analysed deployment.</summary>
    public ResourceInstance? Instance { get; init; }

    public override ValueState State => ValueState.Symbolic;

    /// <summary>The full name (<c>vault/key</c>) when every segment is known.</summary>
    public string? KnownName
    {
        get
        {
            var sb = new StringBuilder();
            for (int i = 0; i < Names.Count; i++)
            {
                if (Names[i] is not StringValue s)
                {
                    return null;
                }

                if (i > 0)
                {
                    sb.Append('/');
                }

                sb.Append(s.Text);
            }

            return sb.ToString();
        }
    }

    /// <summary>Whether the ID, or any of its names, is loaded from a file (its names are then never quoted).</summary>
    public bool HasLoadedName => IsLoaded || AnyLoaded(Names);

    /// <summary><see cref="KnownName"/> for a message: null when a name is loaded from a file.</summary>
    public string? QuotableKnownName => HasLoadedName ? null : KnownName;

    /// <summary><see cref="LastName"/> for a message: null when a name is loaded from a file.</summary>
    public string? QuotableLastName => HasLoadedName ? null : LastName;

    /// <summary>The last name segment, when known.</summary>
    public string? LastName => Names.Count > 0 && Names[Names.Count - 1] is StringValue s ? s.Text : null;

    public static bool? Same(ResourceIdValue a, ResourceIdValue b)
    {
        if (a.Instance is not null && b.Instance is not null && ReferenceEquals(a.Instance, b.Instance))
        {
            return true;
        }

        if (!string.Equals(a.Type, b.Type, StringComparison.OrdinalIgnoreCase) || a.Names.Count != b.Names.Count)
        {
            return false;
        }

        bool? result = true;
        for (int i = 0; i < a.Names.Count; i++)
        {
            result = Values.And(result, Values.Same(a.Names[i], b.Names[i], ignoreCase: true));
            if (result == false)
            {
                return false;
            }
        }

        return Values.And(result, ResourceScope.Same(a.Scope, b.Scope));
    }

    public override string Describe()
    {
        if (IsLoaded)
        {
            return LoadedDescription;
        }

        var sb = new StringBuilder("resourceId('").Append(Type).Append('\'');
        foreach (var n in Names)
        {
            sb.Append(", ").Append(n is StringValue { IsLoaded: false } s ? "'" + s.Text + "'" : n.Describe());
        }

        return sb.Append(')').ToString();
    }
}

/// <summary>
/// A property of a resource that only exists once it is deployed (<c>uami.properties.clientId</c>,
/// <c>reference(id).principalId</c>, <c>vault.properties.vaultUri</c>), or a whole resource.
/// </summary>
public sealed class ResourceReferenceValue : Value
{
    public ResourceReferenceValue(ResourceIdValue resource, IReadOnlyList<string> path, SourceSpan span)
        : base(span)
    {
        Resource = resource;
        Path = path;
    }

    public ResourceIdValue Resource { get; }

    /// <summary>The property path from the full resource object: <c>properties.clientId</c>, <c>identity.principalId</c>; empty for the resource itself.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>A Bicep module symbol: <c>mod.outputs.x</c> reads the output's value directly.</summary>
    public bool IsModule { get; init; }

    public override ValueState State => ValueState.Symbolic;

    /// <summary>The path joined with dots, lower-cased for comparisons (<c>properties.clientid</c>).</summary>
    public string PathKey => string.Join(".", Path).ToLowerInvariant();

    public ResourceReferenceValue Extend(string name, SourceSpan span)
    {
        var path = new List<string>(Path.Count + 1);
        path.AddRange(Path);
        path.Add(name);
        return new ResourceReferenceValue(Resource, path, span) { IsModule = IsModule };
    }

    public override string Describe()
    {
        if (IsLoaded)
        {
            return LoadedDescription;
        }

        string target = Resource.Instance?.DisplayName ?? Resource.Describe();
        return Path.Count == 0 ? target : target + "." + string.Join(".", Path);
    }
}
