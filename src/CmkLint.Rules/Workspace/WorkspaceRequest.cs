using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Engine;

namespace CmkLint.Workspace;

/// <summary>What to analyse and how: the one input every channel (CLI, MSBuild task, library) gives <see cref="LintWorkspace.Open"/>.</summary>
public sealed class WorkspaceRequest
{
    /// <summary>Files, folders and globs as a user types them (relative to <see cref="WorkingDirectory"/>); folders and globs are walked, <c>.gitignore</c>-aware, and filtered by include/exclude. None means the working directory.</summary>
    public List<string> Paths { get; } = new();

    /// <summary>Files to analyse as given (no walking, no include/exclude); one that cannot be read is a finding (CMK900), as any unreadable template.</summary>
    public List<string> Files { get; } = new();

    /// <summary>Files the caller found by its own globbing (MSBuild's default items): include/exclude apply to them as to files found by walking.</summary>
    public List<string> DiscoveredFiles { get; } = new();

    /// <summary>In-memory documents by path (an editor's unsaved text, tests): analysed as files, read from here instead of the disk.</summary>
    public Dictionary<string, string> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>The folder relative paths in this request are resolved from (default: the current directory). Results do not depend on it.</summary>
    public string WorkingDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>A <c>cmklint.json</c> to use instead of the nearest one above the analysed files.</summary>
    public string? ConfigurationPath { get; set; }

    /// <summary>A baseline (<c>--write-baseline</c>) whose findings are accepted (suppressed, kind <c>external</c>).</summary>
    public string? BaselinePath { get; set; }

    /// <summary>The folder the engine may read (<c>--root</c>); default: the repository root holding the inputs, else their common folder.</summary>
    public string? AnalysisRoot { get; set; }

    /// <summary>The folder result paths, baselines and SARIF URIs are relative to; default: the repository root above the inputs.</summary>
    public string? SourceRoot { get; set; }

    /// <summary>A parameters file for the single template named in <see cref="Paths"/> (<c>--parameters</c>).</summary>
    public string? ParametersFile { get; set; }

    /// <summary>Parameters files by template path (MSBuild's <c>Parameters</c> metadata); they win over <c>cmklint.json</c>'s mapping.</summary>
    public Dictionary<string, string> ParameterFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>A git revision whose templates are the previous state (CMK007, CMK008, CMK016).</summary>
    public string? PreviousRevision { get; set; }

    /// <summary>An export of the deployed resources to compare with.</summary>
    public string? DeployedExport { get; set; }

    /// <summary>A git revision: only the entry points that reach a file changed since it (through modules, nested templates, parameters files and <c>load*</c>) are analysed (<c>--changed-since</c>).</summary>
    public string? ChangedSince { get; set; }

    /// <summary>Folders outside the analysis root the engine may also read (a Bicep module cache named on the command line).</summary>
    public List<string> ReadOnlyRoots { get; } = new();

    /// <summary>Level overrides applied over <c>cmklint.json</c>'s (<c>--select</c>, <c>--ignore</c>); <see cref="Level.None"/> turns a rule off.</summary>
    public Dictionary<string, Level> Levels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ignore suppressions written in the templates: only the configuration and the baseline accept findings.</summary>
    public bool IgnoreInlineSuppressions { get; set; }

    /// <summary>Whether baseline entries that match no finding are reported (CMK902); off while the baseline is being rewritten, which drops them anyway.</summary>
    public bool ReportStaleBaselineEntries { get; set; } = true;

    /// <summary>Stop once the configuration and the analysis root are known (<c>--show-config</c>): no baseline, discovery or previous state.</summary>
    public bool ConfigurationOnly { get; set; }

    /// <summary>Engine options (rules, front ends, inconclusive checks, "now", limits); the workspace completes a copy with the file system, levels, parameters and previous states.</summary>
    public LintOptions Options { get; set; } = new();
}
