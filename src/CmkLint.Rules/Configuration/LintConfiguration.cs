using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Text;

namespace CmkLint.Configuration;

/// <summary>What a <c>cmklint.json</c> says: rule levels, which files to lint, parameters files and accepted findings.</summary>
public sealed class LintConfiguration
{
    /// <summary>The file name looked for in the current folder and its parents.</summary>
    public const string FileName = "cmklint.json";

    public LintConfiguration(string path)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
    }

    /// <summary>The configuration file's full path.</summary>
    public string Path { get; }

    /// <summary>The folder paths and globs in the file are relative to.</summary>
    public string Directory { get; }

    /// <summary>Level by rule ID (names are resolved to IDs when read); <see cref="Level.None"/> turns a rule off.</summary>
    public Dictionary<string, Level> Levels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When not empty, only discovered files matching one of these are linted.</summary>
    public List<GlobPattern> Include { get; } = new();

    /// <summary>Discovered files matching one of these are not linted (files named on the command line still are).</summary>
    public List<GlobPattern> Exclude { get; } = new();

    /// <summary>Templates (path or glob) and the parameters file (full path) to analyse each with.</summary>
    public List<KeyValuePair<GlobPattern, string>> ParameterFiles { get; } = new();

    /// <summary>How many findings a report shows (<c>limits</c>); the defaults when the file does not say.</summary>
    public Reporting.FindingLimits FindingLimits { get; } = new();

    /// <summary>Findings accepted for whole files or folders (SARIF <c>external</c> suppressions).</summary>
    public List<ConfiguredSuppression> Suppressions { get; } = new();

    /// <summary>The analysis budgets: the defaults with the <c>budgets</c> section's overrides.</summary>
    public Loading.AnalysisBudgets Budgets { get; } = new();

    /// <summary>A path relative to the configuration's folder, with forward slashes (for matching globs).</summary>
    public string RelativePath(string fullPath) => SourceRootPath.Relative(Directory, fullPath);

    /// <summary>Whether any of the globs matches the file (globs are relative to the configuration's folder).</summary>
    public bool Matches(IEnumerable<GlobPattern> globs, string fullPath)
    {
        string relative = RelativePath(fullPath);
        foreach (var glob in globs)
        {
            if (glob.IsMatch(relative))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parameters file configured for a template, or null.</summary>
    public string? ParameterFileFor(string templateFullPath)
    {
        string relative = RelativePath(templateFullPath);
        foreach (var pair in ParameterFiles)
        {
            if (pair.Key.IsMatch(relative))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Whether the <c>suppress</c> entry covers the finding's rule and file (whether or not something else suppressed it already).</summary>
    public bool Accepts(ConfiguredSuppression s, Finding finding)
    {
        if (finding.Path.Length == 0 || (s.RuleId != "*" && !string.Equals(s.RuleId, finding.RuleId, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // A finding moved to the caller's argument stays covered by the paths of the file the rule saw it in.
        return s.Paths.Count == 0 || Matches(s.Paths, System.IO.Path.GetFullPath(finding.Path))
            || (finding.MovedFrom?.File is { } seen && Matches(s.Paths, System.IO.Path.GetFullPath(seen.Path)));
    }

    /// <summary>Marks findings accepted by a <c>suppress</c> entry as suppressed (<c>external</c>).</summary>
    public void ApplySuppressions(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.IsSuppressed || finding.Path.Length == 0)
            {
                continue;
            }

            foreach (var s in Suppressions)
            {
                if (Accepts(s, finding))
                {
                    finding.Suppression = new SuppressionInfo("external", s.Justification ?? "suppressed in " + FileName);
                    break;
                }
            }
        }
    }
}

/// <summary>A <c>suppress</c> entry of <c>cmklint.json</c>: a rule accepted in the files matching some globs.</summary>
public sealed class ConfiguredSuppression
{
    public ConfiguredSuppression(string ruleId, IReadOnlyList<GlobPattern> paths, string? justification)
    {
        RuleId = ruleId;
        Paths = paths;
        Justification = justification;
    }

    /// <summary>The rule ID (names are resolved when read), or <c>*</c> for every rule.</summary>
    public string RuleId { get; }

    /// <summary>Globs relative to the configuration's folder; empty means every file.</summary>
    public IReadOnlyList<GlobPattern> Paths { get; }

    public string? Justification { get; }

    /// <summary>The <c>rule</c> value in <c>cmklint.json</c>: where an unused entry is reported.</summary>
    public SourceSpan At { get; init; }
}

/// <summary>A mistake in a configuration or baseline file, with where it is.</summary>
public sealed class ConfigurationError
{
    public ConfigurationError(string path, int line, int column, string message)
    {
        Path = path;
        Line = line;
        Column = column;
        Message = message;
    }

    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    /// <summary>The canonical <c>file(line,col): error: message</c> form editors and CI recognise.</summary>
    public override string ToString() => $"{Path}({Line},{Column}): error: {Message}";
}
