using System;
using System.IO;

namespace CmkLint.Cli;

/// <summary>Where the command writes, and whether each stream is a terminal (colour and progress only go to terminals).</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool outputIsTerminal = false, bool errorIsTerminal = false, bool noColorEnvironment = false)
    {
        Out = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        NoColorEnvironment = noColorEnvironment;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>The <c>NO_COLOR</c> convention (no-color.org), or a dumb terminal.</summary>
    public bool NoColorEnvironment { get; }

    /// <summary>The process's console.</summary>
    public static CliConsole System()
    {
        bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) || Environment.GetEnvironmentVariable("TERM") == "dumb";
        return new CliConsole(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected, noColor);
    }
}
