using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Loading;
using CmkLint.Model;

namespace CmkLint.PreviousState;

/// <summary>
/// A previous state the templates are compared with (CMK007, CMK008, CMK016): the same templates at
/// a git revision, or an export of the deployed resources. Read once, lazily; never throws.
/// </summary>
public abstract class PreviousStateSource
{
    private readonly object gate = new();
    private bool opened;
    private string? error;

    /// <summary>Which comparison this is, as findings name it: <c>git:origin/main</c>, <c>deployed:state.json</c>.</summary>
    public abstract string Comparison { get; }

    /// <summary>The same templates at a git revision (<c>origin/main</c>, a tag, <c>HEAD~1</c>), read with the git executable.</summary>
    /// <param name="revision">Anything <c>git rev-parse</c> accepts as a commit.</param>
    /// <param name="repositoryDirectory">A folder inside the repository, checked up front; the current directory when null. Each template is read from the repository that holds it.</param>
    public static PreviousStateSource GitRevision(string revision, string? repositoryDirectory = null) => new GitRevisionSource(revision, repositoryDirectory);

    /// <summary>An export of deployed resources: <c>az acr show</c>, <c>az resource show</c>, <c>az resource list</c> or an ARM export (<c>az group export</c>).</summary>
    public static PreviousStateSource DeployedExport(string path) => new DeployedExportSource(path);

    /// <summary>
    /// Reads the previous state (once) and says why it cannot be used: a missing revision, a folder that
    /// is not a git repository, an unreadable or unrecognised export. Null when it can be used. The CLI
    /// turns an error into exit code 2; the engine reports it in <c>LintResult.ComparisonErrors</c>.
    /// </summary>
    public string? Open()
    {
        lock (gate)
        {
            if (!opened)
            {
                error = OpenCore();
                opened = true;
            }

            return error;
        }
    }

    /// <summary>Reads the state; returns the error text, or null on success.</summary>
    protected abstract string? OpenCore();

    /// <summary>Called once with the files about to be analysed (before the parallel analysis), so a source can read what they need in one go.</summary>
    internal virtual void Prepare(IReadOnlyList<string> templateFullPaths)
    {
    }

    /// <summary>
    /// The previous state of one entry point (a template file with the parameter values it is analysed
    /// with), or null when there is none (a new file, a file outside the repository).
    /// </summary>
    internal abstract PreviousComparison? CompareWith(string templateFullPath, IReadOnlyDictionary<string, Expr>? parameterValues, string? parametersSource, EvaluationOptions evaluation, LoadSettings loading);

    public override string ToString() => Comparison;
}
