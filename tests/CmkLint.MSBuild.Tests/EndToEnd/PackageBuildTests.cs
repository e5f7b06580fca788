using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CmkLint.MSBuild.Tests.EndToEnd;

/// <summary>
/// The package as a user gets it: packed, restored from a local feed by a throwaway project, run by
/// real <c>dotnet build</c> commands. Slow (a pack and a few builds): filter with Category=EndToEnd.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageBuildTests
{
    private readonly LocalPackageFeed feed;
    private readonly ITestOutputHelper output;

    public PackageBuildTests(LocalPackageFeed feed, ITestOutputHelper output)
    {
        this.feed = feed;
        this.output = output;
    }

    [Fact]
    public void Bad_template_fails_the_build_at_the_finding_then_the_fix_passes_and_a_no_op_build_skips_the_check()
    {
        string folder = NewProject("fail-fix-noop");
        string template = Write(folder, "infra/registry.json", Templates.Standard);
        string bicep = Write(folder, "infra/main.bicep", Templates.BicepStandard);
        Write(folder, "appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");

        var failing = Build(folder);
        var (line, column) = Templates.PositionOf(Templates.Standard, "\"Standard\"");
        Assert.NotEqual(0, failing.ExitCode);
        Assert.Matches(new Regex(Regex.Escape($"{template}({line},{column},{line},{column + "\"Standard\"".Length}): error CMK001: ")), failing.Output);
        var (bicepLine, bicepColumn) = Templates.PositionOf(Templates.BicepStandard, "'Standard'");
        Assert.Matches(new Regex(Regex.Escape($"{bicep}({bicepLine},{bicepColumn},{bicepLine},{bicepColumn + "'Standard'".Length}): error CMK001: ")), failing.Output);
        Assert.DoesNotContain("appsettings.json", failing.Output, StringComparison.Ordinal);

        Write(folder, "infra/registry.json", Templates.Premium);
        Write(folder, "infra/main.bicep", Templates.BicepPremium);
        var fixedBuild = Build(folder, "--no-restore", "-v:d");
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.DoesNotContain("error CMK", fixedBuild.Output, StringComparison.Ordinal);
        Assert.Contains("CmkLint: 2 template(s) analysed: 0 error(s)", fixedBuild.Output, StringComparison.Ordinal);

        // The task runs inside MSBuild's process, which has its own Newtonsoft.Json: the package's copy must be the one loaded.
        string tasks = Path.Combine("cmklint.msbuild", feed.Version, "tasks", "netstandard2.0");
        Assert.Matches(new Regex("Newtonsoft\\.Json [0-9.]+ from .*" + Regex.Escape(Path.Combine(tasks, "Newtonsoft.Json.dll"))), fixedBuild.Output);

        var noOp = Build(folder, "--no-restore", "-v:d");
        Assert.True(noOp.ExitCode == 0, noOp.ToString());
        Assert.Contains("Skipping target \"CmkLint\" because all output files are up-to-date with respect to the input files.", noOp.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("template(s) analysed", noOp.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_do_not_fail_the_build_unless_CmkLintTreatWarningsAsErrors_is_set()
    {
        string folder = NewProject("warnings");
        string template = Write(folder, "infra/registry.json", Templates.AllowedStandard);

        string sarif = Path.Combine(folder, "obj", "cmklint.sarif");
        var passing = Build(folder, $"-p:CmkLintSarifFile={sarif}");
        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.Contains($"{template}(", passing.Output, StringComparison.Ordinal);
        Assert.Contains("warning CMK001: ", passing.Output, StringComparison.Ordinal);

        // The SARIF writer uses Newtonsoft.Json inside MSBuild's process: the file proves it loaded and ran.
        using (var log = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            var result = Assert.Single(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
            Assert.Equal("CMK001", result.GetProperty("ruleId").GetString());
            Assert.Equal("warning", result.GetProperty("level").GetString());
        }

        // Changing a setting re-runs the check even though the template did not change.
        var failing = Build(folder, "--no-restore", "-p:CmkLintTreatWarningsAsErrors=true");
        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains("error CMK001: ", failing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_project_builds_clean_with_the_package()
    {
        string folder = feed.NewProjectFolder("sample");
        string sample = Path.Combine(feed.RepositoryRoot, "samples", "MsBuildSample");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(sample, file);
            string top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" or ".packages" or "nuget.config")
            {
                continue;
            }

            string target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string project = Path.Combine(folder, "MsBuildSample.csproj");
        File.WriteAllText(project, Regex.Replace(File.ReadAllText(project), "Include=\"CmkLint.MSBuild\" Version=\"[^\"]*\"", $"Include=\"CmkLint.MSBuild\" Version=\"{feed.Version}\""));

        var build = Build(folder, "-v:n");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("CmkLint: using configuration " + Path.Combine(folder, "cmklint.json"), build.Output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"CmkLint: [1-9][0-9]* template\(s\) analysed: 0 error\(s\), 0 warning\(s\)"), build.Output);
    }

    [Fact]
    public void Package_ships_task_engine_and_newtonsoft_under_tasks_and_msbuild_files_under_build()
    {
        Assert.True(feed.Package is not null, "dotnet pack did not produce the package: " + feed.PackRun);
        using var zip = ZipFile.OpenRead(feed.Package!);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        foreach (var expected in new[]
        {
            "tasks/netstandard2.0/CmkLint.MSBuild.dll",
            "tasks/netstandard2.0/CmkLint.Rules.dll",
            "tasks/netstandard2.0/Newtonsoft.Json.dll",
            "build/CmkLint.MSBuild.props",
            "build/CmkLint.MSBuild.targets",
            "buildTransitive/CmkLint.MSBuild.props",
            "buildTransitive/CmkLint.MSBuild.targets",
        })
        {
            Assert.Contains(expected, entries);
        }

        // MSBuild's assemblies come from the MSBuild that loads the task; a shipped copy would conflict.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
    }

    private string NewProject(string name)
    {
        string folder = feed.NewProjectFolder(name);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CmkLint.MSBuild" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        return folder;
    }

    private static string Write(string folder, string relativePath, string text)
    {
        string path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private DotnetRun Build(string folder, params string[] arguments)
    {
        var run = feed.Build(folder, arguments);
        output.WriteLine($"dotnet build {string.Join(' ', arguments)} in {Path.GetFileName(folder)}: exit {run.ExitCode}, {run.Elapsed.TotalSeconds:F1} s");
        return run;
    }
}
