using System.Diagnostics;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

/// <summary><c>--previous</c> and <c>--deployed</c>: comparisons with a git revision or a deployed export.</summary>
public sealed class PreviousStateFlagTests
{
    [Fact]
    public void Previous_outside_a_git_repository_exits_2_with_the_reason()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium"));

        var result = tree.Run("main.json", "--previous", "origin/main");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not in a git repository", result.Error);
    }

    [Fact]
    public void Deployed_file_that_does_not_exist_exits_2()
    {
        using var tree = new TempTree();
        tree.Write("main.json", Templates.Registry("Premium"));

        var result = tree.Run("main.json", "--deployed", "missing.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read the deployed state 'missing.json'", result.Error);
    }

    [Fact]
    public void Previous_revision_with_cmk_and_template_disabling_it_fails_with_cmk008()
    {
        using var tree = new TempTree();
        Git(tree.Root, "init", "-q", "-b", "main");
        Git(tree.Root, "config", "user.name", "CmkLint Tests");
        Git(tree.Root, "config", "user.email", "tests@cmklint.invalid");
        tree.Write("main.json", Templates.Registry("Premium"));
        Git(tree.Root, "add", "-A");
        Git(tree.Root, "commit", "-q", "-m", "v1");
        tree.Write("main.json", Templates.Registry("Premium").Replace("\"status\": \"enabled\"", "\"status\": \"disabled\""));

        var missing = tree.Run("main.json", "--previous", "v0.9");
        var result = tree.Run("main.json", "--previous", "HEAD");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'v0.9' was not found", missing.Error);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CMK008", result.Out);
        Assert.Contains("HEAD:main.json", result.Out);
    }

    [Fact]
    public void Json_and_sarif_name_the_comparison_of_a_previous_state_finding()
    {
        using var tree = new TempTree();
        Git(tree.Root, "init", "-q", "-b", "main");
        Git(tree.Root, "config", "user.name", "CmkLint Tests");
        Git(tree.Root, "config", "user.email", "tests@cmklint.invalid");
        tree.Write("main.json", Templates.Registry("Premium"));
        Git(tree.Root, "add", "-A");
        Git(tree.Root, "commit", "-q", "-m", "v1");
        tree.Write("main.json", Templates.Registry("Premium").Replace("\"status\": \"enabled\"", "\"status\": \"disabled\""));

        var json = tree.Run("main.json", "--previous", "HEAD", "--format", "json");
        var sarif = tree.Run("main.json", "--previous", "HEAD", "--format", "sarif", "--output", "out.sarif");

        Assert.Equal(1, json.ExitCode);
        var finding = JObject.Parse(json.Out)["findings"]!.Single(f => (string)f["ruleId"]! == "CMK008");
        Assert.Equal("git:HEAD", (string)finding["comparison"]!);
        Assert.Equal(1, sarif.ExitCode);
        var result = JObject.Parse(tree.Read("out.sarif"))["runs"]![0]!["results"]!.Single(r => (string)r["ruleId"]! == "CMK008");
        Assert.Equal("git:HEAD", (string)result["properties"]!["comparison"]!);
        SarifValidationTests.AssertValid(Path.Combine(tree.Root, "out.sarif"));
    }

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
