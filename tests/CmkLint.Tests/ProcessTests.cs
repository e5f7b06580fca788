using System;
using Xunit;

namespace CmkLint.Tests;

/// <summary>A few runs of the real executable, as CI runs it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void The_samples_give_their_findings_and_exit_1()
    {
        var result = CliHarness.RunProcess(Repository.Root, "samples");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("samples/arm/registry-standard-sku.json(27,17): error CMK001", result.Out);
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_goes_to_stdout_and_the_summary_to_stderr()
    {
        var result = CliHarness.RunProcess(Repository.Root, "samples", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("{", result.Out);
        Assert.Contains("error", result.Error);
    }

    [Fact]
    public void Usage_errors_exit_2_without_a_stack_trace()
    {
        var result = CliHarness.RunProcess(Repository.Root, "--fail-level", "sometimes");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }
}
