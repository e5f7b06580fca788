using System;
using System.Diagnostics;
using System.IO;

namespace CmkLint.Rules.Tests.PreviousState;

/// <summary>A real git repository in a temporary folder: tests commit versions of templates into it.</summary>
internal sealed class GitRepositoryFixture : IDisposable
{
    public GitRepositoryFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "cmklint-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "CmkLint Tests");
        Git("config", "user.email", "tests@cmklint.invalid");
        Git("config", "commit.gpgsign", "false");
    }

    public string Root { get; }

    /// <summary>The full path of a file of the repository.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string text)
    {
        string full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed: {error}");
        }

        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder does not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
            // git makes its objects read-only on some systems; the folder is temporary anyway.
        }
    }
}
