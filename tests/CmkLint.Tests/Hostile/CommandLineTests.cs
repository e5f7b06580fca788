using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CmkLint.Tests.Hostile;

/// <summary>Issue 12, item 5: file names, <c>.gitignore</c>, <c>cmklint.json</c> and explicit inputs from a pull request cannot steer or silence the run.</summary>
public sealed class CommandLineTests : IDisposable
{
    /// <summary>Backtracks exponentially in a regex translation of the glob (the path has no 'b').</summary>
    private const string BacktrackingGlob = "**/**/**/*a*a*a*a*a*a*a*a*a*a*a*a*b.json";

    private readonly HostileTree tree = new();

    public void Dispose() => tree.Dispose();

    [Fact]
    public void An_argument_starting_with_at_is_a_path_not_a_response_file()
    {
        tree.Write("@x.json", "--output elsewhere.txt --fail-level none\n");

        var result = tree.Run("@x.json", "bad.json");

        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(tree.PathOf("elsewhere.txt")));
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }

    [Fact]
    public void A_backtracking_glob_in_gitignore_configuration_or_command_line_ends()
    {
        string deep = "infra/" + string.Concat(Enumerable.Repeat("aaaaaaaaaa/", 8)) + new string('a', 120) + ".json";
        tree.Write(deep, Templates.Registry("Standard", "deep"));
        tree.Write("infra/" + new string('a', 12) + "b.json", Templates.Registry("Standard", "hit"));
        var glob = tree.Run("infra/" + BacktrackingGlob, "bad.json");
        tree.Write("cmklint.json", $"{{ \"exclude\": [\"{BacktrackingGlob}\"] }}");
        var excluded = tree.Run();
        File.Delete(tree.PathOf("cmklint.json"));
        tree.Write(".gitignore", BacktrackingGlob + "\n");
        var ignored = tree.Run();

        foreach (var result in new[] { excluded, ignored })
        {
            Assert.Contains("Registry 'deep'", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("Registry 'hit'", result.Out, StringComparison.Ordinal);
            HostileTree.AssertOrdinaryFindingReported(result.Out);
        }

        Assert.Contains("Registry 'hit'", glob.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Registry 'deep'", glob.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(glob.Out);
    }

    [Fact]
    public void An_invalid_bracket_in_gitignore_matches_nothing_as_in_git()
    {
        tree.Write(".gitignore", "[z-a].json\n[unclosed\nbad[\n");
        tree.Write("a.json", Templates.Registry("Standard", "kept"));

        var result = tree.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Registry 'kept'", result.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(result.Out);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_glob_in_the_configuration_is_a_usage_error_at_its_line_and_column()
    {
        tree.Write("cmklint.json", "{\n  \"exclude\": [\"legacy/[z-a].json\"]\n}\n");

        var result = CliHarness.Run(tree.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cmklint.json(2,24): error: invalid path pattern 'legacy/[z-a].json': the range 'z-a' is reversed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_glob_on_the_command_line_is_a_usage_error_at_its_column()
    {
        var result = CliHarness.Run(tree.Root, "infra/[z-a]*.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("command line: argument 'infra/[z-a]*.json', column 8: invalid glob: the range 'z-a' is reversed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tracked_template_hidden_by_gitignore_is_still_analysed()
    {
        using var repository = new HostileTree(gitRepository: true);
        repository.Write("infra/main.json", Templates.Registry("Standard", "tracked"));
        repository.Commit("v1");
        repository.Write(".gitignore", "infra/\n*.json\n");
        repository.Write("infra/untracked.json", Templates.Registry("Standard", "untracked"));

        var result = repository.Run();

        Assert.Contains("Registry 'tracked'", result.Out, StringComparison.Ordinal);
        Assert.Contains("Registry 'ordinarybad'", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Registry 'untracked'", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_parameters_file_without_schema_is_an_error()
    {
        tree.Write("bad.params.json", "{ \"parameters\": { \"sku\": { \"value\": \"Premium\" } } }");

        var result = tree.Run("bad.json", "--parameters", "bad.params.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.params.json(1,1): error CMK900: 'bad.params.json' is given as the parameters file of 'bad.json', but it is not a parameters file", result.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }

    [Theory]
    [InlineData("using 'self.bicepparam'\n", "'using' names this parameters file itself")]
    [InlineData("using 'other.bicepparam'\n", "'using' names another parameters file ('other.bicepparam')")]
    [InlineData("using 'params.json'\n", "'using' names another parameters file ('params.json')")]
    [InlineData("using 'notes.json'\n", "'using' names 'notes.json', which is not an ARM template or Bicep file")]
    [InlineData("using 'missing.bicep'\n", "the template 'missing.bicep' named by 'using' does not exist")]
    public void A_bicepparam_whose_using_is_not_a_template_is_an_error_at_using(string text, string expected)
    {
        tree.Write("self.bicepparam", text);
        tree.Write("other.bicepparam", "using 'bad.json'\n");
        tree.Write("params.json", Templates.Parameters("Premium"));
        tree.Write("notes.json", "{ \"notes\": [1, 2, 3] }");

        var result = tree.Run("self.bicepparam", "bad.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("self.bicepparam(1,7): error CMK900: " + expected, result.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }
}
