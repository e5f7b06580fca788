using System;
using System.IO;
using System.Threading;
using CmkLint.Cli;
using Xunit;

namespace CmkLint.Tests;

public sealed class ProgressIndicatorTests
{
    [Fact]
    public void A_run_over_a_second_on_a_terminal_shows_a_spinner_and_erases_it()
    {
        var error = new StringWriter();
        using (new ProgressIndicator(error, enabled: true, files: 57))
        {
            Thread.Sleep(1500);
        }

        string text = error.ToString();
        Assert.Contains("analysing 57 files...", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_run_or_a_redirected_stderr_shows_nothing()
    {
        var quick = new StringWriter();
        using (new ProgressIndicator(quick, enabled: true, files: 3))
        {
        }

        var redirected = new StringWriter();
        using (new ProgressIndicator(redirected, enabled: false, files: 3))
        {
            Thread.Sleep(1300);
        }

        Assert.Equal(string.Empty, quick.ToString());
        Assert.Equal(string.Empty, redirected.ToString());
    }
}
