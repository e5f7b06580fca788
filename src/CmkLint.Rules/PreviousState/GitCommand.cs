using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;

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
/// Runs the <c>git</c> executable (the repository's own reading of revisions, renames and blobs is the
/// truth, so CmkLint does not reimplement it). Only local commands are run; never throws.
/// </summary>
internal static class GitCommand
{
    /// <summary>A safety net so a wedged git (a lock, a huge repository) cannot hang a lint run forever.</summary>
    private const int TimeoutMilliseconds = 60_000;

    public static GitOutput Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            Arguments = Join(arguments),
        };

        // No prompts (credentials, pagers), no optional index locks taken while another git runs, stable English messages.
        start.EnvironmentVariables["GIT_TERMINAL_PROMPT"] = "0";
        start.EnvironmentVariables["GIT_OPTIONAL_LOCKS"] = "0";
        start.EnvironmentVariables["GIT_PAGER"] = "cat";
        start.EnvironmentVariables["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return new GitOutput(-1, Array.Empty<byte>(), "git could not be started");
            }

            process.StandardInput.Close();
            var error = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (error)
                    {
                        error.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            if (!process.WaitForExit(TimeoutMilliseconds))
            {
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // It ended in the meantime.
                }

                return new GitOutput(-1, Array.Empty<byte>(), "git did not finish within " + (TimeoutMilliseconds / 1000) + " seconds");
            }

            process.WaitForExit();
            string errorText;
            lock (error)
            {
                errorText = error.ToString().Trim();
            }

            return new GitOutput(process.ExitCode, buffer.ToArray(), errorText);
        }
        catch (Win32Exception e)
        {
            return new GitOutput(-1, Array.Empty<byte>(), "the git executable was not found or could not be started (" + e.Message + ")");
        }
        catch (Exception e) when (e is InvalidOperationException || e is IOException || e is UnauthorizedAccessException)
        {
            return new GitOutput(-1, Array.Empty<byte>(), "git could not be run: " + e.Message);
        }
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

    /// <summary>Quotes arguments for the process command line (netstandard2.0 has no ArgumentList).</summary>
    private static string Join(string[] arguments)
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
