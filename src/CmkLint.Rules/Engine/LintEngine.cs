using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Arm;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.PreviousState;
using CmkLint.Rules;
using CmkLint.Rules.Chain;
using CmkLint.Text;

namespace CmkLint.Engine;

/// <summary>
/// Runs CmkLint: reads each file once, builds one graph per entry point (the template with its
/// defaults, and with each parameters file that belongs to it), runs the rules, and merges the
/// findings (one per fingerprint), applying suppressions, levels and the inconclusive filter.
/// </summary>
public sealed class LintEngine
{
    /// <summary>Parameters with more allowed values than this are not tried one by one.</summary>
    private const int MaxAllowedValuesTried = 16;

    /// <summary>The stack of each analysis thread: deep input is cut by the depth budgets long before, this is defence in depth.</summary>
    private const int AnalysisStackBytes = 256 * 1024 * 1024;

    private readonly LintOptions options;

    public LintEngine(LintOptions? options = null)
    {
        this.options = options ?? new LintOptions();
    }

    /// <summary>A new list of the built-in front ends (ARM JSON, then Bicep): each run gets its own, nothing global to change.</summary>
    public static IReadOnlyList<ITemplateFrontEnd> DefaultFrontEnds() => new ITemplateFrontEnd[] { new ArmFrontEnd(), new Bicep.BicepFrontEnd() };

    /// <summary>Analyses files (not folders: discovering files is the caller's job).</summary>
    public LintResult Analyze(IEnumerable<string> paths) => Analyze(paths, options.FileSystem);

    /// <summary>Analyses files, reading those in <paramref name="documents"/> (path to text) from memory and the others from the options' file system.</summary>
    public LintResult Analyze(IEnumerable<string> paths, IReadOnlyDictionary<string, string> documents) =>
        Analyze(paths, documents.Count == 0 ? options.FileSystem : new OverlayFileSystem(options.FileSystem, documents));

    private LintResult Analyze(IEnumerable<string> paths, IFileSystem fileSystem)
    {
        var loader = new TemplateLoader(options.Loading(options.FrontEnds, fileSystem));
        var comparisonErrors = new List<string>();
        foreach (var previous in options.Previous)
        {
            if (previous.Open() is { } error)
            {
                comparisonErrors.Add(error);
            }
        }

        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            string full = TemplateLoader.Normalize(path);
            if (loader.CanRead(full) && seen.Add(full))
            {
                files.Add(full);
            }
        }

        foreach (var previous in options.Previous)
        {
            previous.Prepare(files);
        }

        var perFile = new List<Finding>[files.Count];
        var relevant = new bool[files.Count];
        var steps = new long[files.Count];
        var release = new Dependencies.ModelRelease(files, Dependencies.FileReferences.Scan(files, fileSystem, options.ReferenceScan(), options.Parallel), loader);
        RunOnAnalysisThreads(files.Count, options.Parallel ? Environment.ProcessorCount : 1, i =>
        {
            perFile[i] = AnalyzeFile(files[i], loader, out relevant[i], out steps[i]);
            release.Done(files[i]);
        });

        var all = new List<Finding>();
        int analysed = 0;
        for (int i = 0; i < files.Count; i++)
        {
            all.AddRange(perFile[i]);
            if (relevant[i])
            {
                analysed++;
            }
        }

        // Input problems of every file read, including modules outside the given paths.
        foreach (var loaded in loader.Summaries)
        {
            all.AddRange(loaded.Diagnostics);
        }

