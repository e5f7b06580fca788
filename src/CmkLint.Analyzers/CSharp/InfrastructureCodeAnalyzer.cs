using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Rules;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// CMK findings in C# infrastructure code (Azure.Provisioning, Azure.ResourceManager, Pulumi Azure Native):
/// each method's object creations, assignments and calls are lowered to the template model and the
/// engine's rules run on it. Compilations that reference none of those SDKs register nothing.
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

            start.RegisterOperationBlockStartAction(block =>
            {
                var collected = new ConcurrentQueue<IOperation>();
                block.RegisterOperationAction(operation => collected.Enqueue(operation.Operation), OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(end => Analyze(end, collected));
            });
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

    private static void Analyze(OperationBlockAnalysisContext context, ConcurrentQueue<IOperation> collected)
    {
        if (collected.IsEmpty)
        {
            return;
        }

        var tree = context.OperationBlocks[0].Syntax.SyntaxTree;
        var text = tree.GetText(context.CancellationToken);
        var file = new SourceFile(tree.FilePath, text.ToString());
        var lowering = new InfrastructureLowering(file);
        var template = lowering.Lower(collected);
        foreach (var update in lowering.EncryptionUpdates)
        {
            var rule = CmkDiagnostics.Rule("CMK007");
            context.ReportDiagnostic(Diagnostic.Create(CmkDiagnostics.Get(rule.Id), Location.Create(tree, TextSpan.FromBounds(update.Span.Start, update.Span.End)), update.Message));
        }

        if (template.Resources.Count == 0)
        {
            return;
        }

        foreach (var finding in Run(template))
        {
            if (finding.Span.File != file)
            {
                continue;
            }

            var additional = new List<Location>();
            foreach (var related in finding.Related)
            {
                if (related.Span.File == file)
                {
                    additional.Add(Location.Create(tree, TextSpan.FromBounds(related.Span.Start, related.Span.End)));
                }
            }

            var location = Location.Create(tree, TextSpan.FromBounds(finding.Span.Start, finding.Span.End));
            context.ReportDiagnostic(Diagnostic.Create(CmkDiagnostics.Get(finding.RuleId), location, CmkDiagnostics.Severity(finding.Level), additional, null, finding.Message));
        }
    }

    /// <summary>The engine's rules on one lowered template: violations only, one per fingerprint.</summary>
    internal static List<Finding> Run(CmkLint.Model.Template template)
    {
        var options = new EvaluationOptions();
        var graph = GraphBuilder.Build(template, null, null, options);
        var context = new RuleContext(graph, options);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var rule in RuleCatalog.Rules)
        {
            foreach (var finding in rule.Analyze(context))
            {
                if (finding.Kind == FindingKind.Violation && seen.Add(finding.Fingerprint))
                {
                    findings.Add(finding);
                }
            }
        }

        return findings;
    }
}
