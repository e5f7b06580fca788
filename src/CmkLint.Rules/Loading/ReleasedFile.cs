using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Model;

namespace CmkLint.Loading;

/// <summary>
/// What the end of a run still needs of a file once its syntax, model and graph are released: its
/// input problems and its in-source suppressions (both small, and both only for the files that have them).
/// </summary>
internal sealed class ReleasedFile
{
    private ReleasedFile(List<Finding> diagnostics, List<Suppression> suppressions)
    {
        Diagnostics = diagnostics;
        Suppressions = suppressions;
    }

    /// <summary>Input problems of the file and of its template (CMK9xx).</summary>
    public List<Finding> Diagnostics { get; }

    /// <summary>In-source suppressions of the file, with those of nested templates written in it.</summary>
    public List<Suppression> Suppressions { get; }

    public static ReleasedFile Of(FrontEndResult result)
    {
        var diagnostics = new List<Finding>(result.Diagnostics);
        var suppressions = new List<Suppression>();
        if (result.Template is { } template)
        {
            diagnostics.AddRange(template.Diagnostics);
            AddSuppressions(template, template, suppressions);
        }

        return new ReleasedFile(diagnostics, suppressions);
    }

    /// <summary>The in-source suppressions of a template, with those of nested templates written in the same file.</summary>
    public static List<Suppression> SuppressionsOf(Template template)
    {
        var suppressions = new List<Suppression>();
        AddSuppressions(template, template, suppressions);
        return suppressions;
    }

    private static void AddSuppressions(Template file, Template template, List<Suppression> into)
    {
        into.AddRange(template.Suppressions);
        foreach (var r in template.Resources)
        {
            if (r.Nested is not null && ReferenceEquals(r.Nested.Template.File, file.File))
            {
                AddSuppressions(file, r.Nested.Template, into);
            }
        }
    }
}
