using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CmkLint.Arm;
using CmkLint.Bicep.Syntax;
using CmkLint.Text;

namespace CmkLint.Benchmarks;

/// <summary>
/// Front-end throughput over the whole quickstarts corpus: Bicep lexing+parsing and ARM JSON
/// reading (JSON parse, expression parse, model). MB/s = corpus bytes (printed at setup) / mean time.
/// </summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private List<SourceFile> bicep = new();
    private List<SourceFile> arm = new();

    [GlobalSetup]
    public void Setup()
    {
        var bicepFiles = Corpus.BicepFiles;
        var armFiles = Corpus.ArmTemplates;
        bicep = bicepFiles.Select(f => new SourceFile(f.Path, f.Text)).ToList();
        arm = armFiles.Select(f => new SourceFile(f.Path, f.Text)).ToList();
        System.Console.WriteLine($"// corpus: {bicep.Count} Bicep files ({Corpus.Bytes(bicepFiles) / 1024.0 / 1024.0:F2} MB), {arm.Count} ARM templates ({Corpus.Bytes(armFiles) / 1024.0 / 1024.0:F2} MB)");
    }

    [Benchmark]
    public int ParseBicepCorpus()
    {
        int nodes = 0;
        foreach (var file in bicep)
        {
            nodes += BicepParser.Parse(file).Diagnostics.Count;
        }

        return nodes;
    }

    [Benchmark]
    public int ReadArmCorpus()
    {
        int resources = 0;
        foreach (var file in arm)
        {
            resources += ArmTemplateReader.Read(file).Template?.Resources.Count ?? 0;
        }

        return resources;
    }
}
