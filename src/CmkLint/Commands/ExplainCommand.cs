using System.CommandLine;
using System.IO;
using CmkLint.Rules;

namespace CmkLint.Cli.Commands;

/// <summary><c>cmklint explain CMK004</c> (or a rule name): the rule's documentation page, shipped inside the tool.</summary>
internal static class ExplainCommand
{
    public static Command Build(CliConsole console)
    {
        var rule = new Argument<string>("rule") { Description = "A rule ID (CMK004) or name (cmk-key-access).", HelpName = "ID|NAME" };
        var command = new Command("explain", "Print a rule's documentation: what it finds, why, failing and fixed examples, how to suppress it.");
        command.Arguments.Add(rule);
        command.SetAction(result => Run(result.GetValue(rule) ?? string.Empty, console));
        return command;
    }

    private static int Run(string idOrName, CliConsole console)
    {
        var descriptor = RuleCatalog.Find(idOrName);
        if (descriptor is null)
        {
            console.Error.WriteLine($"cmklint: unknown rule '{idOrName}'{Suggestions.DidYouMean(idOrName, Suggestions.RuleNames)} (run 'cmklint rules' for the list)");
            return CmkLintCommand.ExitUsageOrInternal;
        }

        using var page = typeof(ExplainCommand).Assembly.GetManifestResourceStream("rules/" + descriptor.Id + ".md");
        if (page is null)
        {
            console.Out.WriteLine($"{descriptor.Id}: {descriptor.Name} ({RulesCommand.Name(descriptor.DefaultLevel)})");
            console.Out.WriteLine(descriptor.Title);
            console.Out.WriteLine(descriptor.FullDescription);
            console.Out.WriteLine(descriptor.HelpUri);
            return CmkLintCommand.ExitClean;
        }

        using var reader = new StreamReader(page);
        console.Out.Write(reader.ReadToEnd());
        return CmkLintCommand.ExitClean;
    }
}
