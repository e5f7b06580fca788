using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>Resources: SDK resource creations, <c>FromExisting</c> and resources made outside the analysed code.</summary>
internal sealed partial class InfrastructureLowering
{
    private ResourceModel ResourceOf(IObjectCreationOperation creation, SdkShape shape)
    {
        if (resourceByNode.TryGetValue((creation.Syntax, frame.Id), out var existing))
        {
            return existing;
        }

        var headSpan = creation.Syntax is BaseObjectCreationExpressionSyntax syntax && syntax.Initializer is not null
            ? FileOf(syntax.SyntaxTree).Span(syntax.SpanStart, syntax.Initializer.SpanStart - syntax.SpanStart).Trimmed()
            : SpanOf(creation.Syntax);
        var resource = new ResourceModel(shape.ResourceType!, SpanOf(creation.Syntax), headSpan, new ModelObject(SpanOf(creation.Syntax)));
        resourceByNode[(creation.Syntax, frame.Id)] = resource;
        objectByNode[(creation.Syntax, frame.Id)] = resource.Body;
        resource.Symbol = UniqueSymbol(SymbolFor(creation, shape));
        resource.ApiVersion = ConstantArgument(creation, "resourceVersion");
        resources.Add(resource);
        NoteFamily(shape);
        Fill(resource.Body, creation, shape, resource);
        OptionsDependencies(creation, shape, resource);
        if (shape.IsResourceData)
        {
            // Azure.ResourceManager runs its calls one after another: each resource waits for the ones created before it.
            foreach (var earlier in resources)
            {
                if (!ReferenceEquals(earlier, resource) && earlier.IsSequential)
                {
                    resource.DependsOn.Add(earlier);
                }
            }

            resource.IsSequential = true;
        }

        return resource;
    }

    private string SymbolFor(IObjectCreationOperation creation, SdkShape shape)
    {
        foreach (var p in shape.ConstructorParameters)
        {
            if (p.Value == "@symbol" && ConstantArgument(creation, p.Key) is string s && s.Length > 0)
            {
                return s;
            }
        }

        var declarator = creation.Syntax.Parent?.Parent as VariableDeclaratorSyntax;
        if (declarator is not null)
        {
            return declarator.Identifier.ValueText;
        }

        int slash = shape.ResourceType!.LastIndexOf('/');
        return shape.ResourceType.Substring(slash + 1);
    }

    private string UniqueSymbol(string wanted)
    {
        string name = wanted;
        for (int i = 2; !symbols.Add(name); i++)
        {
            name = wanted + i;
        }

        return name;
    }

    private static string? ConstantArgument(IObjectCreationOperation creation, string parameter)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.ConstantValue.HasValue)
            {
                return argument.Value.ConstantValue.Value as string;
            }
        }

        return null;
    }

    private ResourceModel? FindResource(ModelObject body)
    {
        foreach (var r in resources)
        {
            if (ReferenceEquals(r.Body, body))
            {
                return r;
            }
        }

        return null;
    }

    private ResourceModel ExistingResource(IInvocationOperation invocation, SdkShape shape)
    {
        if (resourceByNode.TryGetValue((invocation.Syntax, frame.Id), out var known))
        {
            return known;
        }

        NoteFamily(shape);
        string? identifier = invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue.Value is string s ? s : null;
        var resource = new ResourceModel(shape.ResourceType!, SpanOf(invocation.Syntax), SpanOf(invocation.Syntax), new ModelObject(SpanOf(invocation.Syntax)))
        {
            Existing = true,
        };
        resource.Symbol = UniqueSymbol(identifier ?? "existing");
        resourceByNode[(invocation.Syntax, frame.Id)] = resource;
        objectByNode[(invocation.Syntax, frame.Id)] = resource.Body;
        resources.Add(resource);
        return resource;
    }

    /// <summary>
    /// A resource made outside the analysed code (Aspire's <c>infra.GetProvisionableResources().OfType&lt;T&gt;().Single()</c>,
    /// a library call, an unbound parameter or field): what this code sets is known, the rest is not.
    /// </summary>
    private ResourceModel AdoptedResource(SyntaxNode node, SdkShape shape, string name)
    {
        if (resourceByNode.TryGetValue((node, frame.Id), out var known))
        {
            return known;
        }

        var origin = node is VariableDeclaratorSyntax declarator ? declarator.Initializer?.Value.ToString() ?? declarator.Identifier.ValueText : node.ToString();
        var nameSpan = node is VariableDeclaratorSyntax named ? FileOf(named.SyntaxTree).Span(named.Identifier.SpanStart, named.Identifier.Span.Length) : SpanOf(node);
        var resource = NewAdopted(shape, name, $"'{Shorten(origin)}'", SpanOf(node), nameSpan);
        resourceByNode[(node, frame.Id)] = resource;
        return resource;
    }

    private ResourceModel AdoptedResource(ISymbol symbol, SdkShape shape, string origin, SyntaxNode use)
    {
        if (adoptedBySymbol.TryGetValue(symbol, out var known))
        {
            return known;
        }

        var declaration = symbol.DeclaringSyntaxReferences.Length == 1 && compilation.ContainsSyntaxTree(symbol.DeclaringSyntaxReferences[0].SyntaxTree)
            ? symbol.DeclaringSyntaxReferences[0].GetSyntax()
            : use;
        var resource = NewAdopted(shape, symbol.Name, origin, SpanOf(declaration), SpanOf(declaration));
        adoptedBySymbol[symbol] = resource;
        return resource;
    }

    private ResourceModel NewAdopted(SdkShape shape, string name, string origin, CmkLint.Text.SourceSpan span, CmkLint.Text.SourceSpan nameSpan)
    {
        var body = new ModelObject(span)
        {
            OpenBecause = new UnsupportedExpr(span, $"{origin} (a resource made outside the analysed code)"),
        };
        var resource = new ResourceModel(shape.ResourceType!, span, nameSpan, body);
        resource.Symbol = UniqueSymbol(name);
        resources.Add(resource);
        NoteFamily(shape);
        return resource;
    }

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;

    private readonly Dictionary<ISymbol, ResourceModel> adoptedBySymbol = new(SymbolEqualityComparer.Default);

    /// <summary>Pulumi's <c>new CustomResourceOptions { DependsOn = { grant } }</c>: the resource's explicit dependencies.</summary>
    private void OptionsDependencies(IObjectCreationOperation creation, SdkShape shape, ResourceModel resource)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null || !shape.ConstructorParameters.TryGetValue(argument.Parameter.Name, out var path) || path != "@options")
            {
                continue;
            }

            if (ObjectOf(argument.Value)?.Get("dependsOn") is { } dependencies)
            {
                foreach (var item in dependencies is ModelArray list ? list.Items : new List<object> { dependencies })
                {
                    if ((item is ModelConditional c ? c.WhenTrue : item) is ModelObject body && FindResource(body) is { } dependency && !ReferenceEquals(dependency, resource) && !resource.DependsOn.Contains(dependency))
                    {
                        resource.DependsOn.Add(dependency);
                    }
                }
            }
        }
    }

    private void NoteFamily(SdkShape shape)
    {
        var family = shape.MetadataName.StartsWith("Pulumi.", StringComparison.Ordinal) ? SdkFamily.Pulumi
            : shape.MetadataName.StartsWith("Azure.ResourceManager.", StringComparison.Ordinal) ? SdkFamily.ResourceManager
            : SdkFamily.Provisioning;
        if (template.Sdk == SdkFamily.None)
        {
            // Findings are phrased in the names of this SDK (Rules/Phrasing.cs).
            template.Sdk = family;
        }
    }
}
