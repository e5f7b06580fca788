using System;
using System.Collections.Generic;
using CmkLint.Loading;

namespace CmkLint.Dependencies;

/// <summary>
/// Releases each file's syntax and model as soon as every analysis of the run that needs it is done:
/// a file is needed by its own analysis and by each analysed file that refers to it (a module shared
/// by many callers stays until the last of them is done). Memory then follows the files in flight,
/// not the size of the repository. A file the scan did not foresee is simply read again if asked for.
/// </summary>
internal sealed class ModelRelease
{
    private readonly Dictionary<string, int> users = new(StringComparer.Ordinal);
    private readonly FileReferences references;
    private readonly TemplateLoader loader;

    public ModelRelease(IReadOnlyList<string> files, FileReferences references, TemplateLoader loader)
    {
        this.references = references;
        this.loader = loader;
        foreach (var file in files)
        {
            Count(file);
            foreach (var target in references.From(file))
            {
                Count(target);
            }
        }
    }

    /// <summary>The analysis of <paramref name="file"/> (one of the run's files) is done.</summary>
    public void Done(string file)
    {
        Finish(file);
        foreach (var target in references.From(file))
        {
            Finish(target);
        }
    }

    private void Count(string path) => users[path] = users.TryGetValue(path, out int n) ? n + 1 : 1;

    private void Finish(string path)
    {
        lock (users)
        {
            if (!users.TryGetValue(path, out int n) || --n > 0)
            {
                users[path] = n;
                return;
            }

            users.Remove(path);
        }

        loader.Release(path);
    }
}
