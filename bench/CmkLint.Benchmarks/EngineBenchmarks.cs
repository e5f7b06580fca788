using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CmkLint.Arm;
using CmkLint.Engine;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Rules;

namespace CmkLint.Benchmarks;

/// <summary>
/// The engine: evaluation (graph building) and rules over already-read templates, and the whole engine
/// (read, parse, evaluate, graph, rules, merge) over the corpus as the CLI runs it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class EngineBenchmarks
{
    private List<string> all = new();
    private List<string> armTemplates = new();
    private List<Template> templates = new();
    private readonly EvaluationOptions evaluation = new();

    [GlobalSetup]
    public void Setup()
    {
        all = Corpus.AllFiles.Select(f => f.Path).ToList();
        armTemplates = Corpus.ArmTemplates.Select(f => f.Path).ToList();
        templates = Corpus.ArmTemplates.Select(f => ArmTemplateReader.Read(new Text.SourceFile(f.Path, f.Text)).Template).OfType<Template>().ToList();
        System.Console.WriteLine($"// engine corpus: {all.Count} files ({Corpus.Bytes(Corpus.AllFiles) / 1024.0 / 1024.0:F2} MB), {armTemplates.Count} ARM templates");
    }

    /// <summary>Evaluation and rules only (templates already read): graph per template with its defaults, every rule. Per file = per template.</summary>
    [Benchmark]
    [CorpusBytes("arm")]
    public int EvaluateAndRunRules()
    {
        int findings = 0;
        foreach (var template in templates)
        {
            var graph = GraphBuilder.Build(template, null, null, evaluation);
            var context = new RuleContext(graph, evaluation);
            foreach (var rule in RuleCatalog.Rules)
            {
                foreach (var finding in rule.Analyze(context))
                {
                    findings++;
                }
            }
        }

        return findings;
    }

    /// <summary>The whole engine over the ARM templates one after the other (reading included; parameters files found by convention).</summary>
    [Benchmark]
    [CorpusBytes("arm")]
    public int ArmTemplatesSequential() => new LintEngine(new LintOptions { Parallel = false }).Analyze(armTemplates).Findings.Count;

    /// <summary>The whole corpus (ARM JSON and Bicep) on all cores, as the CLI runs it.</summary>
    [Benchmark]
    [CorpusBytes("all")]
    public int WholeCorpusParallel() => new LintEngine(new LintOptions { Parallel = true }).Analyze(all).Findings.Count;
}