        var stepsByFile = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++)
        {
            stepsByFile[TemplateLoader.DisplayPath(files[i])] = steps[i];
        }

        // Findings inside templates from the Bicep module cache are reported at the call in the user's file.
        for (int i = 0; i < all.Count; i++)
        {
            all[i] = Bicep.Modules.BicepModuleCache.Of(loader).Relocate(all[i]);
        }

        return new LintResult(Finish(all, loader.Summaries.SelectMany(file => file.Suppressions)), analysed, comparisonErrors) { EvaluationSteps = stepsByFile };
    }

    /// <summary>
    /// Runs <paramref name="count"/> analyses on at most <paramref name="threads"/> threads with a large
    /// stack (the thread pool's is small), each taking the next file until none is left.
    /// </summary>
    private static void RunOnAnalysisThreads(int count, int threads, Action<int> run)
    {
        int next = -1;
        Exception? failure = null;
        void Work()
        {
            try
            {
                for (int i = System.Threading.Interlocked.Increment(ref next); i < count; i = System.Threading.Interlocked.Increment(ref next))
                {
                    run(i);
                }
            }
            catch (Exception e)
            {
                System.Threading.Interlocked.CompareExchange(ref failure, e, null);
            }
        }

        var workers = new System.Threading.Thread[Math.Max(1, Math.Min(threads, count))];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new System.Threading.Thread(Work, AnalysisStackBytes) { IsBackground = true, Name = "cmklint-analysis" };
            workers[t].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Analyses in-memory files (tests, the analyzer): paths map to texts; other paths are read from the options' file system.</summary>
    public LintResult AnalyzeTexts(IReadOnlyDictionary<string, string> files)
    {
        return Analyze(files.Keys, new OverlayFileSystem(options.FileSystem, files));
    }

    private List<Finding> AnalyzeFile(string path, TemplateLoader loader, out bool relevant, out long steps)
    {
        var findings = new List<Finding>();
        using var clock = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, options.Budgets.FileSeconds)));
        var meter = BudgetMeter.For(options.Budgets, clock.Token);
        var result = loader.Load(path);
        relevant = result.IsRelevant;
        steps = 0;
        try
        {
            if (result.Template is not null)
            {
                var tried = new List<string>();
                foreach (var (values, source) in EntryPoints(path, loader, findings))
                {
                    tried.Add(FindingContexts.Describe(path, source));
                    RunEntry(path, result.Template, values, source, findings, meter);
                }

                FindingContexts.Tried(findings, tried);
            }
            else if (result.UsingTemplate is not null && result.ParameterValues is not null)
            {
                var target = loader.Load(result.UsingTemplate);
                if (target.Template is not null)
                {
                    RunEntry(result.UsingTemplate, target.Template, result.ParameterValues, TemplateLoader.DisplayPath(path), findings, meter);
                }
            }

            steps = meter.Steps;
            CloseMeter(path, result.Template?.File, findings, meter);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            findings.Add(InternalError(path, e));
        }

        return findings;
    }

    /// <summary>The end of one file's metered analysis: past its time only the budget note is kept, then the meter's CMK901s.</summary>
    internal static void CloseMeter(string path, SourceFile? file, List<Finding> findings, BudgetMeter meter)
    {
        if (meter.CheckTime())
        {
            // Findings of a cut analysis may rest on resources never instantiated: only the budget note is kept.
            findings.Clear();
            findings.Add(InputDiagnostics.OutOfTime(TemplateLoader.DisplayPath(path), file is null ? SourceSpan.None : new SourceSpan(file, 0, 0), meter.Limits.FileSeconds));
        }

        findings.AddRange(meter.Diagnostics);
    }

    /// <summary>The engine must not throw on input: an exception while analysing a file is a bug, reported as such.</summary>
    internal static Finding InternalError(string path, Exception e) =>
        InputDiagnostics.Unreadable(TemplateLoader.DisplayPath(path), "internal error while analysing the file (please report it): " + e.GetType().Name + ": " + e.Message);

    /// <summary>The template with its defaults, then with each parameters file that belongs to it (explicit, else by convention).</summary>
    private IEnumerable<(IReadOnlyDictionary<string, Expr>? Values, string? Source)> EntryPoints(string templatePath, TemplateLoader loader, List<Finding> findings)
    {
        yield return (null, null);
        var parameterFiles = new List<string>();
        if (options.ParameterFiles.TryGetValue(templatePath, out var explicitFile))
        {
            parameterFiles.Add(TemplateLoader.Normalize(explicitFile));
        }
        else if (options.DiscoverParameterFiles)
        {
            parameterFiles.AddRange(ConventionalParameterFiles(templatePath, loader));
        }

        foreach (var file in parameterFiles)
        {
            var parameters = loader.Load(file);
            if (parameters.ParameterValues is not null && (parameters.UsingTemplate is null || string.Equals(parameters.UsingTemplate, templatePath, StringComparison.Ordinal)))
            {
                yield return (parameters.ParameterValues, TemplateLoader.DisplayPath(file));
            }
            else if (explicitFile is not null && parameters.Diagnostics.Count == 0)
            {
                // Given explicitly (--parameters, cmklint.json) but not usable: an error, never a run without it.
                findings.Add(ExplicitParameters.Unusable(file, templatePath, parameters));
            }
        }
    }

    private static IEnumerable<string> ConventionalParameterFiles(string templatePath, TemplateLoader loader)
    {
        string? dir = Path.GetDirectoryName(templatePath);
        string name = Path.GetFileNameWithoutExtension(templatePath);
        if (dir is null)
        {
            yield break;
        }

        if (templatePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            string candidate = Path.Combine(dir, name + ".parameters.json");
            if (loader.FileSystem.FileExists(candidate))
            {
                yield return candidate;
            }
        }
        else if (templatePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
        {
            string json = Path.Combine(dir, name + ".parameters.json");
            if (loader.FileSystem.FileExists(json))
            {
                yield return json;
            }

            string param = Path.Combine(dir, name + ".bicepparam");
            if (loader.FileSystem.FileExists(param))
            {
                yield return param;
            }
        }
    }

    /// <summary>One entry point: the rule pass on its graph, the allowed-value variants and the previous-state comparisons.</summary>
    internal void RunEntry(string templatePath, Template template, IReadOnlyDictionary<string, Expr>? values, string? source, List<Finding> findings, BudgetMeter meter)
    {
        var evaluation = new EvaluationOptions { Now = options.Now, Meter = meter };
        var graph = GraphBuilder.Build(template, values, source, evaluation);
        var baseline = RunRules(graph, evaluation);
        FindingContexts.Holds(baseline, FindingContexts.Describe(templatePath, source));
        findings.AddRange(baseline);
        if (graph.OfType(CmkRegistry.RegistryType).Count > 0)
        {
            findings.AddRange(AllowedValueVariants(template, graph, values, source, evaluation, baseline));
            findings.AddRange(CompareWithPrevious(templatePath, graph, values, source, evaluation));
        }
    }

    /// <summary>Runs the previous-state rules once per comparison (git revision, deployed export), naming the comparison in each finding.</summary>
    private IEnumerable<Finding> CompareWithPrevious(string templatePath, ResourceGraph graph, IReadOnlyDictionary<string, Expr>? values, string? source, EvaluationOptions evaluation)
    {
        foreach (var previous in options.Previous)
        {
            var comparison = previous.CompareWith(templatePath, values, source, evaluation, options.Loading(options.FrontEnds));
            if (comparison is null)
            {
                continue;
            }

            foreach (var finding in RunRules(graph, evaluation, comparison))
            {
                finding.Comparison ??= comparison.Comparison;
                yield return finding;
            }
        }
    }

    private List<Finding> RunRules(ResourceGraph graph, EvaluationOptions evaluation, PreviousComparison? previous = null)
    {
        var context = new RuleContext(graph, evaluation) { Previous = previous };
        var list = new List<Finding>();
        foreach (var rule in options.Rules)
        {
            if (evaluation.Meter.CheckTime())
            {
                break;
            }

            if (options.Levels.TryGetValue(rule.Descriptor.Id, out var level) && level == Level.None)
            {
                continue;
            }

            // Previous-state rules run only in a comparison pass; earlier-state rules in both; the others only in the ordinary one.
            if (rule is not IEarlierStateRule && (rule is IPreviousStateRule) != (previous is not null))
            {
                continue;
            }

            list.AddRange(rule.Analyze(context));
        }

        Rules.Chain.LinkedResourceLocations.Relate(graph, list);
        return list;
    }

    /// <summary>
    /// RULES.md: a violation that happens for some allowed values of a parameter but not for its
    /// effective value is a warning naming those values. Each allowed value is tried in turn.
    /// </summary>
    private IEnumerable<Finding> AllowedValueVariants(Template template, ResourceGraph graph, IReadOnlyDictionary<string, Expr>? values, string? source, EvaluationOptions evaluation, List<Finding> baseline)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in baseline)
        {
            known.Add(f.Fingerprint);
        }

        var extra = new Dictionary<string, (Finding Finding, string Parameter, List<string> Values)>(StringComparer.Ordinal);
        foreach (var parameter in template.Parameters.Values)
        {
            if (parameter.AllowedValues is null || parameter.AllowedValues.Items.Count > MaxAllowedValuesTried || (values?.ContainsKey(parameter.Name) ?? false))
            {
                continue;
            }

            // Evaluation is deterministic and reads a parameter only through its deployment: when neither
            // the graph nor any rule read this one, another value for it gives the same graph and findings.
            // (An analysis cut short by its budget may not have read everything, so then every value is tried.)
            if (!graph.Root.WasRead(parameter.Name) && !evaluation.Meter.Stopped)
            {
                continue;
            }

            foreach (var allowed in parameter.AllowedValues.Items)
            {
                if (allowed is not LiteralExpr literal || parameter.DefaultValue is LiteralExpr d && Equals(d.Value, literal.Value))
                {
                    continue;
                }

                var variantValues = new Dictionary<string, Expr>(StringComparer.OrdinalIgnoreCase);
                if (values is not null)
                {
                    foreach (var pair in values)
                    {
                        variantValues[pair.Key] = pair.Value;
                    }
                }

                variantValues[parameter.Name] = allowed;
                var variant = GraphBuilder.Build(template, variantValues, source, evaluation);
                foreach (var finding in RunRules(variant, evaluation))
                {
                    if (finding.Kind != FindingKind.Violation || finding.Level < Level.Warning || known.Contains(finding.Fingerprint) || finding.Rule == InputDiagnostics.InvalidTemplate)
                    {
                        continue;
                    }

                    string shown = literal.Value is string s ? "'" + s + "'" : Convert.ToString(literal.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
                    if (!extra.TryGetValue(finding.Fingerprint, out var entry))
                    {
                        extra[finding.Fingerprint] = entry = (finding, parameter.Name, new List<string>());
                    }

                    if (!entry.Values.Contains(shown))
                    {
                        entry.Values.Add(shown);
                    }
                }
            }
        }

        foreach (var entry in extra.Values)
        {
            var f = entry.Finding;
            string message = $"{f.Message} This happens when parameter '{entry.Parameter}' is {string.Join(" or ", entry.Values)} (an allowed value other than the one used).";
            var warning = new Finding(f.Rule, Level.Warning, message, f.Span, f.Fingerprint + "|allowed", f.Kind) { MovedFrom = f.MovedFrom };
            warning.Related.AddRange(f.Related);
            warning.Fix = f.Fix;
            yield return warning;
        }
    }

    /// <summary>One finding per fingerprint, <paramref name="suppressions"/> (in-source ones) applied and the unused ones reported, levels set, sorted by path, line and column.</summary>
    internal List<Finding> Finish(List<Finding> all, IEnumerable<Suppression> suppressions)
    {
        var audit = new SuppressionAudit(options.Levels, options.Previous.Count > 0);
        foreach (var s in suppressions)
        {
            audit.Add(s);
        }

        var byFingerprint = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var order = new List<Finding>();
        foreach (var finding in all)
        {
            if (finding.Kind == FindingKind.Inconclusive && !options.IncludeInconclusive)
            {
                // Not reported, but a suppression written for the check is still in use.
                audit.Match(finding);
                continue;
            }

            if (options.Levels.TryGetValue(finding.RuleId, out var level))
            {
                if (level == Level.None)
                {
                    continue;
                }

                finding.Level = level;
            }

            if (byFingerprint.TryGetValue(finding.Fingerprint, out var existing))
            {
                if (finding.Level > existing.Level)
                {
                    existing.Level = finding.Level;
                }

                FindingContexts.Merge(existing, finding);
                continue;
            }

            byFingerprint[finding.Fingerprint] = finding;
            if (audit.Match(finding) is { } s)
            {
                finding.Suppression = new SuppressionInfo("inSource", s.Justification);
            }

            order.Add(finding);
        }

        order.AddRange(audit.Unused(all));
        FindingContexts.Name(order);
        order.Sort(CompareFindings);
        return order;
    }

    /// <summary>Deterministic output order: path, line, column, rule, message.</summary>
    public static int CompareFindings(Finding a, Finding b)
    {
        int c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0)
        {
            return c;
        }

        c = a.Span.Start.CompareTo(b.Span.Start);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    private sealed class OverlayFileSystem : IFileSystem
    {
        private readonly IFileSystem inner;
        private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

        public OverlayFileSystem(IFileSystem inner, IReadOnlyDictionary<string, string> files)
        {
            this.inner = inner;
            foreach (var pair in files)
            {
                this.files[TemplateLoader.Normalize(pair.Key)] = pair.Value;
            }
        }

        public bool FileExists(string path) => files.ContainsKey(TemplateLoader.Normalize(path)) || inner.FileExists(path);

        public byte[]? ReadAllBytes(string path, out string? error)
        {
            if (files.TryGetValue(TemplateLoader.Normalize(path), out var text))
            {
                error = null;
                return System.Text.Encoding.UTF8.GetBytes(text);
            }

            return inner.ReadAllBytes(path, out error);
        }
    }
}
