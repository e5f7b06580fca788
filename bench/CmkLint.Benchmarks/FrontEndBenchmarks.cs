using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CmkLint.Arm;
using CmkLint.Bicep.Syntax;
using CmkLint.Text;

namespace CmkLint.Benchmarks;

/// <summary>
/// Front-end throughput over the quickstarts corpus: Bicep lexing+parsing and ARM JSON reading
/// (JSON parse, expression parse, model), in MB/s (the custom column) and per file.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
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

    /// <summary>The Bicep lexer and parser over every quickstarts .bicep file.</summary>
    [Benchmark]
    [CorpusBytes("bicep")]
    public int ParseBicepCorpus()
    {
        int diagnostics = 0;
        foreach (var file in bicep)
        {
            diagnostics += BicepParser.Parse(file).Diagnostics.Count;
        }

        return diagnostics;
    }

    /// <summary>The JSON parser alone over every quickstarts ARM template.</summary>
    [Benchmark]
    [CorpusBytes("arm")]
    public int ParseArmJson()
    {
        int parsed = 0;
        foreach (var file in arm)
        {
            if (JsonParser.Parse(file, out _) is not null)
            {
                parsed++;
            }
        }

        return parsed;
    }

    /// <summary>The ARM front end (JSON, expressions, template model) over every quickstarts ARM template.</summary>
    [Benchmark]
    [CorpusBytes("arm")]
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
