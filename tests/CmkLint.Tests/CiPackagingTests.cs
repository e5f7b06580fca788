using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CmkLint.Tests;

/// <summary>Installs cmklint once from this checkout with the CI script (dotnet pack + tool install), as the Action and the Pipelines template do.</summary>
public sealed class InstalledTool : IDisposable
{
    public InstalledTool()
    {
        ToolPath = Path.Combine(Path.GetTempPath(), "cmklint-tool-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Install = CiScript.Run(Repository.Root, "install", new Dictionary<string, string> { ["CMKLINT_SOURCE"] = Repository.Root, ["CMKLINT_TOOL_PATH"] = ToolPath });
    }

    public string ToolPath { get; }

    public string Executable => Path.Combine(ToolPath, "cmklint");

    public CliResult Install { get; }

    public void Dispose() => Directory.Delete(ToolPath, recursive: true);
}

/// <summary>Runs <c>ci/cmklint.sh</c> with the environment a step gives it.</summary>
public static class CiScript
{
    public static CliResult Run(string folder, string mode, IDictionary<string, string> environment) =>
        Process(folder, "bash", new[] { Path.Combine(Repository.Root, "ci", "cmklint.sh"), mode }, environment);

    public static CliResult Process(string folder, string executable, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary><c>action.yml</c>, the Azure Pipelines template and <c>.pre-commit-hooks.yaml</c>: their command lines run as written.</summary>
public class CiPackagingTests : IClassFixture<InstalledTool>
{
    private static readonly Regex ScriptLine = new(@"^\s*-?\s*(?:run|script):\s*(.+)$", RegexOptions.Multiline);

    private readonly InstalledTool tool;

    public CiPackagingTests(InstalledTool tool)
    {
        this.tool = tool;
        Assert.True(tool.Install.ExitCode == 0, tool.Install.ToString());
    }

    [Theory]
    [InlineData("action.yml", "${{ github.action_path }}")]
    [InlineData("ci/azure-pipelines/cmklint.yml", "${{ parameters.cmklintSource }}")]
    public void Every_command_line_is_the_ci_script_with_a_mode(string file, string root)
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, file));
        var lines = ScriptLine.Matches(text).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(new[] { $"bash \"{root}/ci/cmklint.sh\" install", $"bash \"{root}/ci/cmklint.sh\" lint" }, lines);
        foreach (Match variable in Regex.Matches(text, @"^\s+(CMKLINT\w*):", RegexOptions.Multiline))
        {
            Assert.Contains("$" + "{" + variable.Groups[1].Value, File.ReadAllText(Path.Combine(Repository.Root, "ci", "cmklint.sh")));
        }
    }

    [Fact]
    public void The_action_lint_step_writes_sarif_annotations_a_job_summary_and_outputs()
    {
        using var repo = GitRepositoryWithBadSample();
        string sarif = Path.Combine(repo.Root, "out", "cmklint.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(sarif)!);
        var env = new Dictionary<string, string>
        {
            ["CMKLINT"] = tool.Executable,
            ["CMKLINT_PATHS"] = "infra",
            ["CMKLINT_FAIL_LEVEL"] = "error",
            ["CMKLINT_PREVIOUS"] = string.Empty,
            ["CMKLINT_CONFIG"] = string.Empty,
            ["CMKLINT_SARIF"] = sarif,
            ["CMKLINT_ANNOTATIONS"] = "github",
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(repo.Root, "summary.md"),
            ["GITHUB_OUTPUT"] = Path.Combine(repo.Root, "output.txt"),
        };
        var result = CiScript.Run(repo.Root, "lint", env);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif));
        Assert.Matches(@"^::error file=infra/main\.bicep,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CMK001::", result.Out);
        string summary = File.ReadAllText(env["GITHUB_STEP_SUMMARY"]);
        Assert.StartsWith("### cmklint\n", summary);
        Assert.Matches(@"\n\s+1\s+CMK001\s+cmk-requires-premium", summary);
        Assert.Equal($"sarif={sarif}\nexit-code=1\n", File.ReadAllText(env["GITHUB_OUTPUT"]));

        env["CMKLINT_FAIL_LEVEL"] = "none";
        Assert.Equal(0, CiScript.Run(repo.Root, "lint", env).ExitCode);
    }

    [Fact]
    public void A_usage_error_fails_the_step_and_leaves_no_sarif_to_upload()
    {
        using var repo = GitRepositoryWithBadSample();
        string sarif = Path.Combine(repo.Root, "cmklint.sarif");
        File.WriteAllText(sarif, "stale");
        var result = CiScript.Run(repo.Root, "lint", new Dictionary<string, string> { ["CMKLINT"] = tool.Executable, ["CMKLINT_PREVIOUS"] = "no-such-revision", ["CMKLINT_SARIF"] = sarif });
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(File.Exists(sarif));
    }

    [Fact]
    public void The_pipelines_lint_step_prints_findings_for_the_log()
    {
        using var repo = GitRepositoryWithBadSample();
        var result = CiScript.Run(repo.Root, "lint", new Dictionary<string, string>
        {
            ["CMKLINT"] = tool.Executable,
            ["CMKLINT_SARIF"] = Path.Combine(repo.Root, "CodeAnalysisLogs", "cmklint.sarif"),
            ["CMKLINT_ANNOTATIONS"] = "text",
        });
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("infra/main.bicep(", result.Out);
        Assert.Contains("error CMK001", result.Out);
    }

    [Fact]
    public void The_pre_commit_hook_runs_its_entry_on_the_files_it_matches()
    {
        string hooks = File.ReadAllText(Path.Combine(Repository.Root, ".pre-commit-hooks.yaml"));
        Assert.Matches(@"(?m)^- id: cmklint$", hooks);
        Assert.Matches(@"(?m)^\s+language: dotnet$", hooks);
        string entry = Regex.Match(hooks, @"(?m)^\s+entry:\s*(.+)$").Groups[1].Value.Trim();
        var files = new Regex(Regex.Match(hooks, @"(?m)^\s+files:\s*(.+)$").Groups[1].Value.Trim());
        var words = entry.Split(' ');
        Assert.Equal("cmklint", words[0]);

        using var repo = GitRepositoryWithBadSample();
        repo.Write("package.json", "{ \"name\": \"not-a-template\" }");
        repo.Write("README.md", "# readme");
        var staged = Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(repo.Root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith(".git/", StringComparison.Ordinal) && files.IsMatch(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(new[] { "infra/main.bicep", "package.json" }, staged);
        var bad = CiScript.Process(repo.Root, tool.Executable, words.Skip(1).Concat(staged));
        Assert.True(bad.ExitCode == 1, bad.ToString());

        File.WriteAllText(Path.Combine(repo.Root, "infra", "main.bicep"), File.ReadAllText(Path.Combine(Repository.Root, "samples", "bicep", "good", "main.bicep")));
        var good = CiScript.Process(repo.Root, tool.Executable, words.Skip(1).Concat(staged));
        Assert.True(good.ExitCode == 0, good.ToString());
    }

    /// <summary>A repository root (a .git folder) with one Bicep file: the CMK001 sample.</summary>
    private static TempTree GitRepositoryWithBadSample()
    {
        var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, ".git"));
        tree.Write("infra/main.bicep", File.ReadAllText(Path.Combine(Repository.Root, "samples", "bicep", "bad", "cmk001-standard-sku.bicep")));
        return tree;
    }
}
