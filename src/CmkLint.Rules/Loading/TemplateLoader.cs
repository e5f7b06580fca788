using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Text;

namespace CmkLint.Loading;

/// <summary>
/// Reads each file once per run, whoever asks (the run's file list, a Bicep module reference, a
/// parameters file): files that share modules do not parse them again. Safe to use from many threads.
/// </summary>
public sealed class TemplateLoader
{
    private readonly ConcurrentDictionary<string, Lazy<FrontEndResult>> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Lazy<object>> shared = new();
    private readonly ConcurrentBag<ReleasedFile> released = new();

    public TemplateLoader(LoadSettings settings)
    {
        Settings = settings;
    }

    /// <summary>The front ends, file system and limits this loader reads with.</summary>
    public LoadSettings Settings { get; }

    public IFileSystem FileSystem => Settings.FileSystem;

    /// <summary>The largest file the run reads.</summary>
    internal long MaxFileBytes => Settings.MaxFileBytes;

    /// <summary>
    /// One <typeparamref name="T"/> for this run, made on first use. A front end keeps its per-run state here
    /// (the Bicep module cache), so loading does not name the front ends.
    /// </summary>
    internal T Shared<T>(Func<TemplateLoader, T> create)
        where T : class =>
        (T)shared.GetOrAdd(typeof(T), _ => new Lazy<object>(() => create(this))).Value;

    /// <summary>The most modules and nested deployments inside one another (the <c>deploymentDepth</c> budget) that the front ends read.</summary>
    internal int DeploymentDepth => Settings.DeploymentDepth;

    /// <summary>Every file read so far, with what was made of it.</summary>
    public IEnumerable<KeyValuePair<string, FrontEndResult>> Loaded
    {
        get
        {
            foreach (var pair in cache)
            {
                yield return new KeyValuePair<string, FrontEndResult>(pair.Key, pair.Value.Value);
            }
        }
    }

    /// <summary>What the end of the run needs of every file read: released files' summaries, then those of files still held.</summary>
    internal IEnumerable<ReleasedFile> Summaries
    {
        get
        {
            foreach (var file in released)
            {
                yield return file;
            }

            foreach (var pair in cache)
            {
                yield return ReleasedFile.Of(pair.Value.Value);
            }
        }
    }

    /// <summary>
    /// Drops a file's syntax and model once no analysis of the run needs them any more, keeping its
    /// diagnostics and suppressions; a later <see cref="Load"/> of the path reads it again.
    /// </summary>
    internal void Release(string fullPath)
    {
        // A file still being read (by an analysis the plan did not foresee) stays: its reader has not finished with it.
        if (cache.TryGetValue(fullPath, out var entry) && entry.IsValueCreated
            && ((ICollection<KeyValuePair<string, Lazy<FrontEndResult>>>)cache).Remove(new KeyValuePair<string, Lazy<FrontEndResult>>(fullPath, entry)))
        {
            released.Add(ReleasedFile.Of(entry.Value));
        }
    }

    /// <summary>Whether any front end reads this path.</summary>
    public bool CanRead(string path)
    {
        foreach (var f in Settings.FrontEnds)
        {
            if (f.Handles(path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads (once) and returns what the front end made of the file. Never throws.</summary>
    public FrontEndResult Load(string path) =>
        cache.GetOrAdd(Normalize(path), p => new Lazy<FrontEndResult>(() => LoadCore(p))).Value;

    /// <summary>The key a path is cached under: full, with forward slashes kept as the OS gives them.</summary>
    public static string Normalize(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (ArgumentException)
        {
            return path;
        }
        catch (NotSupportedException)
        {
            return path;
        }
    }

    private FrontEndResult LoadCore(string fullPath)
    {
        var result = new FrontEndResult();
        string display = DisplayPath(fullPath);
        ITemplateFrontEnd? frontEnd = null;
        foreach (var f in Settings.FrontEnds)
        {
            if (f.Handles(fullPath))
            {
                frontEnd = f;
                break;
            }
        }

        if (frontEnd is null)
        {
            return result;
        }

        var text = ReadText(fullPath, display, result);
        if (text is null)
        {
            return result;
        }

        try
        {
            return frontEnd.Read(new SourceFile(display, text), this);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Front ends must not throw; if one does, it is a bug, reported rather than crashing the run.
            result.IsRelevant = true;
            result.Diagnostics.Add(InputDiagnostics.Unreadable(display, "internal error while reading the file (please report it): " + e.GetType().Name + ": " + e.Message));
            return result;
        }
    }

    /// <summary>
    /// The file's text, or null with the reason added to <paramref name="result"/>. The bytes are lent (a reused
    /// buffer: only the decoded text is kept) and given back before the front end runs, so that the modules it
    /// loads read into the same buffer.
    /// </summary>
    private string? ReadText(string fullPath, string display, FrontEndResult result)
    {
        using var lent = LentBytes.Read(FileSystem, fullPath, out var readError);
        if (lent is not { } read)
        {
            result.IsRelevant = true;
            result.Diagnostics.Add(InputDiagnostics.Unreadable(display, readError ?? "cannot read the file"));
            return null;
        }

        if (read.Length > MaxFileBytes)
        {
            result.IsRelevant = true;
            result.Diagnostics.Add(InputDiagnostics.Unreadable(display, $"the file is {read.Length / (1024 * 1024)} MB, larger than the {MaxFileBytes / (1024 * 1024)} MB CmkLint reads"));
            return null;
        }

        var text = SourceDecoder.Decode(read.Array, read.Length, out var decodeError, out var at);
        if (text is null)
        {
            // Decode leniently only to point at the bad byte's line and column.
            result.IsRelevant = true;
            var lenient = new SourceFile(display, System.Text.Encoding.UTF8.GetString(read.Array, 0, read.Length));
            result.Diagnostics.Add(InputDiagnostics.Invalid(lenient.Span(lenient.GetOffset(at), 1), decodeError ?? "the file cannot be decoded"));
        }

        return text;
    }

    /// <summary>Paths in findings are relative to the current directory when the file is below it, as the user would type them.</summary>
    public static string DisplayPath(string fullPath)
    {
        string cwd;
        try
        {
            cwd = Directory.GetCurrentDirectory();
        }
        catch (IOException)
        {
            return fullPath;
        }

        if (!cwd.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal))
        {
            cwd += Path.DirectorySeparatorChar;
        }

        return fullPath.StartsWith(cwd, StringComparison.Ordinal) ? fullPath.Substring(cwd.Length) : fullPath;
    }
}
