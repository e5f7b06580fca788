using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using CmkLint.Cli;
using Xunit;

// The CLI reads the process's current folder (paths in findings are relative to it), so tests that set it run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CmkLint.Tests;

/// <summary>What one cmklint run printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs cmklint in-process (fast) or as a real process, in a given folder.</summary>
public static class CliHarness
{
    public static CliResult Run(string folder, params string[] args) => Run(folder, terminal: false, noColorEnvironment: false, args);

    public static CliResult Run(string folder, bool terminal, bool noColorEnvironment, params string[] args)
    {
        string previous = Directory.GetCurrentDirectory();
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        try
        {
            Directory.SetCurrentDirectory(folder);
            int code = CmkLintCommand.Run(args, new CliConsole(output, error, terminal, terminal, noColorEnvironment));
            return new CliResult(code, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    /// <summary>Runs the built <c>cmklint.dll</c> with <c>dotnet</c>, as a user would.</summary>
    public static CliResult RunProcess(string folder, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "cmklint.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>The repository (the folder with CmkLint.sln) and the shared folder beside it.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CmkLint.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("CmkLint.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>CI clones <c>shared/</c> beside the repository; a worktree may sit one level deeper, so parents are searched.</summary>
    public static string Shared
    {
        get
        {
            var folder = new DirectoryInfo(Root).Parent;
            while (folder is not null)
            {
                string candidate = Path.Combine(folder.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "tools")))
                {
                    return candidate;
                }

                folder = folder.Parent;
            }

            return Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        }
    }
}

/// <summary>A temporary folder of files, deleted afterwards.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "cmklint-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relative, string text)
    {
        string path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        string path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public CliResult Run(params string[] args) => CliHarness.Run(Root, args);

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories))
            {
                try
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }
                catch (IOException)
                {
                }
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
