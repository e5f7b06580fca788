using System.Diagnostics;
using System.IO;
using Xunit;

namespace CmkLint.Tests;

/// <summary>The SARIF multitool with the SARIF and GitHub rule sets (../shared/tools/validate-sarif) is the oracle.</summary>
public sealed class SarifValidationTests
{
    [Fact]
    public void Sarif_of_the_samples_passes_the_sarif_and_github_validator()
    {
        using var tree = new TempTree();
        string sarif = Path.Combine(tree.Root, "samples.sarif");
        var run = CliHarness.Run(Repository.Root, "samples", "--format", "sarif", "--output", sarif, "--include-inconclusive");
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        AssertValid(sarif);
    }

    [Fact]
    public void Sarif_with_suppressed_inconclusive_related_and_unreadable_results_passes_the_validator()
    {
        using var tree = new TempTree();
        tree.Write("a dir/main.json", Templates.Registry("Standard", registryMetadata: "{ \"cmklint\": { \"suppress\": [ { \"rule\": \"CMK001\", \"justification\": \"accepted\" } ] } }"));
        tree.Write("b.json", Templates.Registry("Basic"));
        tree.Write("c.json", Templates.RegistryWithSkuParameter(null));
        tree.Write("broken.json", "{ \"resources\": [ }");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "dangling.json"), Path.Combine(tree.Root, "gone.json"));
        var run = tree.Run("--format", "sarif", "--output", "out.sarif", "--include-inconclusive");
        Assert.Equal(1, run.ExitCode);
        string text = tree.Read("out.sarif");
        Assert.Contains("\"kind\": \"open\"", text);
        Assert.Contains("\"suppressions\"", text);
        Assert.Contains("\"relatedLocations\"", text);
        Assert.Contains("a%20dir/main.json", text);
        AssertValid(Path.Combine(tree.Root, "out.sarif"));
    }

    /// <summary>Runs the validator on a SARIF file and fails on any error it reports.</summary>
    internal static void AssertValid(string sarif)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Shared, "tools", "validate-sarif"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(sarif);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"validate-sarif exit {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        Assert.DoesNotContain(": error ", stdout.Result);
    }
}
