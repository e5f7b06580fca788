using CmkLint.Configuration;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>The linear glob matcher: git's wildmatch for .gitignore, located errors for configuration patterns.</summary>
public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("**/a.json", "a.json", true)]
    [InlineData("**/a.json", "x/y/a.json", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("a**b", "a/b", false)]
    [InlineData("a**b", "axxb", true)]
    [InlineData("*.json", "x/a.json", false)]
    [InlineData("[!a]b", "xb", true)]
    [InlineData("[^a]b", "ab", false)]
    [InlineData("[[:digit:]]x", "7x", true)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("\\*x", "ax", false)]
    [InlineData("{a,b}.json", "{a,b}.json", true)]
    [InlineData("?", "/", false)]
    public void Gitignore_patterns_match_as_git_wildmatch(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new GlobPattern(pattern, GlobSyntax.Git).IsMatch(path));
    }

    [Theory]
    [InlineData("[z-a]")]
    [InlineData("[z-a]x")]
    [InlineData("[unclosed")]
    [InlineData("x[")]
    [InlineData("[[:nope:]]")]
    [InlineData("trailing\\")]
    public void Invalid_gitignore_patterns_match_nothing(string pattern)
    {
        var glob = new GlobPattern(pattern, GlobSyntax.Git);

        foreach (var path in new[] { "z", "a", "zx", "[unclosed", "x[", "n", "trailing\\", "trailing" })
        {
            Assert.False(glob.IsMatch(path), pattern + " matched " + path);
        }
    }

    [Theory]
    [InlineData("infra/[z-a].json", 7, "the range 'z-a' is reversed")]
    [InlineData("infra/[abc.json", 6, "'[' is not closed by ']'")]
    [InlineData("env/{dev,prod.json", 4, "'{' is not closed by '}'")]
    [InlineData("[[:nope:]]", 1, "unknown character class '[:nope:]'")]
    public void Invalid_configuration_patterns_say_where(string pattern, int offset, string message)
    {
        var error = new GlobPattern(pattern).Error;

        Assert.NotNull(error);
        Assert.Equal(offset, error!.Offset);
        Assert.StartsWith(message, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Braces_expand_but_not_without_bound()
    {
        Assert.True(new GlobPattern("env/{dev,{prod,test}}.json").IsMatch("env/test.json"));
        Assert.NotNull(new GlobPattern(string.Concat(System.Linq.Enumerable.Repeat("{a,b}", 9))).Error);
        Assert.NotNull(new GlobPattern(string.Concat(System.Linq.Enumerable.Repeat("{a}", 5000))).Error);
    }

    [Fact]
    public void A_pattern_that_backtracks_in_a_regex_is_matched_in_one_pass()
    {
        // A backtracking matcher tries on the order of C(4000, 16) splits here; the automaton makes one pass:
        // its steps (tokens looked at per path character) stay within two per pattern character per path character.
        const string Pattern = "**/**/**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
        var glob = new GlobPattern(Pattern, GlobSyntax.Git);
        string folders = string.Concat(System.Linq.Enumerable.Repeat("aaaaaaaaa/", 40));
        string run = new string('a', 4000);

        // The miss ends with the pattern's literal 'b' (so the automaton runs; the tail check costs one step):
        // its last folder name, "b", has none of the a's.
        string path = folders + run + "/b";
        Assert.False(glob.IsMatch(path, out long missSteps));
        Assert.True(glob.IsMatch(folders + run + "b", out long matchSteps));
        Assert.InRange(missSteps, path.Length, 2L * Pattern.Length * path.Length + 1);
        Assert.InRange(matchSteps, path.Length, 2L * Pattern.Length * path.Length + 1);

        // Linear: a path twice as long costs twice the automaton's steps, not more.
        string twice = folders + run + new string('a', path.Length) + "/b";
        Assert.Equal(2 * path.Length, twice.Length);
        Assert.False(glob.IsMatch(twice, out long doubleSteps));
        Assert.Equal(2 * (missSteps - 1), doubleSteps - 1);
    }

    [Fact]
    public void A_path_without_the_patterns_literal_tail_is_refused_at_once()
    {
        var glob = new GlobPattern("**/*.bicep");
        string json = "quickstarts/" + string.Concat(System.Linq.Enumerable.Repeat("folder/", 50)) + "azuredeploy.json";
        Assert.False(glob.IsMatch(json, out long steps));
        Assert.InRange(steps, 1, ".bicep".Length);
        Assert.True(glob.IsMatch("quickstarts/a/main.bicep"));
        Assert.True(new GlobPattern("**/*.BICEP", ignoreCase: true).IsMatch("a/main.bicep"));
        Assert.False(new GlobPattern("**/*.bicep").IsMatch("a/main.bicepparam"));
        Assert.True(new GlobPattern("{**/*.bicep,**/*.json}").IsMatch("a/b.json"));
        Assert.False(new GlobPattern("abc.json").IsMatch("c.json"));
    }
}
