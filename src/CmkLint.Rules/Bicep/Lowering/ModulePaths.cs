using System;
using System.IO;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>Where a local module or import path leads, relative to the file that names it.</summary>
internal static class ModulePaths
{
    /// <summary>
    /// Whether the relative path stays in the referencing file's folder or below it (<c>x.bicep</c>,
    /// <c>modules/x.bicep</c>, <c>a/../x.bicep</c>): a file missing there is missing from the analysed files.
    /// </summary>
    public static bool StaysBeside(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path[0] == '\\' || path.IndexOf(':') >= 0)
        {
            return path.Length == 0;
        }

        int depth = 0;
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                depth--;
                if (depth < 0)
                {
                    return false;
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                depth++;
            }
        }

        return true;
    }

    /// <summary>
    /// The full path a module, import or <c>using</c> path names, relative to the file that names it
    /// (the one place it is worked out, so the reference graph and the loads agree); null when it is not a path.
    /// </summary>
    public static string? Resolve(SourceFile from, string path, bool backslashIsSeparator)
    {
        try
        {
            string? dir = Path.GetDirectoryName(TemplateLoader.Normalize(from.Path));
            return TemplateLoader.Normalize(dir is null ? path : Path.Combine(dir, backslashIsSeparator ? path.Replace('\\', '/') : path));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
