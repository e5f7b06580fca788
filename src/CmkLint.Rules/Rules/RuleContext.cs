using System.Collections.Generic;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.PreviousState;
using CmkLint.Text;

namespace CmkLint.Rules;

/// <summary>What a rule sees: the graph of one entry point, and the way to build findings with stable fingerprints.</summary>
public sealed class RuleContext
{
    /// <summary>
    /// How many parameters <see cref="RelateParameter"/> follows out from a module's value (one per caller, and
    /// one per default naming another parameter): a bound on the work, as deep as deployments nest by default.
    /// </summary>
    internal const int MaxCallers = 64;

    public RuleContext(ResourceGraph graph, EvaluationOptions options)
    {
        Graph = graph;
        Options = options;
    }

    public ResourceGraph Graph { get; }

    public EvaluationOptions Options { get; }

    /// <summary>The previous state this entry point is compared with, for <see cref="IPreviousStateRule"/>s; null in the ordinary pass.</summary>
    public PreviousComparison? Previous { get; init; }

    /// <summary>A violation at <paramref name="span"/> about <paramref name="resource"/>'s property <paramref name="propertyPath"/>.</summary>
    public Finding Violation(RuleDescriptor rule, ResourceInstance resource, string propertyPath, SourceSpan span, string message, Level? level = null) =>
        Create(rule, resource, propertyPath, span, message, level ?? rule.DefaultLevel, FindingKind.Violation);

    /// <summary>A check that could not be decided, naming the value it could not resolve.</summary>
    public Finding Inconclusive(RuleDescriptor rule, ResourceInstance resource, string propertyPath, Value unresolved, string what)
    {
        var span = unresolved.Span.IsNone ? resource.Span : unresolved.Span;
        string reason = Phrasing.For(resource, span).Reason(unresolved);
        var finding = Create(rule, resource, propertyPath, span, $"Could not check {what}: {reason}.", rule.DefaultLevel, FindingKind.Inconclusive);
        RelateParameter(finding, unresolved);
        return finding;
    }

    /// <summary>Whether the span is in a Bicep file (messages then use Bicep syntax; ARM JSON syntax otherwise).</summary>
    public static bool IsBicep(SourceSpan span) => Phrasing.For(span).IsBicep;

    /// <summary>
    /// For a value that is a parameter's: the parameter's declaration, and where a module's caller (or a
    /// parameters file) passes the value ("passed here") — where the fix goes when the value came from outside.
    /// When the caller decides the value (not the module's default) and the finding is located at the value,
    /// the primary location moves out to the literal that decides it: through every caller that passes its
    /// own parameter on, to the outermost argument, parameters file value or caller's default; the module's
    /// property ("set here from parameter 'x'") and each parameter become related locations. The
    /// fingerprint stays (it names the resource's file), and a suppression at either place applies.
    /// </summary>
    public static void RelateParameter(Finding finding, Value value)
    {
        if (value.Parameter is not { } parameter)
        {
            return;
        }

        var trail = new List<RelatedLocation>();
        var decided = value;
        var hop = parameter;
        for (int hops = 0; hop is not null && hops < MaxCallers; hops++)
        {
            trail.Add(new RelatedLocation(hop.Declaration.Span, $"parameter '{hop.Declaration.Name}'"));
            var passed = hop.PassedAt;
            if (!passed.IsNone)
            {
                trail.Add(new RelatedLocation(passed, hop.Deployment.Owner is { } module ? $"passed here by '{module.DisplayName}'" : "passed here"));
            }

            // The module's own default decides in place (nothing moves); further out, a caller's default is where the value is decided.
            bool decidesHere = hops == 0 ? !hop.IsSupplied : !hop.IsSupplied && hop.Declaration.DefaultValue is null;
            if (decidesHere || hop.IsAllowedValueTried || hop.Origin is not { } origin || origin.Span.IsNone)
            {
                break;
            }

            decided = origin;
            hop = origin.Parameter;
        }

        if (!ReferenceEquals(decided, value) && finding.Span.Equals(value.Span) && !decided.Span.Equals(value.Span))
        {
            finding.MovedFrom = finding.Span;
            finding.Span = decided.Span;
            Relate(finding, value.Span, $"set here from parameter '{parameter.Declaration.Name}'");
        }

        foreach (var related in trail)
        {
            Relate(finding, related.Span, related.Message);
        }
    }

    /// <summary>A related location for the message, skipped when the span is unknown.</summary>
    public static void Relate(Finding finding, SourceSpan span, string message)
    {
        if (!span.IsNone)
        {
            finding.Related.Add(new RelatedLocation(span, message));
        }
    }

    public static void Relate(Finding finding, ResourceInstance resource, string message) => Relate(finding, resource.Span, message);

    private static Finding Create(RuleDescriptor rule, ResourceInstance resource, string propertyPath, SourceSpan span, string message, Level level, FindingKind kind)
    {
        if (span.IsNone)
        {
            span = resource.Span;
        }

        string fingerprint = Fingerprint(rule.Id, resource.Declaration.Template.File.Path, resource.StableKey, propertyPath, kind);
        return new Finding(rule, level, message, span, fingerprint, kind);
    }

    /// <summary>Rule ID + file + resource + property path (RULES.md): no line numbers, so moving code keeps alerts stable.</summary>
    public static string Fingerprint(string ruleId, string path, string resourceKey, string propertyPath, FindingKind kind = FindingKind.Violation) =>
        string.Join("|", ruleId, path.Replace('\\', '/'), resourceKey, propertyPath.ToLowerInvariant(), kind == FindingKind.Inconclusive ? "open" : "fail");
}
