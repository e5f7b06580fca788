using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using CmkLint.Diagnostics;
using CmkLint.Workspace;
using Xunit;
using Xunit.Abstractions;

namespace CmkLint.MSBuild.Tests.EndToEnd;

/// <summary>One finding as every channel can state it: rule, path from the repository root, line, column, level, accepted or not.</summary>
public sealed record ParityFinding(string Rule, string Path, int Line, int Column, string Level, bool Suppressed)
{
    public override string ToString() => $"{Rule} {Path} {Line} {Column} {Level}{(Suppressed ? " suppressed" : string.Empty)}";
}

/// <summary>
/// Issue 15's parity test: the fixture <c>tests/fixtures/parity</c> (levels, a configured suppression, a pragma, a
/// baseline) gives the findings listed in its <c>expected.txt</c> through every channel: the library call, the CLI run
/// from another folder, the MSBuild task in a real <c>dotnet build</c>. A channel's leg compares with the same list.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ParityTests : IDisposable
{
    private readonly LocalPackageFeed feed;
    private readonly ITestOutputHelper output;
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "cmklint-parity-" + Guid.NewGuid().ToString("N"));

    public ParityTests(LocalPackageFeed feed, ITestOutputHelper output)
    {
        this.feed = feed;
        this.output = output;
        Directory.CreateDirectory(scratch);
    }

    private static string FixtureFolder => Path.Combine(RepositoryRoot, "tests", "fixtures", "parity");

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CmkLint.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("CmkLint.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The expected list itself says what the fixture exercises: a wrong list cannot make every leg agree on a wrong answer.</summary>
    [Fact]
    public void Expected_findings_are_the_ones_the_fixture_exercises()
    {
        var expected = Expected();
        Assert.DoesNotContain(expected, f => f.Rule == "CMK001");
        Assert.Equal("error", Assert.Single(expected, f => f.Rule == "CMK013").Level);
        Assert.Equal("note", Assert.Single(expected, f => f.Rule == "CMK005").Level);
        Assert.True(Assert.Single(expected, f => f.Rule == "CMK006" && f.Path.StartsWith("infra/dev/", StringComparison.Ordinal)).Suppressed);
        Assert.False(Assert.Single(expected, f => f.Rule == "CMK006" && f.Path.StartsWith("infra/arm/", StringComparison.Ordinal)).Suppressed);
        Assert.True(Assert.Single(expected, f => f.Rule == "CMK003").Suppressed);
        Assert.True(Assert.Single(expected, f => f.Rule == "CMK004").Suppressed);
    }

    [Fact]
    public void Library_call_from_another_folder_gives_the_expected_findings_with_the_right_suppression_kinds()
    {
        string repository = CopyFixture(Path.Combine(scratch, "library"));
        var request = new WorkspaceRequest { WorkingDirectory = scratch, BaselinePath = Path.Combine(repository, "cmklint.baseline.json") };
        request.Paths.Add(repository);

        var workspace = LintWorkspace.Open(request);
        Assert.False(workspace.HasErrors, string.Join("\n", workspace.Diagnostics));
        Assert.Equal(Path.Combine(repository, "cmklint.json"), workspace.ConfigurationPath);
        var result = workspace.Analyze();

        var findings = result.Findings.Where(f => f.Kind != FindingKind.Inconclusive).ToList();
        AssertSame(Expected(), findings.Select(f => new ParityFinding(f.RuleId, result.PathOf(f), f.Span.StartPosition.Line, f.Span.StartPosition.Column, LevelName(f.Level), f.IsSuppressed)), "library");

        // Which mechanism accepted each: the pragma is in the source, the configuration and the baseline are external.
        Assert.Equal("inSource", Assert.Single(findings, f => f.RuleId == "CMK003").Suppression!.Kind);
        var dev = Assert.Single(findings, f => f.RuleId == "CMK006" && f.IsSuppressed).Suppression!;
        Assert.Equal(("external", "dev registry"), (dev.Kind, dev.Justification));
        var baselined = Assert.Single(findings, f => f.RuleId == "CMK004").Suppression!;
        Assert.Equal(("external", "accepted in the baseline"), (baselined.Kind, baselined.Justification));
    }

    [Fact]
    public void Cli_run_from_another_folder_gives_the_expected_findings()
    {
        string repository = CopyFixture(Path.Combine(scratch, "cli"));
        string sarif = Path.Combine(scratch, "cli.sarif");
        var run = RunCli(scratch, repository, "--baseline", Path.Combine(repository, "cmklint.baseline.json"), "--format", "sarif", "--output", sarif);
        Assert.True(run.ExitCode == 1, run.ToString());

        AssertSame(Expected(), FromSarif(sarif), "CLI");
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Msbuild_task_in_a_real_build_gives_the_expected_findings()
    {
        // The project folder (with the feed's nuget.config) is the repository: the templates are its default items.
        string repository = CopyFixture(feed.NewProjectFolder("parity"));
        File.WriteAllText(Path.Combine(repository, "parity.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <CmkLintBaseline>cmklint.baseline.json</CmkLintBaseline>
                <CmkLintSarifFile>$(MSBuildProjectDirectory)/obj/cmklint.sarif</CmkLintSarifFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CmkLint.MSBuild" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);

        var build = feed.Build(repository);
        output.WriteLine($"dotnet build: exit {build.ExitCode}, {build.Elapsed.TotalSeconds:F1} s");
        Assert.True(build.ExitCode != 0, "the unsuppressed errors fail the build: " + build);
        Assert.Contains("error CMK013: ", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CMK001", build.Output, StringComparison.Ordinal);

        AssertSame(Expected(), FromSarif(Path.Combine(repository, "obj", "cmklint.sarif")), "MSBuild");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The fixture's expected findings (<c>expected.txt</c>), in its order.</summary>
    public static IReadOnlyList<ParityFinding> Expected()
    {
        var list = new List<ParityFinding>();
        foreach (var line in File.ReadAllLines(Path.Combine(FixtureFolder, "expected.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            list.Add(new ParityFinding(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), parts[4], parts.Length > 5 && parts[5] == "suppressed"));
        }

        Assert.NotEmpty(list);
        return list;
    }

    /// <summary>The results of a SARIF log as parity findings (URIs are relative to the repository root).</summary>
    public static IReadOnlyList<ParityFinding> FromSarif(string path)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<ParityFinding>();
        foreach (var result in log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
        {
            if (result.GetProperty("kind").GetString() != "fail")
            {
                continue;
            }

            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            bool suppressed = result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0;
            list.Add(new ParityFinding(
                result.GetProperty("ruleId").GetString()!,
                location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(),
                result.GetProperty("level").GetString()!,
                suppressed));
        }

        return list;
    }

    private static void AssertSame(IReadOnlyList<ParityFinding> expected, IEnumerable<ParityFinding> actual, string channel)
    {
        static string Show(IEnumerable<ParityFinding> findings) => string.Join("\n", findings.Select(f => f.ToString()).Order(StringComparer.Ordinal));
        Assert.True(Show(expected) == Show(actual), $"{channel} findings differ from expected.txt\n--- expected\n{Show(expected)}\n--- {channel}\n{Show(actual)}");
    }

    private static string LevelName(Level level) => level switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        Level.Note => "note",
        _ => "none",
    };

    /// <summary>A copy of the fixture in its own repository (git init), so that its root is the same for every channel.</summary>
    private static string CopyFixture(string target)
    {
        foreach (var file in Directory.GetFiles(FixtureFolder, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(FixtureFolder, file);
            string destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        var init = new ProcessStartInfo("git") { WorkingDirectory = target, RedirectStandardOutput = true, RedirectStandardError = true };
        init.ArgumentList.Add("init");
        init.ArgumentList.Add("-q");
        using (var git = Process.Start(init)!)
        {
            git.WaitForExit();
            Assert.Equal(0, git.ExitCode);
        }

        return target;
    }

    private static DotnetRun RunCli(string workingDirectory, params string[] arguments)
    {
        var all = new List<string> { Path.Combine(AppContext.BaseDirectory, "cmklint.dll") };
        all.AddRange(arguments);
        return DotnetCli.Run(workingDirectory, new Dictionary<string, string>(), all.ToArray());
    }
}
