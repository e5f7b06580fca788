using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Text;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>
/// Every sample of the repository (<c>samples/arm</c>, <c>samples/bicep</c>) fed to the analyzer as an
/// additional file: a bad sample reports exactly the rule in its name, at the span the engine gives it
/// (so the analyzer's mapping of spans and related locations is what is checked), and the good samples report nothing.
/// </summary>
public class SampleFileTests
{
    private static readonly Regex RuleInName = new(@"^(cmk\d{3})-", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static TheoryData<string> BadSamples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in BadSampleNames())
        {
            data.Add(sample);
        }

        return data;
    }

    private static List<string> BadSampleNames()
    {
        var names = new List<string>();
        foreach (var (folder, extension) in new[] { ("arm", "*.json"), ("bicep", "*.bicep") })
        {
            string directory = Path.Combine(DescriptorTests.RepositoryRoot(), "samples", folder, "bad");
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(directory, extension).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (RuleInName.IsMatch(Path.GetFileName(file)))
                {
                    names.Add(folder + "/bad/" + Path.GetFileName(file));
                }
            }
        }

        return names;
    }

    [Fact]
    public void Bad_samples_exist_in_both_languages()
    {
        var samples = BadSampleNames();
        Assert.Contains(samples, s => s.StartsWith("arm/", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.StartsWith("bicep/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadSamples))]
    public Task Bad_sample_reports_exactly_the_rule_in_its_name_where_the_engine_reports_it(string sample)
    {
        string rule = RuleInName.Match(Path.GetFileName(sample)).Groups[1].Value.ToUpperInvariant();
        var (path, text, findings) = EngineFindings(sample);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(rule, f.RuleId));
        return Run(path, text, findings);
    }

    [Theory]
    [InlineData("arm/good/azuredeploy.json")]
    [InlineData("bicep/good/main.bicep")]
    public Task Good_sample_reports_nothing(string sample)
    {
        var (path, text, findings) = EngineFindings(sample);

        Assert.Empty(findings);
        return Run(path, text, findings);
    }

    /// <summary>The engine's reportable findings for a sample, read under a path that exists only in memory (no parameter files are discovered on disk, as in the compiler).</summary>
    private static (string Path, string Text, List<Finding> Findings) EngineFindings(string sample)
    {
        string text = File.ReadAllText(Path.Combine(DescriptorTests.RepositoryRoot(), "samples", sample));
        string path = "/samples/" + sample;
        var result = new LintEngine(new LintOptions { Parallel = false }).AnalyzeTexts(new Dictionary<string, string> { [path] = text });
        return (path, text, result.Findings.Where(f => !f.IsSuppressed && f.Level != Level.None).ToList());
    }

    private static Task Run(string path, string text, List<Finding> findings)
    {
        var expected = new List<DiagnosticResult>();
        foreach (var finding in findings)
        {
            var result = new DiagnosticResult(finding.RuleId, CmkDiagnostics.Severity(finding.Level)).WithMessage(finding.Message);
            result = WithSpan(result, path, finding.Span);
            foreach (var related in finding.Related.Where(r => r.Span.File is not null))
            {
                result = WithSpan(result, path, related.Span);
            }

            expected.Add(result);
        }

        return Verify.TemplatesAsync(new[] { (path, text) }, expected.ToArray());
    }

    private static DiagnosticResult WithSpan(DiagnosticResult result, string path, SourceSpan span)
    {
        var start = span.StartPosition;
        var end = span.EndPosition;
        return result.WithSpan(path, start.Line, start.Column, end.Line, end.Column);
    }
}
