using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Text;
using CmkLint.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// CMK findings in C# infrastructure code (Azure.Provisioning, Azure.ResourceManager, Pulumi Azure Native):
/// each method's statements are lowered in program order (following calls within the compilation) to the
/// template model and the engine's rules run on it (<see cref="TemplateAnalysis"/>: the file path's rule pass, levels, cmklint.json and baseline); messages use the SDK's property names. Compilations that reference none of those SDKs register nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InfrastructureCodeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => CmkDiagnostics.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!ReferencesSdk(start.Compilation))
            {
                return;
            }

            // One finding is reported once even when several blocks see it (a factory method read from each caller).
            var reported = new ConcurrentDictionary<(string Id, SyntaxTree Tree, TextSpan Span), byte>();
            var configurationFiles = ConfigurationFiles.Of(start.Options, start.CancellationToken);
            start.RegisterOperationBlockAction(block => Analyze(block, configurationFiles, reported));
        });
    }

    /// <summary>Whether the compilation can see one of the recognised SDK types at all.</summary>
    internal static bool ReferencesSdk(Compilation compilation)
    {
        foreach (var name in SdkShapes.GateTypes)
        {
            if (compilation.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(OperationBlockAnalysisContext context, ConfigurationFiles configurationFiles, ConcurrentDictionary<(string Id, SyntaxTree Tree, TextSpan Span), byte> reported)
    {
        if (context.OperationBlocks.IsEmpty)
        {
            return;
        }

        var lowering = new InfrastructureLowering(context.Compilation, context.OperationBlocks[0].Syntax.SyntaxTree);
        var template = lowering.Lower(context.OperationBlocks);
        if (template.Resources.Count == 0)
        {
            return;
        }

        // A broken cmklint.json or baseline is reported on that file (TemplateFileAnalyzer); nothing it governs is analysed.
        var settings = configurationFiles.For(template.File.Path);
        if (settings is null)
        {
            return;
        }

        var options = new LintOptions { Parallel = false, IncludeInconclusive = configurationFiles.IncludeInconclusive };
        foreach (var finding in new TemplateAnalysis(options, settings).Analyze(template))
        {
            if (finding.IsSuppressed)
            {
                continue;
            }

            bool inconclusive = finding.Kind == FindingKind.Inconclusive;
            // The rules phrase C# findings in the names of the SDK the code uses (Phrasing, Template.Sdk).
            string message = finding.Message;
            Report(context, reported, lowering, finding.RuleId, finding.Span, inconclusive ? "Inconclusive: " + message : message, inconclusive ? DiagnosticSeverity.Info : CmkDiagnostics.Severity(finding.Level), finding.Related);
        }
    }

    private static void Report(OperationBlockAnalysisContext context, ConcurrentDictionary<(string Id, SyntaxTree Tree, TextSpan Span), byte> reported, InfrastructureLowering lowering, string id, SourceSpan span, string message, DiagnosticSeverity severity, IEnumerable<RelatedLocation> related)
    {
        var tree = lowering.TreeOf(span.File);
        if (tree is null)
        {
            return;
        }

        var textSpan = TextSpan.FromBounds(span.Start, span.End);
        if (!reported.TryAdd((id, tree, textSpan), 0))
        {
            return;
        }

        var additional = new List<Location>();
        foreach (var place in related)
        {
            if (lowering.TreeOf(place.Span.File) is { } relatedTree)
            {
                additional.Add(Location.Create(relatedTree, TextSpan.FromBounds(place.Span.Start, place.Span.End)));
            }
        }

        var descriptor = CmkDiagnostics.Get(id);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(tree, textSpan), severity, additional, null, message));
    }
}
