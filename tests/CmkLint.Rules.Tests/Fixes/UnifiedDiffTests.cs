using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Fixes;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Fixes;

/// <summary>The unified diff <c>--fix --diff</c> prints: hunks with three lines of context, numbers as <c>patch</c> reads them.</summary>
public class UnifiedDiffTests
{
    private static string Diff(string text, params (int Start, int Length, string NewText)[] edits)
    {
        var file = new SourceFile("infra/main.bicep", text);
        var finding = new Finding(RequirePremiumRule.Rule, Level.Error, "m", file.Span(0, 0), "fp");
        var fix = new FindingFix(finding, "t", edits.Select(e => new TextEdit(file.Span(e.Start, e.Length), e.NewText)).ToList());
        var writer = new StringWriter();
        UnifiedDiff.Write(writer, FixedFile.Apply(new[] { fix }));
        return writer.ToString();
    }

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"l{i}\n"));

    [Fact]
    public void One_changed_line_has_three_lines_of_context_each_side()
    {
        string text = Lines(1, 10);
        int at = text.IndexOf("l5", System.StringComparison.Ordinal);
        Assert.Equal(
            "--- a/infra/main.bicep\n+++ b/infra/main.bicep\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n",
            Diff(text, (at, 2, "L5")));
    }

    [Fact]
    public void An_inserted_line_is_only_an_addition_and_later_hunks_count_it()
    {
        string text = Lines(1, 20);
        int l2 = text.IndexOf("l2\n", System.StringComparison.Ordinal);
        int l18 = text.IndexOf("l18", System.StringComparison.Ordinal);
        Assert.Equal(
            "--- a/infra/main.bicep\n+++ b/infra/main.bicep\n@@ -1,4 +1,5 @@\n l1\n+new\n l2\n l3\n l4\n@@ -15,6 +16,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n",
            Diff(text, (l2, 0, "new\n"), (l18, 3, "L18")));
    }

    [Fact]
    public void Changes_close_together_share_a_hunk_and_a_missing_final_line_break_is_marked()
    {
        string text = "a\nb\nc\nd\ne";
        Assert.Equal(
            "--- a/infra/main.bicep\n+++ b/infra/main.bicep\n@@ -1,5 +1,5 @@\n-a\n+A\n b\n c\n d\n-e\n\\ No newline at end of file\n+E\n\\ No newline at end of file\n",
            Diff(text, (0, 1, "A"), (8, 1, "E")));
    }

    [Fact]
    public void Edits_that_change_nothing_print_nothing()
    {
        Assert.Equal(string.Empty, Diff("a\nb\n", (0, 1, "a")));
    }
}
