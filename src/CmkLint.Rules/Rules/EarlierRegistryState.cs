using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Rules.Chain;
using CmkLint.Text;

namespace CmkLint.Rules;

/// <summary>
/// A state of a registry that comes before the one being deployed: an earlier declaration in the same
/// deployment, or (previous-state comparison) the registry in a previous revision of the template or
/// in an export of the deployed resource.
/// </summary>
public sealed class EarlierRegistryState
{
    public EarlierRegistryState(string origin, Value? status, bool? isCmk, SourceSpan span)
    {
        Origin = origin;
        Status = status;
        IsCmk = isCmk;
        Span = span;
    }

    /// <summary>Says where the state comes from, for messages: "declared earlier in this deployment", "in git revision origin/main".</summary>
    public string Origin { get; }

    /// <summary>The earlier <c>properties.encryption.status</c>: null when absent, unknown when it cannot be resolved.</summary>
    public Value? Status { get; }

    /// <summary>True when the earlier state proves CMK, false when it proves no CMK, null when it cannot tell.</summary>
    public bool? IsCmk { get; }

    /// <summary>Where the earlier state is written (a related location); none for a state with no source text.</summary>
    public SourceSpan Span { get; }

    /// <summary>The earlier declaration, when it is part of the analysed graph.</summary>
    public ResourceInstance? Resource { get; init; }

    /// <summary>Which comparison produced the state (e.g. <c>git:origin/main</c>); null for the deployment itself. Copied to <see cref="Diagnostics.Finding.Comparison"/>.</summary>
    public string? Comparison { get; init; }
}

/// <summary>Where earlier states of a registry come from; CMK007 (and the previous-state rules) ask every source they are given.</summary>
public interface IRegistryHistory
{
    /// <summary>The states of <paramref name="registry"/> that precede it, oldest first. Never throws.</summary>
    System.Collections.Generic.IEnumerable<EarlierRegistryState> EarlierStates(CmkRegistry registry, RuleContext context);
}
