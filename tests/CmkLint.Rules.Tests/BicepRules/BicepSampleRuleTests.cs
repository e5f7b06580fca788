using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using Xunit;

namespace CmkLint.Rules.Tests.BicepRules;

/// <summary>The Bicep samples under samples/bicep: the good deployment is clean, each bad one fails exactly its rule.</summary>
public class BicepSampleRuleTests
{
    private static string SamplesRoot => Path.Combine(CmkLint.Rules.Tests.Lint.RepositoryRoot(), "samples", "bicep");

    private static LintResult Analyze(string path, bool includeInconclusive = false) =>
        new LintEngine(new LintOptions { Parallel = false, IncludeInconclusive = includeInconclusive }).Analyze(new[] { path });

    public static IEnumerable<object[]> BadSamples() =>
        Directory.EnumerateFiles(Path.Combine(CmkLint.Rules.Tests.Lint.RepositoryRoot(), "samples", "bicep", "bad"), "cmk*.bicep")
            .Select(p => Path.GetFileName(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { p });

    [Fact]
    public void Good_bicep_sample_has_no_findings_even_inconclusive()
    {
        var result = Analyze(Path.Combine(SamplesRoot, "good", "main.bicep"), includeInconclusive: true);
        Assert.Equal(1, result.FilesAnalyzed);
        Assert.True(result.Findings.Count == 0, CmkLint.Rules.Tests.Lint.Describe(result));
    }

    [Fact]
    public void There_is_a_bad_bicep_sample_for_every_single_deployment_rule()
    {
        var names = BadSamples().Select(s => ((string)s[0]).Substring(0, 6).ToUpperInvariant()).ToHashSet();
        foreach (int n in new[] { 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15 })
        {
            Assert.Contains($"CMK{n:000}", names);
        }
    }

    [Theory]
    [MemberData(nameof(BadSamples))]
    public void Bad_bicep_sample_fails_exactly_its_rule(string fileName)
    {
        string expected = fileName.Substring(0, 6).ToUpperInvariant();
        var result = Analyze(Path.Combine(SamplesRoot, "bad", fileName));
        var violated = result.Findings.Where(f => f.Kind == FindingKind.Violation && !f.IsSuppressed).Select(f => f.RuleId).Distinct().ToList();
        Assert.True(violated.SequenceEqual(new[] { expected }), $"{fileName}: expected only {expected}, got:{Environment.NewLine}{CmkLint.Rules.Tests.Lint.Describe(result)}");
        Assert.All(result.Findings.Where(f => f.RuleId == expected), f => Assert.EndsWith(fileName, f.Span.File!.Path));
    }
}
