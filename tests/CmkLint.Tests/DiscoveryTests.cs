using System;
using System.IO;
using System.Linq;
using CmkLint.Configuration;
using Xunit;

namespace CmkLint.Tests;

public sealed class DiscoveryTests
{
    [Theory]
    [InlineData("infra/**/*.json", "infra/a.json", true)]
    [InlineData("infra/**/*.json", "infra/x/y/a.json", true)]
    [InlineData("infra/**/*.json", "other/a.json", false)]
    [InlineData("*.json", "a.json", true)]
    [InlineData("*.json", "x/a.json", false)]
    [InlineData("**/legacy/**", "a/legacy/b/c.json", true)]
    [InlineData("env/{dev,prod}.json", "env/prod.json", true)]
    [InlineData("env/{dev,prod}.json", "env/test.json", false)]
    [InlineData("main.[jb]son", "main.json", true)]
    [InlineData("a?.json", "ab.json", true)]
    [InlineData("a?.json", "a/.json", false)]
    public void Glob_patterns_match_like_shells_do(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new GlobPattern(pattern).IsMatch(path));
    }

    [Fact]
    public void Quoted_glob_arguments_select_matching_files_only()
    {
        using var tree = new TempTree();
        tree.Write("infra/a.json", Templates.Registry("Standard", "a"));
        tree.Write("infra/deep/b.json", Templates.Registry("Standard", "b"));
        tree.Write("infra/deep/c.jsonc", Templates.Registry("Standard", "c"));
        tree.Write("other/d.json", Templates.Registry("Standard", "d"));
        var result = tree.Run("infra/**/*.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("infra/a.json", result.Out);
        Assert.Contains("infra/deep/b.json", result.Out);
        Assert.DoesNotContain("c.jsonc", result.Out);
        Assert.DoesNotContain("d.json", result.Out);
        Assert.Contains("; 2 files analysed, 2 with findings", result.Out);
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_a_usage_error()
    {
        using var tree = new TempTree();
        tree.Write("infra/a.json", Templates.Registry("Standard"));
        var result = tree.Run("infra/**/*.bicepx");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cmklint: no files match 'infra/**/*.bicepx'\n", result.Error);
    }

    [Fact]
    public void Folder_walks_skip_build_output_dependencies_and_git()
    {
        using var tree = new TempTree();
        tree.Write("src/main.json", Templates.Registry("Standard", "main"));
        foreach (var skipped in new[] { "bin", "obj", "node_modules", ".git", "src/bin/Debug" })
        {
            tree.Write(skipped + "/copy.json", Templates.Registry("Standard", "copy"));
        }

        var result = tree.Run();
        Assert.Contains("; 1 file analysed, 1 with findings", result.Out);
        Assert.DoesNotContain("copy.json", result.Out);
    }

    [Fact]
    public void Folder_walks_honour_gitignore_files_with_negation_and_nesting()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, ".git"));
        tree.Write(".gitignore", "# generated\ngenerated/\n*.local.json\n!keep.local.json\n/rooted.json\n");
        tree.Write("infra/.gitignore", "private.json\n");
        tree.Write("generated/a.json", Templates.Registry("Standard", "a"));
        tree.Write("infra/dev.local.json", Templates.Registry("Standard", "b"));
        tree.Write("infra/keep.local.json", Templates.Registry("Standard", "c"));
        tree.Write("rooted.json", Templates.Registry("Standard", "d"));
        tree.Write("infra/rooted.json", Templates.Registry("Standard", "e"));
        tree.Write("infra/private.json", Templates.Registry("Standard", "f"));
        tree.Write("infra/main.json", Templates.Registry("Standard", "g"));

        var linted = tree.Run("-q").Out.Split('\n').Where(l => l.Contains(": error ")).Select(l => l.Substring(0, l.IndexOf('('))).ToArray();
        Assert.Equal(new[] { "infra/keep.local.json", "infra/main.json", "infra/rooted.json" }, linted);

        // Gitignore applies to the walk from a sub folder too (patterns come from the repository root down).
        var fromInfra = CliHarness.Run(Path.Combine(tree.Root, "infra"), "-q").Out;
        Assert.DoesNotContain("dev.local.json", fromInfra);
        Assert.DoesNotContain("private.json", fromInfra);
        Assert.Contains("main.json", fromInfra);
    }

    [Fact]
    public void A_file_type_cmklint_does_not_read_is_skipped_with_a_notice()
    {
        using var tree = new TempTree();
        tree.Write("notes.txt", "hello");
        var result = tree.Run("notes.txt");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("notes.txt: not a file type cmklint reads", result.Error);
    }

    [Fact]
    public void Unreadable_binary_empty_and_huge_files_give_diagnostics_not_crashes()
    {
        using var tree = new TempTree();
        tree.Write("good.json", Templates.Registry("Standard"));
        tree.WriteBytes("binary.json", new byte[] { 0x7B, 0x00, 0x01, 0x02, 0xFF, 0x7D });
        tree.Write("empty.json", string.Empty);
        tree.WriteBytes("latin1.json", new byte[] { 0x7B, 0x22, 0xE9, 0x22, 0x3A, 0x31, 0x7D });
        tree.Write("truncated.json", Templates.Registry("Standard").Substring(0, 300));

        // 10 MB: a template whose resources array holds many unrelated resources, then a syntax error at the end.
        var huge = new System.Text.StringBuilder("{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": [\n");
        while (huge.Length < 10 * 1024 * 1024)
        {
            huge.Append("    { \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\", \"name\": \"s").Append(huge.Length).Append("\", \"location\": \"westeurope\" },\n");
        }

        huge.Append("  ]\n");
        tree.Write("huge.json", huge.ToString());

        string unreadable = tree.Write("unreadable.json", Templates.Registry("Standard"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(unreadable, UnixFileMode.None);
        }

        File.CreateSymbolicLink(Path.Combine(tree.Root, "dangling.json"), Path.Combine(tree.Root, "gone.json"));

        var result = tree.Run("-q");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("good.json(11,17): error CMK001", result.Out);
        Assert.Contains("binary.json(1,2): error CMK900", result.Out);
        Assert.DoesNotContain("empty.json", result.Out); // an empty .json is not a template: skipped like package.json
        Assert.Contains("latin1.json(1,3): error CMK900", result.Out);
        Assert.Contains("truncated.json(", result.Out);
        Assert.Contains("huge.json(", result.Out);
        Assert.Contains("dangling.json(1,1): error CMK900", result.Out);
        Assert.DoesNotContain("internal error", result.Out + result.Error);

        // As root the mode does not stop reading; otherwise the file must be reported, not crash the run.
        bool canRead = CanRead(unreadable);
        Assert.Equal(canRead, result.Out.Contains("unreadable.json(11,17): error CMK001"));
        Assert.Equal(!canRead, result.Out.Contains("unreadable.json(1,1): error CMK900"));
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
