using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit;

namespace CmkLint.Tests;

/// <summary>
/// The CLI's net8.0 build runs on a .NET 8 runtime, both ways a user meets it: self-contained (the runtime
/// pack the SDK picks, Microsoft.NETCore.App.Runtime.linux-x64 8.0.x) and framework-dependent on a
/// DOTNET_ROOT that holds only that .NET 8 runtime (the host's trace proves which framework ran).
/// Builds go to a temporary artifacts folder so the worktree's own outputs are untouched.
/// </summary>
public class Net8RuntimeTests
{
    [Fact]
    public void The_net8_build_runs_on_a_dotnet_8_runtime()
    {
        Assert.True(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64, "this proof runs on linux-x64");
        using var tree = new TempTree();
        string project = Path.Combine(Repository.Root, "src", "CmkLint", "CmkLint.csproj");
        string artifacts = Path.Combine(tree.Root, "artifacts");
        string selfContained = Path.Combine(tree.Root, "sc");
        Dotnet("publish", project, "-f", "net8.0", "-r", "linux-x64", "--self-contained", "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + artifacts, "-o", selfContained);
        Dotnet("build", project, "-f", "net8.0", "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + artifacts);

        string deps = File.ReadAllText(Path.Combine(selfContained, "cmklint.deps.json"));
        string version = Regex.Match(deps, @"Microsoft\.NETCore\.App\.Runtime\.linux-x64/(8\.0\.\d+)").Groups[1].Value;
        Assert.StartsWith("8.0.", version);

        string sample = Path.Combine(Repository.Root, "samples", "bicep", "bad", "cmk001-standard-sku.bicep");
        var bundled = Run(Path.Combine(selfContained, "cmklint"), null, sample, "--no-color");
        Assert.True(bundled.ExitCode == 1, bundled.ToString());
        Assert.True(bundled.Out.Contains("error CMK001", StringComparison.Ordinal), bundled.ToString());

        // A DOTNET_ROOT with the .NET 8 runtime only, laid out from the runtime pack as an installer lays it.
        string nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string pack = Path.Combine(nugetRoot, "microsoft.netcore.app.runtime.linux-x64", version, "runtimes", "linux-x64");
        string dotnetRoot = Path.Combine(tree.Root, "dotnet8");
        string framework = Path.Combine(dotnetRoot, "shared", "Microsoft.NETCore.App", version);
        string fxr = Path.Combine(dotnetRoot, "host", "fxr", version);
        Directory.CreateDirectory(framework);
        Directory.CreateDirectory(fxr);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(pack, "lib", "net8.0")))
        {
            File.Copy(file, Path.Combine(framework, Path.GetFileName(file)));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(pack, "native")))
        {
            File.Copy(file, Path.Combine(Path.GetFileName(file) == "libhostfxr.so" ? fxr : framework, Path.GetFileName(file)));
        }

        string trace = Path.Combine(tree.Root, "host-trace.txt");
        string apphost = Path.Combine(artifacts, "bin", "CmkLint", "debug_net8.0", "cmklint");
        Assert.True(File.Exists(apphost), "framework-dependent net8.0 build not found at " + apphost);
        var onNet8 = Run(apphost, (dotnetRoot, trace), sample, "--no-color");
        Assert.True(onNet8.ExitCode == 1, onNet8.ToString());
        Assert.True(onNet8.Out.Contains("error CMK001", StringComparison.Ordinal), onNet8.ToString());
        string chosen = Regex.Match(File.ReadAllText(trace), @"Chose FX version \[([^\]]*)\]").Groups[1].Value;
        Assert.Equal(framework, chosen);
    }

    private static void Dotnet(params string[] args)
    {
        var result = Run("dotnet", null, args);
        Assert.True(result.ExitCode == 0, "dotnet " + string.Join(" ", args) + "\n" + result);
    }

    private static CliResult Run(string executable, (string DotnetRoot, string Trace)? runtime, params string[] args)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (runtime is { } r)
        {
            // The test host sets DOTNET_ROOT_X64 and friends, which the apphost prefers: only ours may count.
            foreach (var key in new System.Collections.Generic.List<string>(start.Environment.Keys))
            {
                if (key.StartsWith("DOTNET_ROOT", StringComparison.Ordinal))
                {
                    start.Environment.Remove(key);
                }
            }

            start.Environment["DOTNET_ROOT"] = r.DotnetRoot;
            start.Environment["DOTNET_MULTILEVEL_LOOKUP"] = "0";
            start.Environment.Remove("DOTNET_ROLL_FORWARD");
            start.Environment["COREHOST_TRACE"] = "1";
            start.Environment["COREHOST_TRACEFILE"] = r.Trace;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
