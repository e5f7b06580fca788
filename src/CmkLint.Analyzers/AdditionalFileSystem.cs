using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CmkLint.Loading;
using Microsoft.CodeAnalysis;

namespace CmkLint.Analyzers;

/// <summary>
/// The engine's file system inside the compiler: the compilation's additional files, nothing else.
/// Analyzers must not read the disk (RS1035), and the compiler already holds these texts.
/// </summary>
internal sealed class AdditionalFileSystem : IFileSystem
{
    private readonly Dictionary<string, AdditionalText> files = new(StringComparer.Ordinal);
    private readonly CancellationToken cancellationToken;

    public AdditionalFileSystem(IEnumerable<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        this.cancellationToken = cancellationToken;
        foreach (var file in additionalFiles)
        {
            // The first of two items with the same path wins: a file listed twice is analysed once.
            string key = TemplateLoader.Normalize(file.Path);
            if (!files.ContainsKey(key))
            {
                files[key] = file;
            }
        }
    }

    /// <summary>The additional files by normalised full path.</summary>
    public IReadOnlyDictionary<string, AdditionalText> Files => files;

    /// <summary>The additional file a path (as the engine prints it) names, or null.</summary>
    public AdditionalText? Find(string path) => files.TryGetValue(TemplateLoader.Normalize(path), out var file) ? file : null;

    public bool FileExists(string path) => files.ContainsKey(TemplateLoader.Normalize(path));

    public byte[]? ReadAllBytes(string path, out string? error)
    {
        if (!files.TryGetValue(TemplateLoader.Normalize(path), out var file))
        {
            error = "the file is not one of the project's additional files (add it as an AdditionalFiles item)";
            return null;
        }

        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            error = "the compiler could not read the file";
            return null;
        }

        error = null;
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
