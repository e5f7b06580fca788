using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests.Hostile;

/// <summary>
/// A temporary folder laid out as a hostile pull request would (FIFOs, symbolic links, planted git
/// repositories), always with an ordinary bad template (<c>bad.json</c>, CMK001) beside the hostile
/// input, and runs the real <c>cmklint</c> process in it with a hard stop, so a regression that hangs
/// fails the test instead of the test run.
/// </summary>
internal sealed class HostileTree : IDisposable
{
    /// <summary>The issue's acceptance bound for one hostile input on this machine; a run still going is killed and the test fails.</summary>
    private const int KillAfterMilliseconds = 10_000;

    public HostileTree(bool gitRepository = false)
    {
        Root = Path.Combine(Path.GetTempPath(), "cmklint-hostile", Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Root);
        if (gitRepository)
        {
            Git("init", "-q", "-b", "main");
            Git("config", "user.name", "CmkLint Tests");
            Git("config", "user.email", "tests@cmklint.invalid");
            Git("config", "commit.gpgsign", "false");
        }

        Write("bad.json", Templates.Registry("Standard", "ordinarybad"));
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string text)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    public string Fifo(string relative)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.Equal(0, Tool("mkfifo", Root, path).ExitCode);
        return path;
    }

    public string Link(string relative, string target)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    public string Git(params string[] arguments)
    {
        var result = Tool("git", Root, arguments);
        Assert.True(result.ExitCode == 0, "git " + string.Join(" ", arguments) + ": " + result.Error);
        return result.Out;
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    /// <summary>Runs the built <c>cmklint.dll</c> in <paramref name="folder"/>.</summary>
    public CliResult RunIn(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cmklint.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var result = Start(start);
        Assert.True(result.ExitCode is 0 or 1, "cmklint must end with 0 or 1 on hostile input\n" + result);
        return result;
    }

    public CliResult Run(params string[] args) => RunIn(Root, args);

    /// <summary>The report must still contain the ordinary finding beside the hostile input.</summary>
    public static void AssertOrdinaryFindingReported(string report) =>
        Assert.Contains("ordinarybad", report, StringComparison.Ordinal);

    /// <summary>JSON and SARIF reports must parse.</summary>
    public static JObject ParseReport(string text) => JObject.Parse(text);

    public static CliResult Tool(string file, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        return Start(start);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private static CliResult Start(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(KillAfterMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{start.FileName} {string.Join(" ", start.ArgumentList)} did not end within {KillAfterMilliseconds / 1000} s (killed)");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
