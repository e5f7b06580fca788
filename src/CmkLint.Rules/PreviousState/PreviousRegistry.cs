using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Text;

namespace CmkLint.PreviousState;

/// <summary>A registry as the previous state has it: from the template at a revision, or from a deployed export.</summary>
public sealed class PreviousRegistry
{
    internal PreviousRegistry(string source, ResourceIdValue id, ObjectValue body, SourceSpan span, ResourceInstance? instance)
    {
        Source = source;
        Id = id;
        Body = body;
        Span = span;
        Instance = instance;
    }

    /// <summary>Where it was read: <c>origin/main:infra/main.json</c>, or the export's path.</summary>
    public string Source { get; }

    public ResourceIdValue Id { get; }

    /// <summary>The resource object, with the resource's properties under <c>properties</c> whatever the export's shape.</summary>
    public ObjectValue Body { get; }

    /// <summary>The declaration (or the exported object) in the previous file's text.</summary>
    public SourceSpan Span { get; }

    /// <summary>The registry in the previous resource graph, when the previous state is a template.</summary>
    public ResourceInstance? Instance { get; }

    /// <summary>A short name for messages.</summary>
    public string DisplayName => Instance?.DisplayName ?? Id.KnownName ?? Id.Describe();

    /// <summary><c>properties.encryption.status</c>: null when absent, unknown when the export has no properties.</summary>
    public Value? Status => Values.GetPath(Body, "properties.encryption.status");

    /// <summary>True when CMK was proven enabled, false when proven not (absent or another status), null when unknown.</summary>
    public bool? IsCmk
    {
        get
        {
            var status = Status;
            return status is null ? false : Values.TextIs(status, "enabled");
        }
    }

    /// <summary>Where to point a related location about the previous encryption setting.</summary>
    public SourceSpan EncryptionSpan
    {
        get
        {
            var status = Status;
            if (status is not null && !status.Span.IsNone && status.IsKnown)
            {
                return status.Span;
            }

            var encryption = Values.GetPath(Body, "properties.encryption");
            return encryption is not null && !encryption.Span.IsNone && encryption.IsKnown ? encryption.Span : Span;
        }
    }
}
