using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Configuration;
using CmkLint.Loading;

namespace CmkLint.Cli.LanguageServer;

/// <summary>A <c>cmklint.json</c> as the server read it: the configuration, or the errors that made it unusable.</summary>
internal sealed class ConfigurationState
{
    public ConfigurationState(string path, LintConfiguration? configuration, IReadOnlyList<ConfigurationError> errors)
    {
        Path = path;
        Configuration = configuration;
        Errors = errors;
    }

    public string Path { get; }

    public LintConfiguration? Configuration { get; }

    public IReadOnlyList<ConfigurationError> Errors { get; }
}

/// <summary>
/// The workspace folders and the <c>cmklint.json</c> that governs each document: the nearest one at or above the
/// workspace folder holding the document (as the CLI finds it when run in that folder), else at or above the document's folder.
/// Read through the editor's texts, so an unsaved edit to it applies at once. Thread-safe.
/// </summary>
internal sealed class WorkspaceConfiguration
{
    /// <summary>The Bicep configuration, watched because module aliases and paths may change what a module reference reads.</summary>
    public const string BicepConfigFileName = "bicepconfig.json";

    private readonly object gate = new();
    private readonly List<string> folders = new();
    private readonly Dictionary<string, ConfigurationState?> byConfigPath = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Folders
    {
        get
        {
            lock (gate)
            {
                return folders.ToArray();
            }
        }
    }

    public void AddFolder(string path)
    {
        lock (gate)
        {
            if (!folders.Contains(path))
            {
                folders.Add(path);
            }
        }
    }

    public void RemoveFolder(string path)
    {
        lock (gate)
        {
            folders.Remove(path);
        }
    }

    /// <summary>Forgets every configuration read (one changed on disk or in the editor).</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            byConfigPath.Clear();
        }
    }

    public static bool IsConfigurationFile(string path) =>
        string.Equals(Path.GetFileName(path), LintConfiguration.FileName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Path.GetFileName(path), BicepConfigFileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration that applies to a document, or null when there is none.</summary>
    public ConfigurationState? For(string documentPath, IFileSystem fileSystem)
    {
        string? start = FolderOf(documentPath) ?? Path.GetDirectoryName(documentPath);
        if (start is null)
        {
            return null;
        }

        string? configPath = ConfigurationReader.Find(start);
        if (configPath is null)
        {
            return null;
        }

        lock (gate)
        {
            if (byConfigPath.TryGetValue(configPath, out var cached))
            {
                return cached;
            }
        }

        var errors = new List<ConfigurationError>();
        var configuration = ConfigurationReader.Read(TemplateLoader.DisplayPath(configPath), fileSystem, errors);
        var state = new ConfigurationState(configPath, configuration, errors);
        lock (gate)
        {
            byConfigPath[configPath] = state;
        }

        return state;
    }

    /// <summary>The workspace folder holding a path (the deepest one), or null.</summary>
    public string? FolderOf(string path)
    {
        string? best = null;
        lock (gate)
        {
            foreach (var folder in folders)
            {
                string prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
                if ((path.StartsWith(prefix, StringComparison.Ordinal) || path == folder) && (best is null || folder.Length > best.Length))
                {
                    best = folder;
                }
            }
        }

        return best;
    }
}
