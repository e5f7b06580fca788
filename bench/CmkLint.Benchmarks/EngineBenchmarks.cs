using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CmkLint.Engine;

namespace CmkLint.Benchmarks;

/// <summary>The whole engine (read, parse, evaluate, graph, rules) over the corpus, and per template.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private List<string> all = new();
    private List<string> armTemplates = new();

    [GlobalSetup]
    public void Setup()
    {
        all = Directory.EnumerateFiles(Corpus.Quickstarts, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".json") || p.EndsWith(".bicep") || p.EndsWith(".bicepparam"))
            .ToList();
        armTemplates = Corpus.ArmTemplates.Select(f => f.Path).ToList();
        System.Console.WriteLine($"// engine corpus: {all.Count} files, {armTemplates.Count} ARM templates");
    }

    /// <summary>The whole corpus on all cores, as the CLI runs it.</summary>
    [Benchmark]
    public int WholeCorpusParallel() => new LintEngine(new LintOptions { Parallel = true }).Analyze(all).Findings.Count;

    /// <summary>The ARM templates one after the other: divide by the template count for the cost per template.</summary>
    [Benchmark]
    public int ArmTemplatesSequential() => new LintEngine(new LintOptions { Parallel = false }).Analyze(armTemplates).Findings.Count;
}
