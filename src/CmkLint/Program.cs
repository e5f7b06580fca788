namespace CmkLint.Cli;

/// <summary>The entry point of the <c>cmklint</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => CmkLintCommand.Run(args, CliConsole.System());
}
