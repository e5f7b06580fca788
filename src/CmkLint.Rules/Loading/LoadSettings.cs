using System.Collections.Generic;

namespace CmkLint.Loading;

/// <summary>What reading a run's files takes: the front ends, the file system, the largest file read, the Bicep home folder and the deployment depth budget.</summary>
public sealed class LoadSettings
{
    public LoadSettings(IReadOnlyList<ITemplateFrontEnd> frontEnds, IFileSystem fileSystem, long maxFileBytes = PhysicalFileSystem.DefaultMaxFileBytes, string? bicepHomeDirectory = null, int deploymentDepth = AnalysisBudgets.DefaultDeploymentDepth)
    {
        DeploymentDepth = deploymentDepth;
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

    /// <summary>The most modules and nested deployments inside one another that the front ends read (the <c>deploymentDepth</c> budget).</summary>
    public int DeploymentDepth { get; }
}
