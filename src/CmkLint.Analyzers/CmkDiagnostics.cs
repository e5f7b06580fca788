using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CmkLint.Diagnostics;
using CmkLint.Rules;
using Microsoft.CodeAnalysis;

namespace CmkLint.Analyzers;

/// <summary>One <see cref="DiagnosticDescriptor"/> per CmkLint rule ID, made from the engine's rule descriptors (the same IDs as the CLI).</summary>
public static class CmkDiagnostics
{
    /// <summary>
    /// A mistake in <c>cmklint.json</c> or the baseline (the analyzer's counterpart of the MSBuild task's
    /// CMKMSB003): reported where it is, and the files it governs are not analysed until it is fixed.
    /// </summary>
    public static readonly DiagnosticDescriptor InvalidSettings = new(
        "CMKAN001",
        "Invalid CmkLint configuration or baseline",
        "{0}",
        "Configuration",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "cmklint.json or the baseline file cannot be read; CmkLint does not analyse the files it governs until it is fixed, as the CLI and the MSBuild task refuse to run with it.",
        helpLinkUri: "https://github.com/cmklint/cmklint/blob/main/docs/analyzer.md#configuration");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Build();

    /// <summary>Every descriptor, in rule ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = Sorted(ById.Values);

    /// <summary>The engine descriptor of a rule ID.</summary>
    public static RuleDescriptor Rule(string id) =>
        RuleCatalog.Find(id) ?? throw new ArgumentException("unknown rule " + id, nameof(id));

    /// <summary>The Roslyn descriptor of a rule ID.</summary>
    public static DiagnosticDescriptor Get(string id) => ById[id];

    /// <summary>Roslyn's severity for an engine level (a note is Info, as in the IDE's suggestion list).</summary>
    public static DiagnosticSeverity Severity(Level level) => level switch
    {
        Level.Error => DiagnosticSeverity.Error,
        Level.Warning => DiagnosticSeverity.Warning,
        Level.Note => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    /// <summary>The category a rule is filed under: its first tag, as the CLI's SARIF output tags it.</summary>
    public static string Category(RuleDescriptor rule) =>
        rule.Tags.Count > 0 ? char.ToUpperInvariant(rule.Tags[0][0]) + rule.Tags[0].Substring(1) : "CmkLint";

    internal static DiagnosticDescriptor Create(RuleDescriptor rule) => new(
        rule.Id,
        rule.Title,
        "{0}",
        Category(rule),
        Severity(rule.DefaultLevel),
        isEnabledByDefault: rule.DefaultLevel != Level.None,
        description: rule.FullDescription,
        helpLinkUri: rule.HelpUri,
        customTags: CustomTags(rule));

    private static Dictionary<string, DiagnosticDescriptor> Build()
    {
        var map = new Dictionary<string, DiagnosticDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in RuleCatalog.Descriptors)
        {
            map[rule.Id] = Create(rule);
        }

        map[InvalidSettings.Id] = InvalidSettings;

        return map;
    }

    private static string[] CustomTags(RuleDescriptor rule)
    {
        var tags = new string[rule.Tags.Count];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = rule.Tags[i];
        }

        return tags;
    }

    private static ImmutableArray<DiagnosticDescriptor> Sorted(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var list = new List<DiagnosticDescriptor>(descriptors);
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list.ToImmutableArray();
    }
}
