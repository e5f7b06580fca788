using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>
/// The analyzer leg of issue 15's parity test: the fixture <c>tests/fixtures/parity</c> (levels,
/// a configured suppression, a Bicep pragma, a baseline) as a project referencing the packed analyzer,
/// built for real with <c>dotnet build</c>. The compiler's own SARIF log (<c>ErrorLog</c>) gives every
/// diagnostic with its rule, file, line, column and level, notes included.
/// </summary>
public sealed class ParityBuildTests : IDisposable
{
    /// <summary>
    /// What every channel must answer for the fixture: the shared list <c>tests/fixtures/parity/expected.txt</c>
    /// (the other legs compare against it too), without the suppressed findings, which the analyzer does not
    /// report (a suppressed diagnostic is not a diagnostic in Roslyn), as "RULE path line:column level".
    /// </summary>
    private static string[] Expected(string repository)
    {
        var expected = new List<string>();
        foreach (string line in File.ReadAllLines(Path.Combine(repository, "tests", "fixtures", "parity", "expected.txt")))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith('#') || parts.Length < 5 || (parts.Length > 5 && parts[5] == "suppressed"))
            {
                continue;
            }

            expected.Add($"{parts[0]} {parts[1]} {parts[2]}:{parts[3]} {parts[4]}");
        }

        expected.Sort(StringComparer.Ordinal);
        return expected.ToArray();
    }

    private readonly string root = Path.Combine(Path.GetTempPath(), "cmklint-parity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Analyzer_in_a_real_build_reports_the_parity_fixture_as_the_cli_does()
    {
        string repo = DescriptorTests.RepositoryRoot();
        string app = Path.Combine(root, "parity");
        Copy(Path.Combine(repo, "tests", "fixtures", "parity"), app);
        string version = EndToEndTests.Pack(repo, root);
        string log = Path.Combine(root, "compiler.sarif");
        EndToEndTests.WriteProject(app, version, string.Empty, $"\n    <ErrorLog>{log},version=2.1</ErrorLog>");

        var build = EndToEndTests.Run(app, "build -nodeReuse:false -p:UseSharedCompilation=false", Path.Combine(root, "packages"));
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CMKAN001", build.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(log), build.Output);
        Assert.NotEqual(0, build.ExitCode);

        var reported = Diagnostics(log, app);
        Assert.Equal(Expected(repo), reported);

        // The errors reach the build output in the canonical form too (notes are not printed by the compiler).
        Assert.Contains(Path.Combine("infra", "versioned-key.bicep") + "(83,24): error CMK013:", build.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("infra", "arm", "content-trust.json") + "(127,23): error CMK006:", build.Output, StringComparison.Ordinal);
    }

    /// <summary>The CMK diagnostics of the compiler's SARIF 2.1 log, as "rule path line:column level", sorted.</summary>
    private static List<string> Diagnostics(string sarifPath, string projectFolder)
    {
        var sarif = JObject.Parse(File.ReadAllText(sarifPath));
        var lines = new List<string>();
        foreach (var result in sarif["runs"]![0]!["results"]!)
        {
            string rule = (string)result["ruleId"]!;
            if (!rule.StartsWith("CMK", StringComparison.Ordinal) || result["suppressions"] is JArray { Count: > 0 })
            {
                continue;
            }

            var physical = result["locations"]![0]!["physicalLocation"]!;
            string file = new Uri((string)physical["artifactLocation"]!["uri"]!).LocalPath;
            string relative = Path.GetRelativePath(projectFolder, file).Replace('\\', '/');
            var region = physical["region"]!;
            lines.Add($"{rule} {relative} {(int)region["startLine"]!}:{(int)region["startColumn"]!} {(string?)result["level"] ?? "warning"}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
