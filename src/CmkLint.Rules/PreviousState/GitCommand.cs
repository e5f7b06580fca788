using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CmkLint.PreviousState;

/// <summary>What one run of the <c>git</c> executable gave: its exit code, output bytes and error text.</summary>
internal sealed class GitOutput
{
    public GitOutput(int exitCode, byte[] output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    /// <summary>The exit code; -1 when git could not be started at all.</summary>
    public int ExitCode { get; }

    public byte[] Output { get; }

    public string Error { get; }

    public bool Succeeded => ExitCode == 0;

    public string Text => Encoding.UTF8.GetString(Output);
}

/// <summary>
/// A repository as CmkLint found it (the nearest <c>.git</c> above the analysis root): every git call
/// names it with <c>--git-dir</c> and <c>--work-tree</c>, so git never discovers a repository of its
/// own (a pull request can commit a bare repository as plain files; git would use its config).
/// </summary>
internal sealed class GitRepositoryLocation
{
    public GitRepositoryLocation(string gitDirectory, string workTree)
    {
        GitDirectory = gitDirectory;
        WorkTree = workTree;
    }

    /// <summary>The <c>.git</c> folder, or the <c>.git</c> file of a worktree or submodule (git follows it).</summary>
    public string GitDirectory { get; }

    /// <summary>The folder holding <c>.git</c>: paths in the repository are relative to it.</summary>
    public string WorkTree { get; }

    /// <summary>The nearest folder at or above <paramref name="folder"/> holding a <c>.git</c> entry (git never commits one).</summary>
    public static GitRepositoryLocation? Find(string folder)
    {
        DirectoryInfo? current;
        try
        {
            current = new DirectoryInfo(Path.GetFullPath(folder));
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
        {
            return null;
        }

        while (current is not null)
        {
            string git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return new GitRepositoryLocation(git, current.FullName);
            }

            current = current.Parent;
        }

        return null;
    }
}

/// <summary>
/// Runs the <c>git</c> executable, hardened against the repository it reads: the repository is pinned,
/// every setting through which a repository's (or a planted) configuration can run a program is
/// overridden on the command line, system and global configuration are not read, and only plumbing
/// commands that do not scan the working tree are used. Runs are asynchronous and at most
/// <see cref="MaxConcurrentProcesses"/> run at once; never throws.
/// </summary>
internal static class GitCommand
{
    /// <summary>git processes at once: enough to overlap, few enough not to swamp a 2-core CI runner.</summary>
    public const int MaxConcurrentProcesses = 4;

    /// <summary>A safety net so a wedged git (a lock, a huge repository) cannot hang a lint run forever.</summary>
    private const int TimeoutMilliseconds = 60_000;

    /// <summary>Output kept from one call (a listing of a huge repository is cut, and the call fails).</summary>
    private const int MaxOutputBytes = 256 * 1024 * 1024;

    /// <summary>Error text kept from one call.</summary>
    private const int MaxErrorChars = 16 * 1024;

    /// <summary>
    /// <c>-c</c> overrides for every configuration key that makes git run a program or follow the
    /// repository's choices: fsmonitor, hooks, pagers, external diff, text conversion and filters
    /// (through attributes), credential and transport helpers, and implicit bare repositories.
    /// </summary>
    private static readonly string[] Hardening =
    {
        "core.fsmonitor=false",
        "core.hooksPath=/dev/null",
        "core.pager=cat",
        "pager.diff=false",
        "pager.log=false",
        "diff.external=",
        "core.attributesFile=/dev/null",
        "core.askPass=",
        "core.sshCommand=",
        "credential.helper=",
        "core.gitProxy=",
        "protocol.allow=never",
        "core.alternateRefsCommand=",
        "uploadpack.packObjectsHook=",
        "core.untrackedCache=false",
        "core.splitIndex=false",
        "gc.auto=0",
        "maintenance.auto=false",
        "core.quotePath=false",
        "safe.bareRepository=explicit",
    };

    private static readonly SemaphoreSlim Slots = new(MaxConcurrentProcesses, MaxConcurrentProcesses);

    /// <summary>Runs git on the repository and waits for it (for callers that are not asynchronous).</summary>
    public static GitOutput Run(GitRepositoryLocation repository, params string[] arguments) =>
        RunAsync(repository, null, arguments).GetAwaiter().GetResult();

    /// <summary>Runs <c>git --git-dir=... --work-tree=... -c ... arguments</c>, writing <paramref name="input"/> (if any) to its standard input.</summary>
    public static async Task<GitOutput> RunAsync(GitRepositoryLocation repository, byte[]? input, params string[] arguments)
    {
        await Slots.WaitAsync().ConfigureAwait(false);
        try
        {
            return await RunCoreAsync(repository, input, arguments).ConfigureAwait(false);
        }
        finally
        {
            Slots.Release();
        }
    }

    /// <summary>The full argument list for one call: the pinned repository, the overrides, then the command.</summary>
    public static List<string> CommandLine(GitRepositoryLocation repository, IEnumerable<string> arguments)
    {
        var all = new List<string>
        {
            "--git-dir=" + repository.GitDirectory,
            "--work-tree=" + repository.WorkTree,
            "--no-pager",
            "--no-replace-objects",
            "--literal-pathspecs",
        };

        // The checkout is trusted as the folder the user asked to analyse; every program it could name is overridden below.
        all.Add("-c");
        all.Add("safe.directory=" + repository.WorkTree.Replace('\\', '/'));
        foreach (var setting in Hardening)
        {
            all.Add("-c");
            all.Add(setting);
        }

        all.AddRange(arguments);
        return all;
    }

