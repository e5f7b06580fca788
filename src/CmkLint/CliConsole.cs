using System;
using System.IO;

namespace CmkLint.Cli;

/// <summary>Where the command writes, and whether each stream is a terminal (colour and progress only go to terminals).</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool outputIsTerminal = false, bool errorIsTerminal = false, bool noColorEnvironment = false)
    {
        Out = output;
        RawError = error;
        Error = new EscapingWriter(error);
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        NoColorEnvironment = noColorEnvironment;
    }

    public TextWriter Out { get; }

    /// <summary>Standard error for messages: control characters in them (from file names, patterns, git) are escaped, one message per line.</summary>
    public TextWriter Error { get; }

    /// <summary>Standard error as it is, for the progress indicator's own terminal codes.</summary>
    public TextWriter RawError { get; }

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

/// <summary>Writes messages with their control characters escaped (<see cref="Reporting.PrintableText"/>); only WriteLine ends a line.</summary>
internal sealed class EscapingWriter : TextWriter
{
    private readonly TextWriter inner;

    public EscapingWriter(TextWriter inner)
    {
        this.inner = inner;
    }

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(Reporting.PrintableText.Escape(value.ToString()));

    public override void Write(string? value) => inner.Write(Reporting.PrintableText.Escape(value ?? string.Empty));

    public override void WriteLine() => inner.WriteLine();

    public override void WriteLine(string? value) => inner.WriteLine(Reporting.PrintableText.Escape(value ?? string.Empty));

    public override void Flush() => inner.Flush();
}
