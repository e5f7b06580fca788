using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CmkLint.Analyzers;

/// <summary>
/// Runs the CmkLint engine on the project's Bicep, <c>.bicepparam</c> and ARM JSON additional files and
/// reports each finding at its exact span in the file it points at.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class TemplateFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => CmkDiagnostics.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var templates = new List<AdditionalText>();
            foreach (var file in start.Options.AdditionalFiles)
            {
                if (IsTemplateCandidate(file.Path))
                {
                    templates.Add(file);
                }
            }

            if (templates.Count == 0)
            {
                return;
            }

            var run = new TemplateRun(templates, start.Options, start.CancellationToken);
            start.RegisterAdditionalFileAction(fileContext => run.Report(fileContext));
        });
    }

    /// <summary>Whether a front end of the engine reads this path (ARM JSON today; Bicep once its front end is registered).</summary>
    internal static bool IsTemplateCandidate(string path)
    {
        foreach (var frontEnd in LintEngine.FrontEnds)
        {
            if (frontEnd.Handles(path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One engine run per compilation over every template, done on first need: a module or nested
    /// template is analysed in its callers' contexts too, and the engine reports a finding once even
    /// when two entry points reach it. Each additional file then reports the findings that point into it.
    /// </summary>
    private sealed class TemplateRun
    {
        private readonly AdditionalFileSystem fileSystem;
        private readonly List<AdditionalText> templates;
        private readonly Lazy<Dictionary<string, List<Finding>>> findings;

        public TemplateRun(List<AdditionalText> templates, AnalyzerOptions analyzerOptions, CancellationToken cancellationToken)
        {
            this.templates = templates;
            fileSystem = new AdditionalFileSystem(analyzerOptions.AdditionalFiles, cancellationToken);
            findings = new Lazy<Dictionary<string, List<Finding>>>(Analyze, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public void Report(AdditionalFileAnalysisContext context)
        {
            string key = TemplateLoader.Normalize(context.AdditionalFile.Path);
            if (!fileSystem.Files.TryGetValue(key, out var owner) || !ReferenceEquals(owner, context.AdditionalFile))
            {
                return;
            }

            if (!findings.Value.TryGetValue(key, out var list))
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            var severities = EditorConfigSeverities.For(context.Compilation, context.AdditionalFile.Path, context.CancellationToken);
            foreach (var finding in list)
            {
                if (finding.IsSuppressed || severities.IsSilenced(finding.RuleId))
                {
                    continue;
                }

                var location = LocationOf(context.AdditionalFile.Path, text, finding.Span);
                var additional = new List<Location>();
                foreach (var related in finding.Related)
                {
                    var relatedFile = related.Span.File is null ? null : fileSystem.Find(related.Span.File.Path);
                    var relatedText = relatedFile?.GetText(context.CancellationToken);
                    if (relatedFile is not null && relatedText is not null)
                    {
                        additional.Add(LocationOf(relatedFile.Path, relatedText, related.Span));
                    }
                }

                var descriptor = CmkDiagnostics.Get(finding.RuleId);
                var severity = severities.Override(finding.RuleId) ?? CmkDiagnostics.Severity(finding.Level);
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, severity, additional, null, finding.Message));
            }
        }

        private Dictionary<string, List<Finding>> Analyze()
        {
            // Roslyn already runs analyzers concurrently; the engine's own parallelism would compete with it.
            var options = new LintOptions { FileSystem = fileSystem, Parallel = false };
            var paths = new List<string>(templates.Count);
            foreach (var t in templates)
            {
                paths.Add(t.Path);
            }

            var result = new LintEngine(options).Analyze(paths);
            var byFile = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
            foreach (var finding in result.Findings)
            {
                string key = TemplateLoader.Normalize(finding.Path);
                if (!byFile.TryGetValue(key, out var list))
                {
                    byFile[key] = list = new List<Finding>();
                }

                list.Add(finding);
            }

            return byFile;
        }

        private static Location LocationOf(string path, SourceText text, CmkLint.Text.SourceSpan span)
        {
            if (span.IsNone)
            {
                return Location.Create(path, default, default);
            }

            int start = Math.Min(span.Start, text.Length);
            int end = Math.Min(span.End, text.Length);
            var textSpan = TextSpan.FromBounds(start, end);
            return Location.Create(path, textSpan, text.Lines.GetLinePositionSpan(textSpan));
        }
    }
}
