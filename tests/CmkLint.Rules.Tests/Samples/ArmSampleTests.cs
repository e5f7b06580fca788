using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using Xunit;

namespace CmkLint.Rules.Tests.Samples;

/// <summary>The ARM samples under samples/arm: the good deployment is clean, each bad one fails exactly its rule.</summary>
public class ArmSampleTests
{
    private static string SamplesRoot => Path.Combine(Lint.RepositoryRoot(), "samples", "arm");

    private static LintResult Analyze(string path) => new LintEngine(new LintOptions { Parallel = false }).Analyze(new[] { path });

    public static IEnumerable<object[]> BadSamples() =>
        Directory.EnumerateFiles(Path.Combine(Lint.RepositoryRoot(), "samples", "arm", "bad"), "cmk*.json")
            .Select(p => new object[] { Path.GetFileName(p) })
            .OrderBy(p => (string)p[0], StringComparer.Ordinal);

    [Fact]
    public void Good_sample_has_no_findings()
    {
        var result = Analyze(Path.Combine(SamplesRoot, "good", "azuredeploy.json"));
        Assert.Equal(1, result.FilesAnalyzed);
        Assert.True(result.Findings.Count == 0, Lint.Describe(result));
    }

    [Fact]
    public void There_is_a_bad_sample_for_every_single_deployment_rule()
    {
        var names = BadSamples().Select(s => ((string)s[0]).Substring(0, 6).ToUpperInvariant()).ToHashSet();
        foreach (int n in new[] { 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15 })
        {
            Assert.Contains($"CMK{n:000}", names);
        }
    }

    [Theory]
    [MemberData(nameof(BadSamples))]
    public void Bad_sample_fails_exactly_its_rule(string fileName)
    {
        string expected = fileName.Substring(0, 6).ToUpperInvariant();
        var result = Analyze(Path.Combine(SamplesRoot, "bad", fileName));
        var violated = result.Findings.Where(f => f.Kind == FindingKind.Violation && !f.IsSuppressed).Select(f => f.RuleId).Distinct().ToList();

        // The chain rules (CMK002-005, 009-013) are written in parallel: a sample for a rule not in the catalogue yet must be clean for now.
        bool implemented = RuleCatalog.Rules.Any(r => r.Descriptor.Id == expected);
        Assert.True(
            implemented ? violated.SequenceEqual(new[] { expected }) : violated.Count == 0,
            $"{fileName}: expected only {expected}{(implemented ? string.Empty : " (not implemented yet: nothing)")}, got:{Environment.NewLine}{Lint.Describe(result)}");
    }

    [Fact]
    public void Registry_standard_sku_sample_fails_only_cmk001_on_the_sku_name()
    {
        var result = Analyze(Path.Combine(SamplesRoot, "registry-standard-sku.json"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("CMK001", finding.RuleId);
        Assert.Equal((27, 17), finding.Position());
    }
}
