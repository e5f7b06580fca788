using System.CommandLine;

namespace CmkLint.Cli.Commands;

/// <summary>The commands besides linting: <c>rules</c>, <c>explain</c> and <c>help</c> (a path with one of these names is written <c>./rules</c>).</summary>
internal static class Subcommands
{
    public static void AddTo(RootCommand root, CliConsole console)
    {
        root.Subcommands.Add(RulesCommand.Build(console));
        root.Subcommands.Add(ExplainCommand.Build(console));
        var help = new Command("help", "Show the options, examples and exit codes (as --help).");
        help.SetAction(result => root.Parse(new[] { "--help" }).Invoke(result.InvocationConfiguration));
        root.Subcommands.Add(help);
    }
}
