using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CmkLint.Tests;

/// <summary>The links a user follows (README and docs, the configuration schema, <c>cmklint --help</c>) lead to files inside the repository.</summary>
public class DocLinkTests
{
    private static readonly Regex MarkdownLink = new(@"\]\((?<target>[^)\s#]+)(?:#[^)]*)?\)");

    private static readonly Regex DocsPath = new(@"\bdocs/[A-Za-z0-9_./-]+\.md\b");

    public static IEnumerable<object[]> Pages() =>
        new[] { "README.md", "CONTRIBUTING.md", "CHANGELOG.md" }
            .Select(p => Path.Combine(Repository.Root, p))
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(Repository.Root, p).Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_of_a_page_names_a_file_inside_the_repository(string page)
    {
        string path = Path.Combine(Repository.Root, page);
        var broken = new List<string>();
        foreach (Match link in MarkdownLink.Matches(File.ReadAllText(path)))
        {
            string target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            string full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
            if (!IsInsideRepository(full) || !(File.Exists(full) || Directory.Exists(full)))
            {
                broken.Add(target);
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void The_schema_and_the_help_name_only_pages_that_exist()
    {
        string schema = File.ReadAllText(Path.Combine(Repository.Root, "schemas", "cmklint.schema.json"));
        var help = CliHarness.Run(Repository.Root, "--help");
        Assert.Equal(0, help.ExitCode);

        var named = DocsPath.Matches(schema + "\n" + help.Out).Select(m => m.Value).Distinct().ToList();
        Assert.Contains("docs/cli.md", named);
        Assert.All(named, p => Assert.True(File.Exists(Path.Combine(Repository.Root, p)), p + " does not exist"));
    }

    [Fact]
    public void A_link_outside_the_repository_is_caught()
    {
        Assert.False(IsInsideRepository(Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "docs", "RULES.md"))));
    }

    private static bool IsInsideRepository(string fullPath) =>
        fullPath.StartsWith(Path.GetFullPath(Repository.Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
