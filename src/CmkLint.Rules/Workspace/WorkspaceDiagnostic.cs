namespace CmkLint.Workspace;

/// <summary>Which input of a <see cref="WorkspaceRequest"/> a <see cref="WorkspaceDiagnostic"/> is about.</summary>
public enum WorkspaceInput
{
    /// <summary>The paths to analyse (a path that names nothing, an invalid glob, a file type not read).</summary>
    Paths,

    /// <summary>The analysis root.</summary>
    Root,

    /// <summary>The <c>cmklint.json</c> configuration.</summary>
    Configuration,

    /// <summary>The baseline file.</summary>
    Baseline,

    /// <summary>A parameters file given explicitly.</summary>
    Parameters,

    /// <summary>A previous state (git revision, deployed export).</summary>
    PreviousState,
}

/// <summary>A problem with the workspace's own inputs (not a template finding): an error stops the run, a notice does not.</summary>
public sealed class WorkspaceDiagnostic
{
    public WorkspaceDiagnostic(WorkspaceInput input, bool isError, string message, string? path = null, int line = 0, int column = 0)
    {
        Input = input;
        IsError = isError;
        Message = message;
        Path = path;
        Line = line;
        Column = column;
    }

    public WorkspaceInput Input { get; }

    /// <summary>True for an error (nothing is analysed), false for a notice.</summary>
    public bool IsError { get; }

    public string Message { get; }

    /// <summary>The file the problem is in (a configuration or baseline error), or null.</summary>
    public string? Path { get; }

    /// <summary>1-based line in <see cref="Path"/>, or 0.</summary>
    public int Line { get; }

    /// <summary>1-based column in <see cref="Path"/>, or 0.</summary>
    public int Column { get; }

    /// <summary>In the compiler's form, <c>path(line,col): error: message</c>, when it has a location; else the message.</summary>
    public override string ToString() => Path is null ? Message : $"{Path}({Line},{Column}): error: {Message}";
}
