using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Rules.Chain;
using CmkLint.Text;

namespace CmkLint.Cmk;

/// <summary>Where a state that precedes a registry's deployment comes from.</summary>
public enum EarlierStateKind
{
    /// <summary>Another declaration of the same registry that the same deployment deploys first (or an <c>existing</c> one).</summary>
    Declaration,

    /// <summary>The registry in a previous state: a previous revision of the template, or an export of the deployed resource.</summary>
    PreviousState,

    /// <summary>The registry an update (C# <c>ContainerRegistryPatch</c>) applies to: it exists already, its encryption is not in the code.</summary>
    Update,
}

/// <summary>
/// A state of a registry that comes before the one being deployed: an earlier declaration in the same
/// deployment, the registry in a previous revision or a deployed export, or the registry an update applies to.
/// </summary>
public sealed class EarlierRegistryState
{
    public EarlierRegistryState(EarlierStateKind kind, string origin, Value? status, bool? isCmk, SourceSpan span)
    {
        Kind = kind;
        Origin = origin;
        Status = status;
        IsCmk = isCmk;
        Span = span;
    }

    public EarlierStateKind Kind { get; }

    /// <summary>Says where the state comes from, for messages: "declared earlier in this deployment", or the previous state's description (<c>origin/main:infra/main.json</c>).</summary>
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

    /// <summary>Why it cannot be told whether a previous registry is this one (its name or scope is not resolved); null when matched.</summary>
    public string? Unresolved { get; init; }
}
