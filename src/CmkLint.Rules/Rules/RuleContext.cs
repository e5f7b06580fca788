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
        return Create(rule, resource, propertyPath, span, $"Could not check {what}: {reason}.", rule.DefaultLevel, FindingKind.Inconclusive);
    }

    /// <summary>Whether the span is in a Bicep file (messages then use Bicep syntax; ARM JSON syntax otherwise).</summary>
    public static bool IsBicep(SourceSpan span) => Phrasing.For(span).IsBicep;

    /// <summary>
    /// For a value that is a parameter's: the parameter's declaration, and where a module's caller (or a
    /// parameters file) passes the value ("passed here") — where the fix goes when the value came from outside.
    /// </summary>
    public static void RelateParameter(Finding finding, Value value)
    {
        if (value.Parameter is not { } parameter)
        {
            return;
        }

        Relate(finding, parameter.Declaration.Span, $"parameter '{parameter.Declaration.Name}'");
        // An allowed value the engine tries in place of the default is not passed by anyone.
        if (parameter.Deployment.Supplied.TryGetValue(parameter.Declaration.Name, out var supplied) && !(parameter.Declaration.AllowedValues?.Items.Contains(supplied.Expr) ?? false))
        {
            Relate(finding, supplied.Expr.Span, parameter.Deployment.Owner is { } module ? $"passed here by '{module.DisplayName}'" : "passed here");
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
