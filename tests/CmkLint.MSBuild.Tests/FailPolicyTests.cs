using CmkLint.Diagnostics;
using Xunit;

namespace CmkLint.MSBuild.Tests;

public sealed class FailPolicyTests
{
    [Theory]
    [InlineData(Level.Error, false, Level.Error, BuildSeverity.Error)]
    [InlineData(Level.Error, false, Level.Warning, BuildSeverity.Warning)]
    [InlineData(Level.Error, false, Level.Note, BuildSeverity.Message)]
    [InlineData(Level.Error, true, Level.Warning, BuildSeverity.Error)]
    [InlineData(Level.Error, true, Level.Note, BuildSeverity.Message)]
    [InlineData(Level.Warning, false, Level.Warning, BuildSeverity.Error)]
    [InlineData(Level.Note, false, Level.Note, BuildSeverity.Error)]
    [InlineData(Level.Note, true, Level.Note, BuildSeverity.Error)]
    [InlineData(Level.None, false, Level.Error, BuildSeverity.Warning)]
    [InlineData(Level.None, true, Level.Error, BuildSeverity.Error)]
    public void Findings_at_or_above_the_fail_level_are_build_errors(Level failLevel, bool warningsAsErrors, Level finding, BuildSeverity expected)
    {
        Assert.Equal(expected, new FailPolicy(failLevel, warningsAsErrors).SeverityOf(finding));
    }

    [Theory]
    [InlineData("error", Level.Error)]
    [InlineData("", Level.Error)]
    [InlineData(" Warning ", Level.Warning)]
    [InlineData("NOTE", Level.Note)]
    [InlineData("none", Level.None)]
    public void Fail_level_names_are_read_in_any_case(string text, Level expected)
    {
        Assert.True(FailPolicy.TryParseLevel(text, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void Unknown_fail_level_name_is_rejected()
    {
        Assert.False(FailPolicy.TryParseLevel("fatal", out _));
    }
}
