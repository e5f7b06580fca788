using System;
using System.CommandLine;
using System.IO;

namespace CmkLint.Cli.LanguageServer;

/// <summary><c>cmklint lsp</c>: the language server over standard input and output (docs/editors.md).</summary>
internal static class LanguageServerCommand
{
    public static Command Create()
    {
        // Editors' clients add --stdio (vscode-languageclient does); stdio is the only transport, so it is accepted and changes nothing.
        var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over standard input and output (the default and only transport)." };
        var command = new Command("lsp", "Run the CmkLint language server (LSP over stdio) for .bicep, .bicepparam and ARM .json files: diagnostics as you type, quick fixes.");
        command.Options.Add(stdio);
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();

        // Standard output carries the protocol: anything else printed there would corrupt it.
        var log = Console.Error;
        Console.SetOut(log);
        return new LanguageServerSession(input, output, log).Run();
    }
}
