using System;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>The test run has a GC heap hard limit (tests/Directory.Build.props), so a blow-up fails a test instead of the machine.</summary>
public sealed class HeapLimitTests
{
    [Fact]
    public void The_test_process_runs_under_a_heap_hard_limit_of_2_gb()
    {
        Assert.Equal(2_147_483_648L, Convert.ToInt64(AppContext.GetData("System.GC.HeapHardLimit"), System.Globalization.CultureInfo.InvariantCulture));
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.True(limit <= 2_147_483_648L, $"the GC may use {limit} bytes");
    }
}
