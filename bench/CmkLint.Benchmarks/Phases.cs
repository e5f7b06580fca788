using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CmkLint.Arm;
using CmkLint.Bicep.Syntax;
using CmkLint.Engine;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Rules;
using CmkLint.Text;

namespace CmkLint.Benchmarks;

/// <summary>
/// A quick profile by phase (<c>dotnet run -c Release -- --phases</c>): CPU time and bytes allocated for
/// decoding, JSON parsing, ARM reading, Bicep parsing, graph building, each rule and the whole engine,
/// single-threaded. Finds where to look before a BenchmarkDotNet run; CPU time is less distorted than
/// wall time on a loaded machine.
/// </summary>
internal static class Phases
{
    public static void Run(int rounds)
    {
        var arm = Corpus.ArmTemplates;
        var bicep = Corpus.BicepFiles;
        var armFiles = arm.Select(f => new SourceFile(f.Path, f.Text)).ToList();
        var bicepFiles = bicep.Select(f => new SourceFile(f.Path, f.Text)).ToList();
        var bytes = arm.Select(f => System.Text.Encoding.UTF8.GetBytes(f.Text)).ToList();
        double armMb = Corpus.Bytes(arm) / 1024.0 / 1024.0;
        double bicepMb = Corpus.Bytes(bicep) / 1024.0 / 1024.0;
        if (Environment.GetEnvironmentVariable("CMKLINT_PHASE_ENGINE_ONLY") == "1")
        {
            // CMKLINT_PHASE_CORPUS picks another folder (corpus/avm); CMKLINT_PHASE_THREADS=1 gives a one-thread profile for dotnet-trace.
            string folder = Corpus.Folder;
            bool parallel = Environment.GetEnvironmentVariable("CMKLINT_PHASE_THREADS") != "1";
            var only = System.IO.Directory.EnumerateFiles(folder, "*", System.IO.SearchOption.AllDirectories).ToList();
            for (int i = 0; i < rounds; i++)
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var pause = GC.GetTotalPauseDuration();
                int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
                long allocated = GC.GetTotalAllocatedBytes();
                new LintEngine(new LintOptions { Parallel = parallel }).Analyze(only);
                Console.WriteLine($"engine, whole corpus: {clock.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, gen0/1/2 {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576} MB allocated, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
            }

            return;
        }

        Console.WriteLine($"{arm.Count} ARM templates ({armMb:F2} MB), {bicep.Count} Bicep files ({bicepMb:F2} MB); best of {rounds} rounds, one thread");

        Measure("decode UTF-8 (ARM)", rounds, armMb, () =>
        {
            foreach (var b in bytes)
            {
                SourceDecoder.Decode(b, out _, out _);
            }
        });
        Measure("JSON parse (ARM)", rounds, armMb, () =>
        {
            foreach (var f in armFiles)
            {
                JsonParser.Parse(f, out _);
            }
        });
        Measure("ARM read (JSON + expressions + model)", rounds, armMb, () =>
        {
            foreach (var f in armFiles)
            {
                ArmTemplateReader.Read(f);
            }
        });
        Measure("Bicep lex + parse", rounds, bicepMb, () =>
        {
            foreach (var f in bicepFiles)
            {
                BicepParser.Parse(f);
            }
        });

        var templates = armFiles.Select(f => ArmTemplateReader.Read(f).Template).Where(t => t is not null).Select(t => t!).ToList();
        var evaluation = new EvaluationOptions();
        Measure($"graph build ({templates.Count} templates)", rounds, 0, () =>
        {
            foreach (var t in templates)
            {
                GraphBuilder.Build(t, null, null, evaluation);
            }
        });
        foreach (var rule in RuleCatalog.Rules)
        {
            Measure($"graph + {rule.Descriptor.Id} ({rule.GetType().Name})", rounds, 0, () =>
            {
                foreach (var t in templates)
                {
                    var graph = GraphBuilder.Build(t, null, null, evaluation);
                    foreach (var finding in rule.Analyze(new RuleContext(graph, evaluation)))
                    {
                        GC.KeepAlive(finding);
                    }
                }
            });
        }

        var paths = arm.Select(f => f.Path).ToList();
        Measure("engine, ARM templates, sequential", rounds, armMb, () => new LintEngine(new LintOptions { Parallel = false }).Analyze(paths));
    }

    private static void Measure(string what, int rounds, double megabytes, Action action)
    {
        action();
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < rounds; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            process.Refresh();
            var spent = process.TotalProcessorTime - cpu;
            if (spent < best)
            {
                best = spent;
            }
        }

        string rate = megabytes > 0 ? $"{megabytes / best.TotalSeconds,8:F1} MB/s" : new string(' ', 13);
        Console.WriteLine($"{what,-52} {best.TotalMilliseconds,8:F0} ms CPU {rate} {allocated / 1024.0 / 1024.0,9:F1} MB allocated");
    }
}
