using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CmkLint.Analyzers;

/// <summary>
/// Runs the CmkLint engine on the project's Bicep, <c>.bicepparam</c> and ARM JSON additional files and
/// reports each finding at its exact span in the file it points at, with the project's <c>cmklint.json</c> and baseline applied.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class TemplateFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The engine's front ends, asked which additional files are templates.</summary>
    private static readonly IReadOnlyList<ITemplateFrontEnd> FrontEnds = LintEngine.DefaultFrontEnds();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => CmkDiagnostics.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var configurationFiles = ConfigurationFiles.Of(start.Options, start.CancellationToken);
            var templates = new List<AdditionalText>();
            bool settingsFiles = false;
            foreach (var file in start.Options.AdditionalFiles)
            {
                if (configurationFiles.IsSettingsFile(file))
                {
                    settingsFiles = true;
                }
                else if (IsTemplateCandidate(file.Path))
                {
                    templates.Add(file);
                }
            }

            if (templates.Count == 0 && !settingsFiles)
            {
                return;
            }

            var run = new TemplateRun(templates, configurationFiles);
            start.RegisterAdditionalFileAction(fileContext => run.Report(fileContext));
        });
    }

    /// <summary>Whether a front end of the engine reads this path (ARM JSON today; Bicep once its front end is registered).</summary>
    internal static bool IsTemplateCandidate(string path)
    {
        foreach (var frontEnd in FrontEnds)
        {
            if (frontEnd.Handles(path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One engine run per configuration over the templates it governs, done on first need: a module or
    /// nested template is analysed in its callers' contexts too, and the engine reports a finding once
    /// even when two entry points reach it. Each additional file then reports the findings that point
    /// into it; a configuration or baseline file reports its own mistakes.
    /// </summary>
    private sealed class TemplateRun
    {
        private readonly ConfigurationFiles configurationFiles;
        private readonly List<AdditionalText> templates;
        private readonly Lazy<Dictionary<string, List<Finding>>> findings;

        public TemplateRun(List<AdditionalText> templates, ConfigurationFiles configurationFiles)
        {
            this.templates = templates;
            this.configurationFiles = configurationFiles;
            findings = new Lazy<Dictionary<string, List<Finding>>>(Analyze, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private AdditionalFileSystem FileSystem => configurationFiles.FileSystem;

        public void Report(AdditionalFileAnalysisContext context)
        {
            string key = TemplateLoader.Normalize(context.AdditionalFile.Path);
            if (!FileSystem.Files.TryGetValue(key, out var owner) || !ReferenceEquals(owner, context.AdditionalFile))
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            if (configurationFiles.IsSettingsFile(context.AdditionalFile))
            {
                ReportSettingsErrors(context, text);
                return;
            }

            if (!findings.Value.TryGetValue(key, out var list))
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
                    var relatedFile = related.Span.File is null ? null : FileSystem.Find(related.Span.File.Path);
                    var relatedText = relatedFile?.GetText(context.CancellationToken);
                    if (relatedFile is not null && relatedText is not null)
                    {
                        additional.Add(LocationOf(relatedFile.Path, relatedText, related.Span));
                    }
                }

                var descriptor = CmkDiagnostics.Get(finding.RuleId);
                bool inconclusive = finding.Kind == FindingKind.Inconclusive;

                // .editorconfig's severity wins over cmklint.json's level, as the compiler does for C# files (docs/analyzer.md).
                var severity = inconclusive ? DiagnosticSeverity.Info : severities.Override(finding.RuleId) ?? CmkDiagnostics.Severity(finding.Level);
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, severity, additional, null, inconclusive ? "Inconclusive: " + finding.Message : finding.Message));
            }
        }

        private void ReportSettingsErrors(AdditionalFileAnalysisContext context, SourceText text)
        {
            foreach (var error in configurationFiles.ErrorsIn(context.AdditionalFile))
            {
                // Errors about a file named in the configuration (a parameters file) are located where the configuration names it.
                var location = string.Equals(TemplateLoader.Normalize(error.Path), TemplateLoader.Normalize(context.AdditionalFile.Path), StringComparison.Ordinal)
                    ? LocationAt(context.AdditionalFile.Path, text, error.Line, error.Column)
                    : Location.Create(context.AdditionalFile.Path, default, default);
                context.ReportDiagnostic(Diagnostic.Create(CmkDiagnostics.InvalidSettings, location, error.Message));
            }
        }

        private Dictionary<string, List<Finding>> Analyze()
        {
            // One engine run per configuration (the nearest cmklint.json above each template, or the one CmkLintConfig names).
            var groups = new Dictionary<TemplateAnalysisSettings, List<string>>();
            foreach (var t in templates)
            {
                string path = TemplateLoader.Normalize(t.Path);
                if (configurationFiles.For(path) is { } settings && settings.Selects(path))
                {
                    if (!groups.TryGetValue(settings, out var paths))
                    {
                        groups[settings] = paths = new List<string>();
                    }

                    paths.Add(path);
                }
            }

            var byFile = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
            foreach (var group in groups)
            {
                // Roslyn already runs analyzers concurrently; the engine's own parallelism would compete with it.
                var options = new LintOptions { FileSystem = FileSystem, Parallel = false, IncludeInconclusive = configurationFiles.IncludeInconclusive };
                group.Key.ApplyTo(options, group.Value);
                var result = new LintEngine(options).Analyze(group.Value);
                group.Key.Accept(result.Findings);
                foreach (var finding in result.Findings)
                {
                    string key = TemplateLoader.Normalize(finding.Path);
                    if (!byFile.TryGetValue(key, out var list))
                    {
                        byFile[key] = list = new List<Finding>();
                    }

                    list.Add(finding);
                }
            }

            return byFile;
        }

        private static Location LocationAt(string path, SourceText text, int line, int column)
        {
            if (line < 1 || line > text.Lines.Count)
            {
                return Location.Create(path, default, default);
            }

            var textLine = text.Lines[line - 1];
            int start = Math.Min(textLine.Start + Math.Max(0, column - 1), textLine.End);
            var textSpan = new TextSpan(start, 0);
            return Location.Create(path, textSpan, text.Lines.GetLinePositionSpan(textSpan));
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
