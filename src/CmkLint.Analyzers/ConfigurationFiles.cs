using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using CmkLint.Configuration;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.Text;
using CmkLint.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmkLint.Analyzers;

/// <summary>
/// The <c>cmklint.json</c> and baseline files of a compilation, found among its additional files (the
/// package's targets add them; analyzers must not read the disk), each read once. The configuration of
/// a source file is the one the <c>CmkLintConfig</c> property names, else the nearest <c>cmklint.json</c>
/// above the file; the baseline is the one <c>CmkLintBaseline</c> names, else the nearest
/// <c>cmklint.baseline.json</c> above it.
/// </summary>
internal sealed class ConfigurationFiles
{
    /// <summary>The baseline's file name when no property names one.</summary>
    public const string BaselineFileName = "cmklint.baseline.json";

    private const string ConfigProperty = "build_property.CmkLintConfig";
    private const string BaselineProperty = "build_property.CmkLintBaseline";
    private const string SourceRootProperty = "build_property.CmkLintSourceRoot";
    private const string InconclusiveProperty = "build_property.CmkLintIncludeInconclusive";

    private readonly AdditionalFileSystem fileSystem;
    private readonly AdditionalText? explicitConfiguration;
    private readonly AdditionalText? explicitBaseline;
    private readonly List<AdditionalText> configurations = new();
    private readonly List<AdditionalText> baselines = new();
    private readonly string? sourceRoot;
    private readonly ConcurrentDictionary<string, Lazy<ReadFile<LintConfiguration>>> readConfigurations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ReadFile<Baseline>>> readBaselines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(AdditionalText? Configuration, AdditionalText? Baseline), Lazy<TemplateAnalysisSettings?>> settings = new();

    private ConfigurationFiles(AnalyzerOptions options, AdditionalFileSystem fileSystem)
    {
        this.fileSystem = fileSystem;
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        explicitConfiguration = Named(global, ConfigProperty);
        explicitBaseline = Named(global, BaselineProperty);
        sourceRoot = Property(global, SourceRootProperty);
        IncludeInconclusive = string.Equals(Property(global, InconclusiveProperty), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var file in fileSystem.Files.Values)
        {
            string name = Path.GetFileName(file.Path);
            if (string.Equals(name, LintConfiguration.FileName, StringComparison.OrdinalIgnoreCase))
            {
                configurations.Add(file);
            }
            else if (string.Equals(name, BaselineFileName, StringComparison.OrdinalIgnoreCase))
            {
                baselines.Add(file);
            }
        }
    }

    /// <summary>Whether inconclusive checks are reported (<c>CmkLintIncludeInconclusive</c>).</summary>
    public bool IncludeInconclusive { get; }

    /// <summary>The additional files by path, as the engine reads them.</summary>
    public AdditionalFileSystem FileSystem => fileSystem;

    public static ConfigurationFiles Of(AnalyzerOptions options, CancellationToken cancellationToken) =>
        new(options, new AdditionalFileSystem(options.AdditionalFiles, cancellationToken));

    /// <summary>Whether the file is a configuration or baseline (never a template to analyse).</summary>
    public bool IsSettingsFile(AdditionalText file) => Role(file) != FileRole.None;

    /// <summary>
    /// The settings for a source file (C# or template), or null when its configuration or baseline has
    /// mistakes: those are reported on the file itself and nothing under it is analysed, as the CLI
    /// and the MSBuild task refuse to lint with a broken configuration. Files under the same
    /// configuration and baseline get the same instance.
    /// </summary>
    public TemplateAnalysisSettings? For(string sourcePath)
    {
        var configurationFile = explicitConfiguration ?? Nearest(configurations, sourcePath);
        var baselineFile = explicitBaseline ?? Nearest(baselines, sourcePath);
        return settings.GetOrAdd((configurationFile, baselineFile), pair => new Lazy<TemplateAnalysisSettings?>(() => Settings(pair.Configuration, pair.Baseline))).Value;
    }

