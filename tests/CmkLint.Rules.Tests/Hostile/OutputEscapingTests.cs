using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.PreviousState;
using CmkLint.Reporting;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>Escaping for logs, well-formed UTF-16 for JSON, finding limits and the git command line.</summary>
public sealed class OutputEscapingTests
{
    [Theory]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\rb", "a\\rb")]
    [InlineData("a\u001b[31mb", "a\\x1b[31mb")]
    [InlineData("a\u0085b", "a\\x85b")]
    [InlineData("a\u202eb", "a\\u202eb")]
    [InlineData("a\U0001F600b", "a\U0001F600b")]
    [InlineData("plain", "plain")]
    public void Unprintable_characters_are_escaped(string text, string expected)
    {
        Assert.Equal(expected, PrintableText.Escape(text));
    }

    [Theory]
    [InlineData("::error::x.json", "./::error::x.json")]
    [InlineData(" ::error::x.json", "./ ::error::x.json")]
    [InlineData("infra/x.json", "infra/x.json")]
    public void A_path_cannot_start_a_workflow_command(string path, string expected)
    {
        Assert.Equal(expected, PrintableText.LineStart(path));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_in_text()
    {
        // Not an InlineData: test case serialisation turns a lone surrogate into U+FFFD.
        Assert.Equal("a\\udc00b", PrintableText.Escape("a" + (char)0xDC00 + "b"));
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        Assert.Equal("x\uFFFDy\uFFFD", PrintableText.WellFormed("x" + (char)0xDC00 + "y" + (char)0xD800));
        Assert.Equal("\U0001F600", PrintableText.WellFormed("\U0001F600"));
    }

    [Fact]
    public void Identical_diagnostics_collapse_and_limits_keep_the_most_severe()
    {
        var file = new SourceFile("a.json", "0123456789");
        var findings = new List<Finding>();
        for (int i = 0; i < 5; i++)
        {
            findings.Add(InputDiagnostics.Unsupported(file.Span(1, 2), "the same thing"));
        }

        findings.Add(new Finding(InputDiagnostics.InvalidTemplate, Level.Error, "an error", file.Span(5, 1), "e"));
        findings.Add(new Finding(InputDiagnostics.UnsupportedConstruct, Level.Note, "another note", file.Span(3, 1), "n"));

        var shown = new FindingLimits { MaxFindingsPerFile = 2 }.Apply(findings, out var distinct, out int omitted);

        Assert.Equal(3, distinct.Count);
        Assert.Equal(1, omitted);
        Assert.Equal(2, shown.Count);
        Assert.Contains(shown, f => f.Message == "an error");
        Assert.Single(shown, f => f.Message.StartsWith("the same thing", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Every_git_call_pins_the_repository_and_turns_off_repository_controlled_programs()
    {
        var line = GitCommand.CommandLine(new GitRepositoryLocation("/r/.git", "/r"), new[] { "ls-tree", "HEAD" });

        Assert.Equal("--git-dir=/r/.git", line[0]);
        Assert.Equal("--work-tree=/r", line[1]);
        foreach (var setting in new[] { "core.fsmonitor=false", "core.hooksPath=/dev/null", "core.pager=cat", "diff.external=", "safe.bareRepository=explicit" })
        {
            Assert.Equal("-c", line[line.IndexOf(setting) - 1]);
        }

        Assert.Equal(new[] { "ls-tree", "HEAD" }, line.GetRange(line.Count - 2, 2));
    }
}
