using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CmkLint.Diagnostics;
using CmkLint.Rules;
using Xunit;

namespace CmkLint.Tests;

/// <summary>Every rule page (docs/rules/CMKnnn.md) follows the one format CONTRIBUTING.md describes, with the descriptor's ID, name and level.</summary>
public class RulePageFormatTests
{
    private static readonly string[] RuleSections = { "What it reports", "Why", "Failing example", "Fixed example", "C#", "How to suppress" };

    private static readonly string[] InputSections = { "What it reports", "Why", "How to suppress" };

    [Fact]
    public void Every_rule_page_has_the_title_level_line_and_sections_in_order()
    {
        foreach (var rule in RuleCatalog.Descriptors)
        {
            string[] lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "rules", rule.Id + ".md"));
            Assert.Equal($"# {rule.Id} — {rule.Name}", lines[0]);
            Assert.StartsWith("**Level:** " + rule.DefaultLevel.ToString().ToLowerInvariant(), lines[2]);

            var headings = lines.Where(l => l.StartsWith("## ")).Select(l => Regex.Replace(l.Substring(3), @" \((ARM JSON|Bicep)\)$", string.Empty)).ToList();
            bool input = rule.Id == InputDiagnostics.InvalidTemplate.Id || rule.Id == InputDiagnostics.UnsupportedConstruct.Id || rule.Id == InputDiagnostics.UnusedSuppression.Id;
            int at = -1;
            foreach (string section in input ? InputSections : RuleSections)
            {
                int found = headings.IndexOf(section, at + 1);
                Assert.True(found > at, $"{rule.Id}: '## {section}' missing or out of order in: {string.Join(" | ", headings)}");
                at = found;
            }
        }
    }
}
