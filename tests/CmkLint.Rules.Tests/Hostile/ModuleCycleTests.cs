using System;
using System.Collections.Generic;
using System.Linq;
using CmkLint.Engine;
using CmkLint.Rules.Tests.BicepLowering;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>
/// Module cycles (issue 12, item 6): the same cycle gives the same diagnostics — same files, places and
/// text — on every run, whichever file is read first and however many threads read them.
/// </summary>
public class ModuleCycleTests
{
    private static readonly string[] Names = { "main.bicep", "a.bicep", "b.bicep", "c.bicep", "self.bicep", "p.bicepparam", "t.bicep" };

    /// <summary>main -> a -> b -> c -> a (c holds a Standard registry); self -> self; t -> p.bicepparam, whose 'using' names t.</summary>
    private static BicepFiles Repository() => new(
        ("main.bicep", Module("a")),
        ("a.bicep", Module("b")),
        ("b.bicep", "import { shared } from 'c.bicep'\n" + Module("c")),
        ("c.bicep", "@export()\nvar shared = 'x'\n" + Module("a") + HostileInput.BesideBicep),
        ("self.bicep", Module("self")),
        ("p.bicepparam", "using 't.bicep'\n"),
        ("t.bicep", "module p 'p.bicepparam' = {\n  name: 'p'\n}\n"));

    private static string Module(string name) => $"module {name} '{name}.bicep' = {{\n  name: '{name}'\n}}\n";

    /// <summary>The run's findings as the text report prints them, in the order reported.</summary>
    private static List<string> Report(BicepFiles files, IEnumerable<string> order, bool parallel)
    {
        var engine = new LintEngine(new LintOptions { FileSystem = files, Parallel = parallel, IncludeInconclusive = true, Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        var result = engine.Analyze(order.Select(files.PathOf));
        return result.Findings
            .Select(f => $"{f.Path!.Substring(files.Root.Length)}({f.Span.StartPosition.Line},{f.Span.StartPosition.Column}): {f.Level} {f.RuleId}: {f.Message}")
            .ToList();
    }

    /// <summary>Every rotation of the file list, forwards and backwards.</summary>
    private static IEnumerable<string[]> Orders()
    {
        for (int start = 0; start < Names.Length; start++)
        {
            var rotated = Names.Skip(start).Concat(Names.Take(start)).ToArray();
            yield return rotated;
            yield return rotated.Reverse().ToArray();
        }
    }

    [Fact]
    public void Each_reference_inside_a_cycle_gets_one_note_in_its_own_file()
    {
        var files = Repository();
        var cycles = Report(files, Names, parallel: false).Where(line => line.Contains("a cycle", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            new[]
            {
                "/a.bicep(1,10): Note CMK901: module 'b.bicep' (it refers back to a file that refers to it: a cycle) is not evaluated by CmkLint; checks that depend on it are inconclusive",
                "/b.bicep(1,24): Note CMK901: import 'c.bicep' (it refers back to a file that refers to it: a cycle) is not evaluated by CmkLint; checks that depend on it are inconclusive",
                "/b.bicep(2,10): Note CMK901: module 'c.bicep' (it refers back to a file that refers to it: a cycle) is not evaluated by CmkLint; checks that depend on it are inconclusive",
                "/c.bicep(3,10): Note CMK901: module 'a.bicep' (it refers back to a file that refers to it: a cycle) is not evaluated by CmkLint; checks that depend on it are inconclusive",
                "/self.bicep(1,13): Note CMK901: module 'self.bicep' (it refers back to a file that refers to it: a cycle) is not evaluated by CmkLint; checks that depend on it are inconclusive",
                "/t.bicep(1,10): Note CMK901: module 'p.bicepparam' (it refers back to a file that refers to it: a cycle) is not evaluated by CmkLint; checks that depend on it are inconclusive",
            },
            cycles.OrderBy(line => line, StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_cycle_gives_the_same_report_in_every_file_order_and_on_many_threads()
    {
        var first = Report(Repository(), Names, parallel: false);
        Assert.Contains(first, line => line.StartsWith("/c.bicep(", StringComparison.Ordinal) && line.Contains("CMK001", StringComparison.Ordinal));

        foreach (var order in Orders())
        {
            Assert.Equal(first, Report(Repository(), order, parallel: false));
            Assert.Equal(first, Report(Repository(), order, parallel: true));
        }
    }
}
