using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using CmkLint.Diagnostics;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Modules;

/// <summary>
/// One module call whose template came from the Bicep module cache: what a finding inside that
/// template needs to be reported where the user can act (the call, or the argument passed there).
/// </summary>
internal sealed class RegistryModuleCall
{
    private static readonly Regex ParameterUse = new(@"parameters\('([^']+)'\)", RegexOptions.CultureInvariant);
    private static readonly Regex RelatedParameter = new("^parameter '([^']+)'", RegexOptions.CultureInvariant);

    private readonly List<SourceSpan> nestedTemplates = new();

    public RegistryModuleCall(string reference, string symbolicName, SourceSpan callSpan, Template cached)
    {
        Reference = reference;
        SymbolicName = symbolicName;
        CallSpan = callSpan;
        Cached = cached;
        CollectNested(cached);
    }

    /// <summary>The module reference as the caller wrote it (<c>br/public:avm/res/...:0.9.3</c>).</summary>
    public string Reference { get; }

    /// <summary>The module's symbolic name in the caller.</summary>
    public string SymbolicName { get; }

    /// <summary>The module path of the call, in the caller's file.</summary>
    public SourceSpan CallSpan { get; }

    /// <summary>The template read from the cache (this call's own copy).</summary>
    public Template Cached { get; }

    /// <summary>The expressions the caller passes, by parameter name (the argument's value span).</summary>
    public Dictionary<string, SourceSpan> Arguments { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The same finding, located at the call (or the caller's argument), with the cached location related.</summary>
    public Finding Relocate(Finding finding)
    {
        // A finding the rules already moved out of the cached template to the argument that decides it stays there.
        var seen = finding.MovedFrom ?? finding.Span;
        var cachedFile = seen.File!;
        var primary = !ReferenceEquals(finding.Span.File, cachedFile) ? finding.Span : ArgumentBehind(finding) ?? CallSpan;
        string fingerprint = finding.Fingerprint.Replace(cachedFile.Path, CallSpan.File?.Path + "|module " + SymbolicName);
        var moved = new Finding(finding.Rule, finding.Level, finding.Message, primary, fingerprint, finding.Kind)
        {
            Suppression = finding.Suppression,
            Comparison = finding.Comparison,

            // Seen at the call from now on, so a call of this template from another cached one relocates it again.
            MovedFrom = finding.MovedFrom is null ? null : CallSpan,
        };
        if (!primary.Equals(CallSpan))
        {
            moved.Related.Add(new RelatedLocation(CallSpan, $"module '{SymbolicName}' ({Reference})"));
        }

        moved.Related.Add(new RelatedLocation(seen, $"in module '{Reference}' (the template restored by the Bicep CLI)"));
        foreach (var related in finding.Related)
        {
            moved.Related.Add(ReferenceEquals(related.Span.File, cachedFile)
                ? new RelatedLocation(related.Span, related.Message + $" (in module '{Reference}')")
                : related);
        }

        return moved;
    }

    /// <summary>
    /// The caller's argument the wrong value came from: a parameter of the cached template's top
    /// level the rule names ("parameter 'x'"), else the only supplied parameter the located expression reads.
    /// </summary>
    private SourceSpan? ArgumentBehind(Finding finding)
    {
        if (IsInNestedTemplate(finding.Span))
        {
            return null;
        }

        foreach (var related in finding.Related)
        {
            if (ReferenceEquals(related.Span.File, finding.Span.File) && RelatedParameter.Match(related.Message) is { Success: true } m
                && Cached.Parameters.ContainsKey(m.Groups[1].Value) && Arguments.TryGetValue(m.Groups[1].Value, out var named))
            {
                return named;
            }
        }

        SourceSpan? only = null;
        foreach (Match use in ParameterUse.Matches(finding.Span.Text))
        {
            if (Arguments.TryGetValue(use.Groups[1].Value, out var span))
            {
                if (only is { } seen && !seen.Equals(span))
                {
                    return null;
                }

                only = span;
            }
        }

        return only;
    }

    private bool IsInNestedTemplate(SourceSpan span)
    {
        foreach (var nested in nestedTemplates)
        {
            if (span.Start >= nested.Start && span.Start < nested.End)
            {
                return true;
            }
        }

        return false;
    }

    private void CollectNested(Template template)
    {
        foreach (var resource in template.Resources)
        {
            if (resource.Nested is { } nested && ReferenceEquals(nested.Template.File, template.File))
            {
                nestedTemplates.Add(nested.Template.Span);
            }
        }
    }
}
