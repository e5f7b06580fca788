using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using CmkLint.Arm;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Modules;

/// <summary>What reading a registry module from the cache gave: its template, or why there is none.</summary>
internal sealed class CachedModule
{
    public CachedModule(string? path, Template? template, string? problem)
    {
        Path = path;
        Template = template;
        Problem = problem;
    }

    /// <summary>The <c>main.json</c> the Bicep CLI restores the module to (null without a cache root).</summary>
    public string? Path { get; }

    public Template? Template { get; }

    /// <summary>Why there is no template: not restored, unreadable, not a template.</summary>
    public string? Problem { get; }

    /// <summary>True when the module is simply not in the cache (rather than there but unreadable).</summary>
    public bool IsMissing { get; init; }
}

/// <summary>
/// The Bicep CLI's local module cache, read (never written, never fetched) for one run: finds the
/// <c>bicepconfig.json</c> that applies to each Bicep file, resolves a reference to the <c>main.json</c>
/// that <c>bicep restore</c> wrote, and remembers each call so findings inside a cached template are
/// reported at the call. Files are read through the run's <see cref="IFileSystem"/>: the cache root
/// lies outside the repository, so a confined file system must allow it as a read-only root.
/// </summary>
internal sealed class BicepModuleCache
{
    private readonly TemplateLoader loader;
    private readonly string? homeDirectory;
    private readonly ConcurrentDictionary<string, Lazy<BicepConfiguration>> configurations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(string? Text, string? Error)>> texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SourceFile, RegistryModuleCall> calls = new();
    private readonly ConcurrentDictionary<string, byte> reportedConfigurations = new(StringComparer.Ordinal);

    public BicepModuleCache(TemplateLoader loader, string? homeDirectory)
    {
        this.loader = loader;
        this.homeDirectory = homeDirectory;
    }

    /// <summary>The run's module cache: one per loader, kept by the loader, made on first use.</summary>
    public static BicepModuleCache Of(TemplateLoader loader) => loader.Shared(l => new BicepModuleCache(l, l.Settings.BicepHomeDirectory));

    /// <summary>The home folder the Bicep CLI puts <c>.bicep</c> under: <c>HOME</c>, else the user profile.</summary>
    public static string? DefaultHomeDirectory()
    {
        string? home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetEnvironmentVariable("USERPROFILE");
        }

