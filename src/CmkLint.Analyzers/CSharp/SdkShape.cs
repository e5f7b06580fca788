using System;
using System.Collections.Generic;

namespace CmkLint.Analyzers.CSharp;

/// <summary>What a C# SDK type is in ARM terms: a resource (with its ARM type) or a nested model, and where each of its properties goes.</summary>
internal sealed class SdkShape
{
    private readonly Dictionary<string, string> properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> constructorParameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> outputs = new(StringComparer.Ordinal);

    public SdkShape(string metadataName, string? resourceType = null)
    {
        MetadataName = metadataName;
        ResourceType = resourceType;
    }

    /// <summary>The full metadata name, e.g. <c>Azure.Provisioning.ContainerRegistry.ContainerRegistryService</c>.</summary>
    public string MetadataName { get; }

    /// <summary>The ARM resource type when creating this type declares a resource; null for nested models.</summary>
    public string? ResourceType { get; }

    /// <summary>Creating it declares an update of an existing resource (<c>ContainerRegistryPatch</c>), not a resource.</summary>
    public bool IsUpdate { get; set; }

    /// <summary>A resource whose body is another object given to its constructor (<c>ContainerRegistryData</c> is handed to <c>CreateOrUpdate</c>).</summary>
    public bool IsResourceData { get; set; }

    /// <summary>The settable property → ARM path relative to this object (<c>Encryption</c> → <c>properties.encryption</c>).</summary>
    public IReadOnlyDictionary<string, string> Properties => properties;

    /// <summary>Constructor parameter → ARM path; <c>""</c> merges the argument into this object, <c>@symbol</c> names the resource.</summary>
    public IReadOnlyDictionary<string, string> ConstructorParameters => constructorParameters;

    /// <summary>Read-only properties of a deployed resource → ARM path from the resource (<c>ClientId</c> → <c>properties.clientId</c>).</summary>
    public IReadOnlyDictionary<string, string> Outputs => outputs;

    public SdkShape Map(string property, string armPath)
    {
        properties[property] = armPath;
        return this;
    }

    public SdkShape Parameter(string parameter, string armPath)
    {
        constructorParameters[parameter] = armPath;
        return this;
    }

    public SdkShape Output(string property, string armPath)
    {
        outputs[property] = armPath;
        return this;
    }
}
