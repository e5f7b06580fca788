using System.Collections.Generic;
using System.Linq;
using CmkLint.Engine;
using CmkLint.Fixes;

namespace CmkLint.Rules.Tests.Fixes;

/// <summary>One <c>--fix</c> pass in memory: lint, plan, apply; the fixed texts by path.</summary>
internal sealed class FixRound
{
    private FixRound(LintResult before, IReadOnlyList<FindingFix> fixes, Dictionary<string, string> after)
    {
        Before = before;
        Fixes = fixes;
        After = after;
    }

    public LintResult Before { get; }

    public IReadOnlyList<FindingFix> Fixes { get; }

    public Dictionary<string, string> After { get; }

    public IEnumerable<string> FixedRules => Fixes.Select(f => f.Finding.RuleId).Distinct();

    public static FixRound Run(Dictionary<string, string> files)
    {
        var before = Lint.Files(files);
        var fixes = FixPlanner.Plan(before.Findings);
        var after = new Dictionary<string, string>(files);
        foreach (var file in FixedFile.Apply(fixes))
        {
            after[file.Path] = file.NewText;
        }

        return new FixRound(before, fixes, after);
    }

    public static FixRound Run(string path, string text) => Run(new Dictionary<string, string> { [path] = text });
}
