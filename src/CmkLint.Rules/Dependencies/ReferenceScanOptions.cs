using System.Collections.Generic;

namespace CmkLint.Dependencies;

/// <summary>What the reference scan needs of a run's options: the largest file it reads and how templates find their parameters files.</summary>
public sealed class ReferenceScanOptions
{
    public ReferenceScanOptions(long maxFileBytes, IReadOnlyDictionary<string, string> parameterFiles, bool discoverParameterFiles)
    {
        MaxFileBytes = maxFileBytes;
        ParameterFiles = parameterFiles;
        DiscoverParameterFiles = discoverParameterFiles;
    }

    /// <summary>Files larger than this are not scanned (the engine does not parse them either).</summary>
    public long MaxFileBytes { get; }

    /// <summary>Template (full path) → the parameters file mapped to it.</summary>
    public IReadOnlyDictionary<string, string> ParameterFiles { get; }

    /// <summary>Whether a template's parameters files are found by the naming convention as well.</summary>
    public bool DiscoverParameterFiles { get; }
}
