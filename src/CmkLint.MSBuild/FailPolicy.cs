using System;
using CmkLint.Diagnostics;

namespace CmkLint.MSBuild;

/// <summary>How MSBuild reports a finding: as an error (fails the build), a warning, or a message.</summary>
public enum BuildSeverity
{
    Message,
    Warning,
    Error,
}

/// <summary>
/// Decides which findings fail the build: those at or above the fail level are logged as MSBuild
/// errors; the others keep their own level (warnings as warnings, notes as messages).
/// </summary>
public sealed class FailPolicy
{
    public FailPolicy(Level failLevel, bool treatWarningsAsErrors)
    {
        // Treating warnings as errors lowers the threshold to warnings (it never raises a note threshold).
        FailLevel = treatWarningsAsErrors && (failLevel == Level.None || failLevel > Level.Warning) ? Level.Warning : failLevel;
    }

    /// <summary>The lowest level that fails the build; <see cref="Level.None"/> never fails it.</summary>
    public Level FailLevel { get; }

    /// <summary>Reads a <c>CmkLintFailLevel</c> value: <c>error</c>, <c>warning</c>, <c>note</c> or <c>none</c> (any case).</summary>
    public static bool TryParseLevel(string? text, out Level level)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "":
            case "error":
                level = Level.Error;
                return true;
            case "warning":
                level = Level.Warning;
                return true;
            case "note":
                level = Level.Note;
                return true;
            case "none":
                level = Level.None;
                return true;
            default:
                level = Level.Error;
                return false;
        }
    }

    public BuildSeverity SeverityOf(Level level)
    {
        if (level == Level.None)
        {
            return BuildSeverity.Message;
        }

        if (FailLevel != Level.None && level >= FailLevel)
        {
            return BuildSeverity.Error;
        }

        return level >= Level.Warning ? BuildSeverity.Warning : BuildSeverity.Message;
    }

    public override string ToString() => FailLevel == Level.None ? "none" : FailLevel.ToString().ToLowerInvariant();
}