    /// <summary>NUL-separated output (<c>-z</c>), without the empty trailing entry.</summary>
    public static List<string> SplitNul(GitOutput output)
    {
        var list = new List<string>();
        foreach (var part in output.Text.Split('\0'))
        {
            if (part.Length > 0)
            {
                list.Add(part);
            }
        }

        return list;
    }

    private static async Task<GitOutput> RunCoreAsync(GitRepositoryLocation repository, byte[]? input, string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = repository.WorkTree,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            Arguments = Join(CommandLine(repository, arguments)),
        };

        Environment(start);
        Process process;
        var exited = new TaskCompletionSource<bool>();
        try
        {
            process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.Exited += (_, _) => exited.TrySetResult(true);
            if (!process.Start())
            {
                return new GitOutput(-1, Array.Empty<byte>(), "git could not be started");
            }
        }
        catch (Win32Exception e)
        {
            return new GitOutput(-1, Array.Empty<byte>(), "the git executable was not found or could not be started (" + e.Message + ")");
        }
        catch (Exception e) when (e is InvalidOperationException || e is IOException || e is UnauthorizedAccessException)
        {
            return new GitOutput(-1, Array.Empty<byte>(), "git could not be run: " + e.Message);
        }

        using (process)
        {
            try
            {
                var output = ReadBoundedAsync(process.StandardOutput.BaseStream, MaxOutputBytes);
                var error = ReadErrorAsync(process.StandardError);
                var write = WriteInputAsync(process.StandardInput.BaseStream, input);
                var all = Task.WhenAll(output, error, write, exited.Task);
                if (await Task.WhenAny(all, Task.Delay(TimeoutMilliseconds)).ConfigureAwait(false) != all)
                {
                    Kill(process);
                    return new GitOutput(-1, Array.Empty<byte>(), "git did not finish within " + (TimeoutMilliseconds / 1000) + " seconds");
                }

                process.WaitForExit();
                var bytes = await output.ConfigureAwait(false);
                string errorText = (await error.ConfigureAwait(false)).Trim();
                if (bytes is null)
                {
                    return new GitOutput(-1, Array.Empty<byte>(), "git wrote more than " + (MaxOutputBytes / (1024 * 1024)) + " MB");
                }

                return new GitOutput(process.ExitCode, bytes, errorText);
            }
            catch (Exception e) when (e is InvalidOperationException || e is IOException || e is UnauthorizedAccessException)
            {
                Kill(process);
                return new GitOutput(-1, Array.Empty<byte>(), "git could not be run: " + e.Message);
            }
        }
    }

    /// <summary>No system or global configuration, no prompts, no optional locks, no inherited GIT_* redirections, stable English messages.</summary>
    private static void Environment(ProcessStartInfo start)
    {
        var inherited = new List<string>();
        foreach (DictionaryEntry entry in start.EnvironmentVariables)
        {
            if (entry.Key is string name && name.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(name);
            }
        }

        foreach (var name in inherited)
        {
            start.EnvironmentVariables.Remove(name);
        }

        start.EnvironmentVariables["GIT_CONFIG_NOSYSTEM"] = "1";
        start.EnvironmentVariables["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.EnvironmentVariables["GIT_ATTR_NOSYSTEM"] = "1";
        start.EnvironmentVariables["GIT_TERMINAL_PROMPT"] = "0";
        start.EnvironmentVariables["GIT_OPTIONAL_LOCKS"] = "0";
        start.EnvironmentVariables["GIT_PAGER"] = "cat";
        start.EnvironmentVariables["PAGER"] = "cat";
        start.EnvironmentVariables["GIT_NO_REPLACE_OBJECTS"] = "1";
        start.EnvironmentVariables["GIT_PROTOCOL_FROM_USER"] = "0";
        start.EnvironmentVariables["LC_ALL"] = "C";
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        bool over = false;
        while (true)
        {
            int read = await stream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            // Keep draining past the limit so git is not blocked on a full pipe; the call fails.
            if (!over && buffer.Length + read <= maxBytes)
            {
                buffer.Write(chunk, 0, read);
            }
            else
            {
                over = true;
            }
        }

        return over ? null : buffer.ToArray();
    }

    private static async Task<string> ReadErrorAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var chunk = new char[4096];
        while (true)
        {
            int read = await reader.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
            if (read == 0)
            {
                return text.ToString();
            }

            if (text.Length < MaxErrorChars)
            {
                text.Append(chunk, 0, Math.Min(read, MaxErrorChars - text.Length));
            }
        }
    }

    private static async Task WriteInputAsync(Stream stdin, byte[]? input)
    {
        try
        {
            if (input is not null && input.Length > 0)
            {
                await stdin.WriteAsync(input, 0, input.Length).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // git ended before reading everything (it failed); its exit code says so.
        }
        finally
        {
            try
            {
                stdin.Dispose();
            }
            catch (IOException)
            {
                // The pipe is already broken.
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException || e is Win32Exception || e is NotSupportedException)
        {
            // It ended in the meantime.
        }
    }

    /// <summary>Quotes arguments for the process command line (netstandard2.0 has no ArgumentList).</summary>
    private static string Join(IEnumerable<string> arguments)
    {
        var sb = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\', '\'' }) < 0)
            {
                sb.Append(argument);
                continue;
            }

            sb.Append('"');
            int backslashes = 0;
            foreach (char c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                if (c == '"')
                {
                    sb.Append('\\', (backslashes * 2) + 1);
                }
                else
                {
                    sb.Append('\\', backslashes);
                }

                backslashes = 0;
                sb.Append(c);
            }

            sb.Append('\\', backslashes * 2);
            sb.Append('"');
        }

        return sb.ToString();
    }
}