        return string.IsNullOrEmpty(home) ? null : home;
    }

    /// <summary>The nearest <c>bicepconfig.json</c> in the Bicep file's folder or a folder above it, as the Bicep CLI looks it up.</summary>
    public BicepConfiguration ConfigurationFor(string bicepFilePath)
    {
        string? directory;
        try
        {
            directory = System.IO.Path.GetDirectoryName(TemplateLoader.Normalize(bicepFilePath));
        }
        catch (ArgumentException)
        {
            return BicepConfiguration.BuiltIn;
        }

        return directory is null ? BicepConfiguration.BuiltIn : configurations.GetOrAdd(directory, d => new Lazy<BicepConfiguration>(() => Lookup(d))).Value;
    }

    /// <summary>The problems of a configuration, once per run (the first Bicep file that needs it reports them).</summary>
    public IEnumerable<Finding> TakeDiagnostics(BicepConfiguration configuration)
    {
        if (configuration.Path is null || configuration.Diagnostics.Count == 0 || !reportedConfigurations.TryAdd(configuration.Path, 0))
        {
            return Array.Empty<Finding>();
        }

        return configuration.Diagnostics;
    }

    private BicepConfiguration Lookup(string directory)
    {
        string candidate = System.IO.Path.Combine(directory, BicepConfiguration.FileName);
        if (loader.FileSystem.FileExists(candidate))
        {
            return Read(candidate);
        }

        string? parent;
        try
        {
            parent = System.IO.Path.GetDirectoryName(directory);
        }
        catch (ArgumentException)
        {
            return BicepConfiguration.BuiltIn;
        }

        return string.IsNullOrEmpty(parent) || parent == directory ? BicepConfiguration.BuiltIn : configurations.GetOrAdd(parent!, d => new Lazy<BicepConfiguration>(() => Lookup(d))).Value;
    }

    private BicepConfiguration Read(string path)
    {
        var (text, error) = ReadText(path);
        var file = new SourceFile(TemplateLoader.DisplayPath(path), text ?? string.Empty);
        if (text is null)
        {
            var unreadable = BicepConfiguration.Read(new SourceFile(file.Path, "{}"), path);
            unreadable.Diagnostics.Add(InputDiagnostics.Unreadable(file.Path, error ?? "cannot read bicepconfig.json"));
            return unreadable;
        }

        return BicepConfiguration.Read(file, path);
    }

    /// <summary>The full path of the cached <c>main.json</c>, or null when no cache root is known.</summary>
    public string? CachedFilePath(ModuleReference reference, BicepConfiguration configuration)
    {
        string? root = configuration.CacheRoot(homeDirectory);
        if (root is null)
        {
            return null;
        }

        var parts = new List<string> { root };
        parts.AddRange(reference.CacheFolder());
        parts.Add("main.json");
        return TemplateLoader.Normalize(System.IO.Path.Combine(parts.ToArray()));
    }

    /// <summary>Reads this call's own copy of the cached template (so each call's findings can be told apart).</summary>
    public CachedModule Load(ModuleReference reference, BicepConfiguration configuration)
    {
        string? path = CachedFilePath(reference, configuration);
        if (path is null)
        {
            return new CachedModule(null, null, "no Bicep module cache folder is known (set HOME or cacheRootDirectory in bicepconfig.json)") { IsMissing = true };
        }

        if (!loader.FileSystem.FileExists(path))
        {
            return new CachedModule(path, null, "it is not in the Bicep module cache") { IsMissing = true };
        }

        var (text, error) = ReadText(path);
        if (text is null)
        {
            return new CachedModule(path, null, error ?? "the cached file cannot be read");
        }

        var file = new SourceFile(TemplateLoader.DisplayPath(path), text);
        if (reference.Scheme == ModuleReferenceScheme.TemplateSpec)
        {
            // The Bicep CLI stores the template spec version resource as the service returns it.
            var root = JsonParser.Parse(file, out var jsonError);
            if ((root as JsonObject)?.Get("properties") is JsonObject properties && properties.Get("mainTemplate") is JsonObject main)
            {
                return new CachedModule(path, ArmTemplateReader.ReadTemplateObject(file, main, loader.DeploymentDepth), null);
            }

            return new CachedModule(path, null, jsonError is not null ? "the cached template spec is not valid JSON: " + jsonError.Message : "the cached template spec has no properties.mainTemplate");
        }

        var document = ArmTemplateReader.Read(file, loader.DeploymentDepth);
        if (document.Template is null)
        {
            string why = document.Diagnostics.Count > 0 ? document.Diagnostics[0].Message : "the cached main.json is not an ARM template";
            return new CachedModule(path, null, why);
        }

        return new CachedModule(path, document.Template, null);
    }

    /// <summary>Remembers the call a cached template copy belongs to.</summary>
    public void Register(RegistryModuleCall call) => calls[call.Cached.File] = call;

    /// <summary>A finding located inside a cached template, moved to the call; any other finding unchanged.</summary>
    public Finding Relocate(Finding finding)
    {
        // A cached template may itself have been called from another cached template: move up until the caller is in the user's files.
        for (int depth = 0; depth < 8 && (finding.MovedFrom ?? finding.Span).File is { } file && calls.TryGetValue(file, out var call); depth++)
        {
            finding = call.Relocate(finding);
        }

        return finding;
    }

    private (string? Text, string? Error) ReadText(string path) =>
        texts.GetOrAdd(path, p => new Lazy<(string?, string?)>(() =>
        {
            var bytes = loader.FileSystem.ReadAllBytes(p, out var readError);
            if (bytes is null)
            {
                return (null, readError ?? "cannot read the file");
            }

            if (bytes.Length > loader.MaxFileBytes)
            {
                return (null, $"the file is larger than the {loader.MaxFileBytes / (1024 * 1024)} MB CmkLint reads");
            }

            var text = SourceDecoder.Decode(bytes, out var decodeError, out _);
            return (text, text is null ? decodeError ?? "the file cannot be decoded" : null);
        })).Value;
}
