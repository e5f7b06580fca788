using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Rules;

namespace CmkLint.Cli.Commands;

/// <summary>"Did you mean ...?" for a mistyped option, value or rule (the engine's <see cref="NameSuggestions"/>, which suppressions use too).</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate (case-insensitive), or null when none is close enough.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates) => NameSuggestions.Closest(input, candidates);

    /// <summary><c>; did you mean 'X'?</c>, or nothing.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) => NameSuggestions.DidYouMean(input, candidates);

    /// <summary>Every rule ID and name (what <c>--select</c>, <c>--ignore</c> and <c>explain</c> accept).</summary>
    public static IEnumerable<string> RuleNames => RuleCatalog.IdsAndNames;
}
