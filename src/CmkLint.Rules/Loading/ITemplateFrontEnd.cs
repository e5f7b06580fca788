using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Loading;

/// <summary>What a front end made of one file.</summary>
public sealed class FrontEndResult
{
    /// <summary>The template, when the file is one.</summary>
    public Template? Template { get; set; }

    /// <summary>For a parameters file (<c>.json</c> or <c>.bicepparam</c>): the values it binds.</summary>
    public Dictionary<string, Expr>? ParameterValues { get; set; }

    /// <summary>For a <c>.bicepparam</c>: the template path its <c>using</c> names (full path).</summary>
    public string? UsingTemplate { get; set; }

    /// <summary>False for files that are neither templates nor parameters files (skipped silently).</summary>
    public bool IsRelevant { get; set; }

    public List<Finding> Diagnostics { get; } = new();
}

/// <summary>Reads one kind of source file into the template model.</summary>
public interface ITemplateFrontEnd
{
    /// <summary>Whether this front end reads files with this path (by extension).</summary>
    bool Handles(string path);

    FrontEndResult Read(SourceFile file, TemplateLoader loader);
}
