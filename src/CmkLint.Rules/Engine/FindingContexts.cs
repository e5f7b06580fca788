using System.Collections.Generic;
using System.IO;
using CmkLint.Diagnostics;

namespace CmkLint.Engine;

/// <summary>
/// One problem at one location is one finding, whichever entry points found it (the template with
/// its defaults, with each parameters file, from each caller). When they disagree, the finding says
/// where it holds and where it does not.
/// </summary>
internal static class FindingContexts
{
    /// <summary>How an entry point is named: the template, or the template with its parameters file.</summary>
    public static string Describe(string templatePath, string? parametersSource) =>
        parametersSource is null ? Path.GetFileName(templatePath) + " (defaults)" : Path.GetFileName(templatePath) + " with " + parametersSource;

    public static void Holds(List<Finding> findings, string context)
    {
        foreach (var f in findings)
        {
            Add(f.Contexts, context);
        }
    }

    /// <summary>Records, on the findings of one file's entry points, every entry point that was tried.</summary>
    public static void Tried(List<Finding> findings, List<string> tried)
    {
        foreach (var f in findings)
        {
            if (f.Contexts.Count > 0)
            {
                foreach (var t in tried)
                {
                    Add(f.ContextsTried, t);
                }
            }
        }
    }

    public static void Merge(Finding into, Finding other)
    {
        foreach (var c in other.Contexts)
        {
            Add(into.Contexts, c);
        }

        foreach (var c in other.ContextsTried)
        {
            Add(into.ContextsTried, c);
        }
    }

    /// <summary>Appends to the message of each finding that holds in some entry points only which ones.</summary>
    public static void Name(List<Finding> findings)
    {
        foreach (var f in findings)
        {
            if (f.Contexts.Count == 0 || f.Contexts.Count >= f.ContextsTried.Count)
            {
                continue;
            }

            var missing = new List<string>();
            foreach (var t in f.ContextsTried)
            {
                if (!f.Contexts.Contains(t))
                {
                    missing.Add(t);
                }
            }

            if (missing.Count > 0)
            {
                f.Message = f.Message + " Holds for " + string.Join(", ", f.Contexts) + "; not for " + string.Join(", ", missing) + ".";
            }
        }
    }

    private static void Add(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
