using System.Linq;
using BenchmarkDotNet.Configs;

namespace CmkLint.Benchmarks;

/// <summary>The default job plus the MB/s and per-file columns.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(ThroughputColumn.Both.ToArray());
    }
}
