using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CmkLint.Benchmarks;

/// <summary>Marks a benchmark that processes the given corpus's bytes once per operation, so its MB/s can be shown.</summary>
[System.AttributeUsage(System.AttributeTargets.Method)]
public sealed class CorpusBytesAttribute : System.Attribute
{
    public CorpusBytesAttribute(string corpus) => Corpus = corpus;

    /// <summary>"bicep" (the quickstarts Bicep files) or "arm" (the quickstarts ARM templates).</summary>
    public string Corpus { get; }
}

/// <summary>Columns derived from the mean: MB/s for corpus benchmarks, and time and allocation per file.</summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly bool perFile;

    private ThroughputColumn(bool perFile) => this.perFile = perFile;

    public static IEnumerable<IColumn> Both => new[] { new ThroughputColumn(false), new ThroughputColumn(true) };

    public string Id => perFile ? "PerFile" : "MBps";

    public string ColumnName => perFile ? "Per file (time / alloc)" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => perFile ? 1 : 0;

    public bool IsNumeric => !perFile;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => perFile
        ? "Mean time and bytes allocated per file of the benchmark's corpus"
        : "Corpus bytes (UTF-8) processed per second of mean time";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null)
        {
            return "-";
        }

        double seconds = report.ResultStatistics.Mean / 1e9;
        var (bytes, files) = Size(benchmarkCase);
        if (perFile)
        {
            if (files == 0)
            {
                return "-";
            }

            long allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? 0;
            return $"{seconds * 1e6 / files:F1} us / {allocated / 1024.0 / files:F1} KB";
        }

        return bytes == 0 ? "-" : $"{bytes / 1024.0 / 1024.0 / seconds:F1}";
    }

    private static (long Bytes, int Files) Size(BenchmarkCase benchmarkCase)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod;
        var corpus = method.GetCustomAttributes(typeof(CorpusBytesAttribute), false).OfType<CorpusBytesAttribute>().FirstOrDefault()?.Corpus;
        return corpus switch
        {
            "bicep" => (Corpus.Bytes(Corpus.BicepFiles), Corpus.BicepFiles.Count),
            "arm" => (Corpus.Bytes(Corpus.ArmTemplates), Corpus.ArmTemplates.Count),
            "all" => (Corpus.Bytes(Corpus.AllFiles), Corpus.AllFiles.Count),
            _ => (0, 0),
        };
    }
}
