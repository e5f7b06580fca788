using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace CmkLint.Cli.Commands;

/// <summary>
/// Usage errors that name the option and suggest the right spelling: an unknown flag (<c>--formt</c>:
/// did you mean <c>--format</c>?) and a value outside an option's choices (<c>-f yaml</c>).
/// </summary>
internal static class OptionChecks
{
    /// <summary>Restricts <paramref name="option"/> to <paramref name="choices"/>, with an error that names the option and the closest choice.</summary>
    public static void Restrict(Option<string> option, params string[] choices)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!choices.Contains(token.Value, StringComparer.Ordinal))
                {
                    result.AddError($"{option.Name}: '{token.Value}' is not one of {string.Join(", ", choices)}{Suggestions.DidYouMean(token.Value, choices)}");
                }
            }
        });
        option.CompletionSources.Add(choices);
    }

    /// <summary>The first argument that looks like an option but is none of <paramref name="command"/>'s (or its subcommand's), as an error message; null when all are known.</summary>
    public static string? UnknownOption(Command command, IReadOnlyList<string> args)
    {
        var current = command;
        bool first = true;
        Option? expectingValue = null;
        foreach (string arg in args)
        {
            if (arg == "--")
            {
                return null;
            }

            if (first && current.Subcommands.FirstOrDefault(c => c.Name == arg) is { } sub)
            {
                current = sub;
                first = false;
                continue;
            }

            first = false;
            if (expectingValue is not null)
            {
                expectingValue = null;
                continue;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                continue;
            }

            string name = arg.Split('=', ':')[0];
            var options = AllOptions(command, current).ToList();
            var option = options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            if (option is null)
            {
                var names = options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal) || name.Length == 2);
                return $"unknown option '{name}'{Suggestions.DidYouMean(name, names)}";
            }

            if (name.Length == arg.Length && option.Arity.MinimumNumberOfValues > 0)
            {
                expectingValue = option;
            }
        }

        return null;
    }

    private static IEnumerable<Option> AllOptions(Command root, Command current) =>
        current.Options.Concat(ReferenceEquals(root, current) ? Enumerable.Empty<Option>() : root.Options.Where(o => o.Recursive));
}
