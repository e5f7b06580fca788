using System.IO;
using System.Linq;
using CmkLint.Engine;
using CmkLint.Rules.Tests.Oracle;
using Xunit;

namespace CmkLint.Rules.Tests.BicepLowering;

public sealed class BicepSampleTests
{
    private static string Sample(string relative) => Path.Combine(SharedCorpus.RepositoryRoot, "samples", "bicep", relative);

    [Fact]
    public void Good_bicep_sample_has_no_findings_and_no_input_problems()
    {
        var result = new LintEngine(new LintOptions { Parallel = false }).Analyze(new[] { Sample("good/main.bicep") });

        Assert.Equal(1, result.FilesAnalyzed);
        Assert.DoesNotContain(result.Findings, f => f.Level >= Diagnostics.Level.Warning);
    }

    [Fact]
    public void Bad_bicep_sample_reports_cmk001_on_the_standard_sku()
    {
        var result = new LintEngine(new LintOptions { Parallel = false }).Analyze(new[] { Sample("bad/cmk001-standard-sku.bicep") });

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK001");
        Assert.Equal(15, finding.Span.StartPosition.Line);
        Assert.Equal(11, finding.Span.StartPosition.Column);
        Assert.Equal("'Standard'", finding.Span.Text);
    }
}
