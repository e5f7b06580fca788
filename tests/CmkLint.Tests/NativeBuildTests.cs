using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace CmkLint.Tests;

/// <summary>
/// The native build (<c>dotnet publish src/CmkLint -f net10.0 -r linux-x64 -p:CmkLintNative=true</c>: Native AOT,
/// what bench/compare.sh measures, docs/performance.md) gives byte-for-byte the answers of the ordinary build
/// (<c>dotnet cmklint.dll</c>) on every channel the executable serves: the report formats, baselines, --fix,
/// the rule commands, hostile input and the language server. Trimming or AOT could silently drop what is
/// reached only by reflection (Json.NET, System.CommandLine, embedded rule pages); this is the proof it does not.
/// </summary>
public sealed class NativeBuildTests : IClassFixture<NativeBuildTests.NativeBuild>
{
    private readonly NativeBuild build;

    public NativeBuildTests(NativeBuild build)
    {
        this.build = build;
    }

    [Theory]
    [InlineData("--no-color", "samples")]
    [InlineData("--no-color", "--include-inconclusive", "--statistics", "samples")]
    [InlineData("--format", "json", "--include-inconclusive", "samples")]
    [InlineData("--format", "github", "samples")]
    [InlineData("--no-color", "--verbose", "samples/bicep/bad")]
    [InlineData("--no-color", "rules")]
    [InlineData("rules", "--format", "json")]
    [InlineData("explain", "CMK004")]
    [InlineData("explain", "cmk-requires-premium")]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("--show-config", "samples")]
    [InlineData("--format", "yaml", "samples")]
    [InlineData("--no-color", "--fix", "--diff", "samples/bicep/bad")]
    public void The_native_build_answers_as_the_ordinary_build(params string[] args)
    {
        using var tree = CopyOfSamples();
        var native = Run(build.Executable, tree.Root, null, args);
        var ordinary = Run("dotnet", tree.Root, null, Prepend(CliDll, args));
        Assert.Equal(ordinary.ExitCode, native.ExitCode);
        Assert.Equal(Stable(ordinary.Out), Stable(native.Out));
        Assert.Equal(Stable(ordinary.Error), Stable(native.Error));
    }

    [Fact]
    public void The_native_build_writes_the_same_sarif_and_baseline()
    {
        using var tree = CopyOfSamples();
        var native = Run(build.Executable, tree.Root, null, "--format", "sarif", "--output", "native.sarif", "--write-baseline", "native.baseline.json", "samples");
        var ordinary = Run("dotnet", tree.Root, null, CliDll, "--format", "sarif", "--output", "ordinary.sarif", "--write-baseline", "ordinary.baseline.json", "samples");
        Assert.Equal(ordinary.ExitCode, native.ExitCode);
        Assert.Equal(Stable(tree.Read("ordinary.sarif")), Stable(tree.Read("native.sarif")));
        Assert.Equal(tree.Read("ordinary.baseline.json"), tree.Read("native.baseline.json"));
        Assert.Contains("\"CMK001\"", tree.Read("native.baseline.json"), StringComparison.Ordinal);

        // The baseline the native build wrote is read back by it: every finding accepted.
        var again = Run(build.Executable, tree.Root, null, "--no-color", "--baseline", "native.baseline.json", "samples");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(" suppressed;", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_native_build_survives_hostile_input_as_the_ordinary_build()
    {
        using var tree = new TempTree();
        tree.Write("deep.json", "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"x\": " + new string('[', 100_000) + new string(']', 100_000) + "}");
        tree.Write("deep.bicep", string.Concat(System.Linq.Enumerable.Repeat("{\nresource c 'd' = ", 5_000)));
        tree.WriteBytes("binary.json", new byte[] { 0x7B, 0x00, 0xFF, 0xFE, 0x22, 0x80 });
        tree.Write("broken.bicep", "resource r 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'x\n");
        var native = Run(build.Executable, tree.Root, null, "--no-color", "--format", "json", ".");
        var ordinary = Run("dotnet", tree.Root, null, CliDll, "--no-color", "--format", "json", ".");
        Assert.Equal(ordinary.ExitCode, native.ExitCode);
        Assert.Equal(Stable(ordinary.Out), Stable(native.Out));
        Assert.Contains("CMK901", native.Out, StringComparison.Ordinal);
        Assert.Contains("CMK900", native.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_native_language_server_answers_as_the_ordinary_one()
    {
        using var tree = CopyOfSamples();
        string bad = Path.Combine(tree.Root, "samples", "bicep", "bad", "cmk001-standard-sku.bicep");
        string Session(string server)
        {
            using var client = new LanguageServer.LspClient(server, tree.Root);
            var initialize = client.Initialize(tree.Root);
            client.Open(bad, File.ReadAllText(bad));
            var diagnostics = client.WaitForDiagnostics(bad, version: 1);
            client.Call("shutdown");
            client.Notify("exit");
            Assert.True(client.Process.WaitForExit(60_000), "the server did not exit");
            return initialize.ToString() + "\n" + diagnostics.ToString() + "\nexit " + client.Process.ExitCode;
        }

        string native = Session(build.Executable);
        Assert.Equal(Session(CliDll), native);
        Assert.Contains("\"capabilities\"", native, StringComparison.Ordinal);
        Assert.Contains("CMK001", native, StringComparison.Ordinal);
    }

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "cmklint.dll");

    private static string[] Prepend(string first, string[] rest)
    {
        var all = new string[rest.Length + 1];
        all[0] = first;
        Array.Copy(rest, 0, all, 1, rest.Length);
        return all;
    }

    /// <summary>Only the run's duration may differ between two runs.</summary>
    private static string Stable(string output) =>
        Regex.Replace(Regex.Replace(output, @"\(\d+\.\d+ s\)", "(T s)"), "\"elapsedSeconds\": [0-9.]+", "\"elapsedSeconds\": T");

    private static TempTree CopyOfSamples()
    {
        var tree = new TempTree();
        string source = Path.Combine(Repository.Root, "samples");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] == "MsBuildSample" && (relative.Contains("bin", StringComparison.Ordinal) || relative.Contains("obj", StringComparison.Ordinal)))
            {
                continue;
            }

            tree.WriteBytes(Path.Combine("samples", relative), File.ReadAllBytes(file));
        }

        return tree;
    }

    private static CliResult Run(string executable, string folder, string? input, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(input);
            process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
            process.StandardInput.Close();
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Publishes the native build once for the class (about a minute and a half on two cores).</summary>
    public sealed class NativeBuild : IDisposable
    {
        private readonly TempTree tree = new();

        public NativeBuild()
        {
            Assert.True(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64, "the native build is published for linux-x64");
            string project = Path.Combine(Repository.Root, "src", "CmkLint", "CmkLint.csproj");
            string output = Path.Combine(tree.Root, "native");
            var publish = Run("dotnet", Repository.Root, null, "publish", project, "-c", "Release", "-f", "net10.0", "-r", "linux-x64", "-p:CmkLintNative=true",
                "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + Path.Combine(tree.Root, "artifacts"), "-o", output);
            Assert.True(publish.ExitCode == 0, "the native publish needs clang and zlib (.ci/run installs them):\n" + publish);
            Executable = Path.Combine(output, "cmklint");
            Assert.True(File.Exists(Executable), "no native executable at " + Executable);
            Assert.False(File.Exists(Path.Combine(output, "cmklint.dll")), "the native publish left managed code: " + string.Join(", ", Directory.GetFiles(output)));
        }

        public string Executable { get; }

        public void Dispose() => tree.Dispose();
    }
}
