using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Analyzers.CSharp;

/// <summary>A resource being assembled.</summary>
internal sealed class ResourceModel
{
    public ResourceModel(string type, SourceSpan span, SourceSpan nameSpan, ModelObject body)
    {
        Type = type;
        Span = span;
        NameSpan = nameSpan;
        Body = body;
    }

    public string Type { get; }

    public SourceSpan Span { get; }

    public SourceSpan NameSpan { get; }

    public ModelObject Body { get; }

    public string Symbol { get; set; } = string.Empty;

    public string? ApiVersion { get; set; }

    public bool Existing { get; set; }

    /// <summary>An update of an existing resource (<c>ContainerRegistryPatch</c>): the body holds only what it sets.</summary>
    public bool IsUpdate { get; set; }

    public Expr? Scope { get; set; }

    public bool IsSequential { get; set; }

    public List<ResourceModel> DependsOn { get; } = new();
}