    /// <summary>The mistakes in a configuration or baseline file (empty for any other file).</summary>
    public IReadOnlyList<ConfigurationError> ErrorsIn(AdditionalText file) => Role(file) switch
    {
        FileRole.Configuration => ConfigurationIn(file).Errors,
        FileRole.Baseline => BaselineIn(file).Errors,
        _ => Array.Empty<ConfigurationError>(),
    };

    /// <summary>What a file is to CmkLint, by path (a file listed twice is the same file).</summary>
    private FileRole Role(AdditionalText file)
    {
        string path = TemplateLoader.Normalize(file.Path);
        if (SamePath(explicitConfiguration, path) || configurations.Exists(c => SamePath(c, path)))
        {
            return FileRole.Configuration;
        }

        return SamePath(explicitBaseline, path) || baselines.Exists(b => SamePath(b, path)) ? FileRole.Baseline : FileRole.None;
    }

    private static bool SamePath(AdditionalText? file, string normalizedPath) =>
        file is not null && string.Equals(TemplateLoader.Normalize(file.Path), normalizedPath, StringComparison.Ordinal);

    private TemplateAnalysisSettings? Settings(AdditionalText? configurationFile, AdditionalText? baselineFile)
    {
        var configuration = configurationFile is null ? null : ConfigurationIn(configurationFile);
        var baseline = baselineFile is null ? null : BaselineIn(baselineFile);
        if (configuration?.Value is null && configuration is not null || baseline?.Value is null && baseline is not null)
        {
            return null;
        }

        return new TemplateAnalysisSettings
        {
            Configuration = configuration?.Value,
            Baseline = baseline?.Value,
            SourceRoot = sourceRoot ?? configuration?.Value?.Directory ?? (baselineFile is null ? null : Path.GetDirectoryName(TemplateLoader.Normalize(baselineFile.Path))),
        };
    }

    private ReadFile<LintConfiguration> ConfigurationIn(AdditionalText file) =>
        readConfigurations.GetOrAdd(TemplateLoader.Normalize(file.Path), path => new Lazy<ReadFile<LintConfiguration>>(() =>
        {
            var errors = new List<ConfigurationError>();
            var configuration = ConfigurationReader.Read(path, fileSystem, errors);
            return new ReadFile<LintConfiguration>(configuration, errors);
        })).Value;

    private ReadFile<Baseline> BaselineIn(AdditionalText file) =>
        readBaselines.GetOrAdd(TemplateLoader.Normalize(file.Path), path => new Lazy<ReadFile<Baseline>>(() =>
        {
            var errors = new List<ConfigurationError>();
            var baseline = Baseline.Read(path, fileSystem, errors);
            return new ReadFile<Baseline>(baseline, errors);
        })).Value;

    private AdditionalText? Named(AnalyzerConfigOptions global, string property) =>
        Property(global, property) is string path ? fileSystem.Find(path) : null;

    private static string? Property(AnalyzerConfigOptions global, string property) =>
        global.TryGetValue(property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The file whose folder is the deepest one containing <paramref name="sourcePath"/>.</summary>
    private static AdditionalText? Nearest(List<AdditionalText> candidates, string sourcePath)
    {
        AdditionalText? best = null;
        int bestLength = -1;
        string source = TemplateLoader.Normalize(sourcePath);
        foreach (var candidate in candidates)
        {
            string folder = Path.GetDirectoryName(TemplateLoader.Normalize(candidate.Path)) ?? string.Empty;
            if (folder.Length > bestLength && SourceRootPath.IsUnder(folder, source))
            {
                best = candidate;
                bestLength = folder.Length;
            }
        }

        return best;
    }

    private enum FileRole
    {
        None,
        Configuration,
        Baseline,
    }

    private sealed class ReadFile<T>
        where T : class
    {
        public ReadFile(T? value, List<ConfigurationError> errors)
        {
            Value = value;
            Errors = errors;
        }

        public T? Value { get; }

        public List<ConfigurationError> Errors { get; }
    }
}
