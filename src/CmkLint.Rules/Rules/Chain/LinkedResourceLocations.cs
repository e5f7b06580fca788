using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Graph;
using CmkLint.Text;

namespace CmkLint.Rules.Chain;

/// <summary>
/// A finding about a resource that another module reaches as an <c>existing</c> resource also points
/// at that <c>existing</c> declaration and at the module calls between them, so a reader sees how
/// the registry's module got to the resource (AVM: the test's dependencies module passes IDs out,
/// the registry module takes them as parameters).
/// </summary>
public static class LinkedResourceLocations
{
    /// <summary>Adds the related locations of every linked <c>existing</c> resource whose declaration a finding points into.</summary>
    public static void Relate(ResourceGraph graph, IReadOnlyList<Finding> findings)
    {
        List<ResourceInstance>? linked = null;
        foreach (var resource in graph.Resources)
        {
            if (resource.LinkedDeclaration is not null)
            {
                (linked ??= new List<ResourceInstance>()).Add(resource);
            }
        }

        if (linked is null)
        {
            return;
        }

        foreach (var finding in findings)
        {
            if (finding.Kind != FindingKind.Violation)
            {
                continue;
            }

            foreach (var existing in linked)
            {
                var declared = existing.LinkedDeclaration!;
                if (!Touches(finding, declared.Declaration.Span))
                {
                    continue;
                }

                if (!finding.Span.Equals(declared.Span))
                {
                    Add(finding, declared.Span, $"'{declared.DisplayName}', deployed here");
                }

                Add(finding, existing.Span, $"'{existing.DisplayName}' refers to '{declared.DisplayName}' as an existing resource");
                if (existing.Deployment.Owner is { } caller)
                {
                    Add(finding, caller.Span, $"the module call '{caller.DisplayName}' that passes the reference");
                }

                if (declared.Deployment.Owner is { } deployer && !ReferenceEquals(deployer, existing.Deployment.Owner))
                {
                    Add(finding, deployer.Span, $"the module call '{deployer.DisplayName}' that deploys '{declared.DisplayName}'");
                }
            }
        }
    }

    private static bool Touches(Finding finding, SourceSpan declaration)
    {
        if (Within(finding.Span, declaration))
        {
            return true;
        }

        foreach (var related in finding.Related)
        {
            if (Within(related.Span, declaration))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Within(SourceSpan span, SourceSpan outer) =>
        !span.IsNone && ReferenceEquals(span.File, outer.File) && span.Start >= outer.Start && span.End <= outer.End;

    private static void Add(Finding finding, SourceSpan span, string message)
    {
        if (span.IsNone)
        {
            return;
        }

        foreach (var related in finding.Related)
        {
            if (related.Span.Equals(span))
            {
                return;
            }
        }

        finding.Related.Add(new RelatedLocation(span, message));
    }
}
