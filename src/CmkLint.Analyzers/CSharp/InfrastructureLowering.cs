using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// Lowers the C# infrastructure code of one operation block (a method, a lambda's container, top-level
/// statements) to the engine's template model, so the same rules run on it as on ARM JSON and Bicep.
/// Statements are read in program order (<see cref="Walk"/>): object creations of recognised SDK types
/// become resources and their nested objects; initializers, later assignments, <c>Add</c>, indexer sets and
/// <c>Clear()</c> fill them (the last write wins, a write under <c>if</c> becomes a conditional value).
/// Calls to methods, local functions and lambdas of the compilation are followed with their arguments
/// bound (bounded in depth and steps). Compile-time constants become literals; the identity's
/// <c>ClientId</c>/<c>PrincipalId</c>/<c>Id</c> become references to the identity resource; anything else
/// becomes an unknown that names the C# expression.
/// </summary>
internal sealed partial class InfrastructureLowering
{
    private const int MaxDepth = 32;

    /// <summary>How many calls deep methods, local functions and lambdas are followed.</summary>
    private const int MaxCallDepth = 4;

    /// <summary>Operations read per analysed block, calls included; past it the resources are left open (unknown).</summary>
    private const int MaxSteps = 20_000;

    private readonly Compilation compilation;
    private readonly SourceFile file;
    private readonly Dictionary<SyntaxTree, SourceFile> files = new();
    private readonly Template template;
    private readonly List<ResourceModel> resources = new();
    private readonly Dictionary<(SyntaxNode Node, int Frame), ResourceModel> resourceByNode = new();
    private readonly Dictionary<(SyntaxNode Node, int Frame), ModelObject> objectByNode = new();
    private readonly HashSet<string> symbols = new(StringComparer.OrdinalIgnoreCase);
    private int depth;

    public InfrastructureLowering(Compilation compilation, SyntaxTree tree)
    {
        this.compilation = compilation;
        file = FileOf(tree);
        template = new Template(file, TemplateLanguage.CSharp) { Span = file.Span(0, file.Text.Length), UsesSymbolicNames = true };
    }

    /// <summary>The syntax tree a finding's file is, or null when it is not C# of this compilation.</summary>
    public SyntaxTree? TreeOf(SourceFile? source)
    {
        foreach (var pair in files)
        {
            if (ReferenceEquals(pair.Value, source))
            {
                return pair.Key;
            }
        }

        return null;
    }

    /// <summary>Reads the operation blocks of one declaration (a method body, an initializer) in program order.</summary>
    public Template Lower(IEnumerable<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            Walk(block);
        }

        Finish();
        return template;
    }

    private SourceFile FileOf(SyntaxTree tree)
    {
        if (!files.TryGetValue(tree, out var source))
        {
            source = new SourceFile(tree.FilePath, tree.GetText().ToString());
            files[tree] = source;
        }

        return source;
    }

    private void Finish()
    {
        foreach (var resource in resources)
        {
            if (exhausted)
            {
                resource.Body.EscapedBecause ??= new UnsupportedExpr(resource.Span, $"the code after the analyzer's limit of {MaxSteps} operations");
            }

            IdentityListToMap(resource.Body);
            var declaration = new ResourceDeclaration(template, resource.Type, resource.Span)
            {
                SymbolicName = resource.Symbol,
                NameSpan = resource.NameSpan,
                Existing = resource.Existing,
                IsUpdate = resource.IsUpdate,
                ApiVersion = resource.ApiVersion,
                Scope = resource.Scope,
            };
            declaration.Body = resource.Body.ToExpr();
            declaration.Name = declaration.Body.Get("name") ?? new UnsupportedExpr(resource.NameSpan, $"the name the SDK gives '{resource.Symbol}'");
            foreach (var dependency in resource.DependsOn)
            {
                declaration.DependsOn.Add(new SymbolExpr(resource.NameSpan, SymbolKind.Resource, dependency.Symbol));
            }

            template.Resources.Add(declaration);
        }
    }

    /// <summary>Pulumi lists the user-assigned identity IDs; ARM keys an object by them.</summary>
    private static void IdentityListToMap(ModelObject body)
    {
        if (body.Get("identity") is ModelObject identity && identity.Get("userAssignedIdentities") is ModelArray list)
        {
            var map = new ModelObject(list.Span);
            foreach (var item in list.Items)
            {
                var key = item as Expr ?? new UnsupportedExpr(list.Span, "an identity ID that is not a value");
                var empty = new ModelObject(key.Span);
                if (key is LiteralExpr { Value: string id })
                {
                    map.Add(id, null, empty, key.Span);
                }
                else
                {
                    map.Add(key.Span.Text, key, empty, key.Span);
                }
            }

            identity.Set("userAssignedIdentities", map, list.Span);
        }
    }

    private static SdkShape? Shape(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type is INamedTypeSymbol named && named.IsGenericType && named.TypeArguments.Length == 1 && IsWrapper(named))
        {
            return Shape(named.TypeArguments[0]);
        }

        return SdkShapes.Find(MetadataName(type));
    }

    /// <summary>Azure.Provisioning's <c>BicepValue&lt;T&gt;</c> and Pulumi's <c>Input&lt;T&gt;</c> wrap models; the model is what matters.</summary>
    private static bool IsWrapper(INamedTypeSymbol type)
    {
        string name = MetadataName(type.OriginalDefinition);
        return name == "Azure.Provisioning.BicepValue`1" || name == "Pulumi.Input`1" || name == "System.Nullable`1";
    }

    private static string MetadataName(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        string prefix = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";
        var container = type.ContainingType;
        while (container is not null)
        {
            prefix += container.MetadataName + "+";
            container = container.ContainingType;
        }

        return prefix + type.MetadataName;
    }

    private SourceSpan SpanOf(SyntaxNode node) => FileOf(node.SyntaxTree).Span(node.SpanStart, node.Span.Length);
}
