using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CmkLint.Rules.Tests.Oracle;

/// <summary>The official Bicep compiler from the Azure.Bicep.CommandLine.linux-x64 package (restored, never loaded).</summary>
internal static class BicepCompiler
{
    /// <summary>The <c>bicep</c> executable, or null when the package is not restored for this platform.</summary>
    public static string? Executable { get; } = Find();

    private static string? Find()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return null;
        }

        string? package = null;
        foreach (var attribute in typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "BicepCompilerPackage")
            {
                package = attribute.Value;
            }
        }

        if (string.IsNullOrEmpty(package))
        {
            return null;
        }

        string path = Path.Combine(package!, "tools", "bicep");
        if (!File.Exists(path))
        {
            return null;
        }

        // NuGet does not keep the execute bit on every machine.
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    /// <summary>
    /// Compiles every <c>.bicep</c> under <paramref name="sourceRoot"/> in ONE process (a batch
    /// keeps the run short), writing the JSON to the same relative paths under <paramref name="outputRoot"/>.
    /// Files the compiler rejects get no output.
    /// </summary>
    public static string BuildAll(string sourceRoot, string outputRoot)
    {
        var start = new ProcessStartInfo(Executable!)
        {
            WorkingDirectory = sourceRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("build");
        start.ArgumentList.Add("--pattern");
        start.ArgumentList.Add("**/*.bicep");
        start.ArgumentList.Add("--outdir");
        start.ArgumentList.Add(outputRoot);
        start.ArgumentList.Add("--no-restore");
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return stdout + stderr.Result;
    }
}
