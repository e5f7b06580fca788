using System.Collections.Generic;

namespace CmkLint.Loading;

/// <summary>What reading a run's files takes: the front ends, the file system, the largest file read and the Bicep home folder.</summary>
public sealed class LoadSettings
{
    public LoadSettings(IReadOnlyList<ITemplateFrontEnd> frontEnds, IFileSystem fileSystem, long maxFileBytes = PhysicalFileSystem.DefaultMaxFileBytes, string? bicepHomeDirectory = null)
    {
        FrontEnds = frontEnds;
        FileSystem = fileSystem;
        MaxFileBytes = maxFileBytes;
        BicepHomeDirectory = bicepHomeDirectory;
    }

    /// <summary>The front ends, in the order they are asked (the first that handles a path reads it).</summary>
    public IReadOnlyList<ITemplateFrontEnd> FrontEnds { get; }

    public IFileSystem FileSystem { get; }

    /// <summary>Files larger than this are not parsed (CMK900).</summary>
    public long MaxFileBytes { get; }

    /// <summary>The home folder whose <c>.bicep</c> holds the Bicep module cache when <c>bicepconfig.json</c> sets no <c>cacheRootDirectory</c>.</summary>
    public string? BicepHomeDirectory { get; }
}
