using System.Collections.Generic;
using System.Threading;
using CmkLint.Configuration;
using CmkLint.Evaluation;
using CmkLint.Loading;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>The <c>budgets</c> section of <c>cmklint.json</c> and the meter's clock.</summary>
public class BudgetConfigurationTests
{
    private static (LintConfiguration? Config, List<ConfigurationError> Errors) Read(string json)
    {
        var errors = new List<ConfigurationError>();
        var config = ConfigurationReader.Parse(new SourceFile("/cfg/cmklint.json", json), "/cfg/cmklint.json", PhysicalFileSystem.Instance, errors);
        return (config, errors);
    }

    [Fact]
    public void Budgets_section_overrides_the_defaults()
    {
        var (config, errors) = Read("{ \"budgets\": { \"steps\": 5000000, \"stringLength\": 1000, \"fileSeconds\": 5 } }");
        Assert.Empty(errors);
        Assert.Equal(5_000_000, config!.Budgets.Steps);
        Assert.Equal(1000, config.Budgets.StringLength);
        Assert.Equal(5, config.Budgets.FileSeconds);
        Assert.Equal(Loading.AnalysisBudgets.DefaultElements, config.Budgets.Elements);
    }

    [Theory]
    [InlineData("{ \"budgets\": { \"step\": 10 } }", 1, 16, "unknown budget 'step'")]
    [InlineData("{ \"budgets\": { \"steps\": 0 } }", 1, 25, "whole number from 1")]
    [InlineData("{ \"budgets\": {\n  \"elements\": 1.5 } }", 2, 15, "whole number from 1")]
    [InlineData("{ \"budgets\": { \"elements\": 3000000000 } }", 1, 28, "to 2147483647")]
    [InlineData("{ \"budgets\": { \"steps\": \"many\" } }", 1, 25, "whole number")]
    [InlineData("{ \"budgets\": [] }", 1, 14, "'budgets' must be an object")]
    public void Bad_budgets_are_errors_at_their_place(string json, int line, int column, string message)
    {
        var (config, errors) = Read(json);
        Assert.Null(config);
        var error = Assert.Single(errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_meter_whose_clock_ran_out_stops_evaluating_at_the_next_check()
    {
        using var clock = new CancellationTokenSource();
        var meter = new BudgetMeter(BudgetLimits.Default, clock.Token);
        for (int i = 0; i < 300; i++)
        {
            Assert.Null(meter.Step(SourceSpan.None));
        }

        clock.Cancel();
        UnknownValue? stopped = null;
        for (int i = 0; i < 256 && stopped is null; i++)
        {
            stopped = meter.Step(SourceSpan.None);
        }

        Assert.NotNull(stopped);
        Assert.True(meter.TimedOut);
        Assert.True(meter.Stopped);
        Assert.Contains("'fileSeconds'", stopped!.Reason);
        Assert.Same(stopped, meter.Step(SourceSpan.None));
    }
}
