using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.PreviousState;
using CmkLint.Rules;

namespace CmkLint.Engine;

/// <summary>How a lint run behaves; every channel (CLI, MSBuild, analyzer, library) fills one.</summary>
public sealed class LintOptions
{
    public IFileSystem FileSystem { get; set; } = PhysicalFileSystem.Instance;

    /// <summary>The rules to run (all by default).</summary>
    public IReadOnlyList<IRule> Rules { get; set; } = RuleCatalog.Rules;

    /// <summary>Level overrides by rule ID; <see cref="Level.None"/> turns a rule off.</summary>
    public Dictionary<string, Level> Levels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parameters files given explicitly, by template path (full paths).</summary>
    public Dictionary<string, string> ParameterFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Keep inconclusive checks (SARIF <c>kind: "open"</c>) in the result.</summary>
    public bool IncludeInconclusive { get; set; }

    /// <summary>Look for parameters files beside templates by convention (RULES.md).</summary>
    public bool DiscoverParameterFiles { get; set; } = true;

    /// <summary>"Now" for date checks (key expiry); fixed in tests.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Files larger than this are not parsed (CMK900).</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The home folder whose <c>.bicep</c> holds the Bicep module cache when <c>bicepconfig.json</c> sets no <c>cacheRootDirectory</c> (default: <c>HOME</c>).</summary>
    public string? BicepHomeDirectory { get; set; } = Bicep.Modules.BicepModuleCache.DefaultHomeDirectory();

    /// <summary>
    /// Previous states to compare with (CMK007, CMK008, CMK016): <see cref="PreviousStateSource.GitRevision"/>
    /// (<c>--previous</c>, <c>CmkLintPrevious</c>) and <see cref="PreviousStateSource.DeployedExport"/> (<c>--deployed</c>).
    /// </summary>
    public List<PreviousStateSource> Previous { get; } = new();

    /// <summary>The work and size limits of analysing each file (<c>budgets</c> in <c>cmklint.json</c>).</summary>
    public AnalysisBudgets Budgets { get; set; } = new();

    /// <summary>Analyse files in parallel on all cores.</summary>
    public bool Parallel { get; set; } = true;

    /// <summary>The front ends, in the order they are asked (the first that handles a path reads it); <see cref="LintEngine.DefaultFrontEnds"/> by default.</summary>
    public IReadOnlyList<ITemplateFrontEnd> FrontEnds { get; set; } = LintEngine.DefaultFrontEnds();

    /// <summary>A copy whose collections can be changed without touching these options (the workspace completes a copy of the caller's).</summary>
    internal LintOptions Copy()
    {
        var copy = new LintOptions
        {
            FileSystem = FileSystem,
            Rules = Rules,
            IncludeInconclusive = IncludeInconclusive,
            DiscoverParameterFiles = DiscoverParameterFiles,
            Now = Now,
            MaxFileBytes = MaxFileBytes,
            BicepHomeDirectory = BicepHomeDirectory,
            Budgets = Budgets,
            Parallel = Parallel,
            FrontEnds = FrontEnds,
        };
        foreach (var pair in Levels)
        {
            copy.Levels[pair.Key] = pair.Value;
        }

        foreach (var pair in ParameterFiles)
        {
            copy.ParameterFiles[pair.Key] = pair.Value;
        }

        copy.Previous.AddRange(Previous);
        return copy;
    }
    /// <summary>What the reference scan (which files reach which, for releasing models and <c>--changed-since</c>) needs of these options.</summary>
    public Dependencies.ReferenceScanOptions ReferenceScan() => new(MaxFileBytes, ParameterFiles, DiscoverParameterFiles);

    /// <summary>What the loader reads these options' files with (<paramref name="fileSystem"/> overrides <see cref="FileSystem"/>).</summary>
    public LoadSettings Loading(IReadOnlyList<ITemplateFrontEnd> frontEnds, IFileSystem? fileSystem = null) =>
        new(frontEnds, fileSystem ?? FileSystem, MaxFileBytes, BicepHomeDirectory, Budgets.DeploymentDepth);
}
