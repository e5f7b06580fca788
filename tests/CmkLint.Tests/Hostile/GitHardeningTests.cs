using System;
using System.IO;
using Xunit;

namespace CmkLint.Tests.Hostile;

/// <summary>
/// Issue 12, item 4: a pull request commits a bare git repository as plain files under <c>infra/</c>
/// whose <c>config</c> names a program for fsmonitor, hooks, the pager, external diff and text
/// conversion. Plain git run inside <c>infra/</c> runs it; cmklint's git never does.
/// </summary>
public sealed class GitHardeningTests : IDisposable
{
    private readonly HostileTree tree = new(gitRepository: true);
    private readonly string marker;

    public GitHardeningTests()
    {
        marker = tree.PathOf("MARKER");
        string script = tree.Write("infra/run.sh", $"#!/bin/sh\necho \"$0 $*\" >> '{marker}'\ncat\n");
        Assert.Equal(0, HostileTree.Tool("chmod", tree.Root, "+x", script).ExitCode);
        tree.Write("infra/HEAD", "ref: refs/heads/main\n");
        tree.Write("infra/objects/info/.keep", string.Empty);
        tree.Write("infra/refs/heads/.keep", string.Empty);
        tree.Write("infra/config", $"""
            [core]
            	repositoryformatversion = 0
            	bare = false
            	worktree = ..
            	fsmonitor = {script}
            	hooksPath = {tree.PathOf("infra/hooks")}
            	pager = {script}
            	attributesFile = {tree.PathOf("infra/attributes")}
            [diff]
            	external = {script}
            [diff "planted"]
            	textconv = {script}
            [pager]
            	diff = {script}
            """);
        tree.Write("infra/attributes", "*.json diff=planted\n");
        tree.Write(".gitattributes", "*.json diff=planted\n");
        tree.Write("infra/hooks/post-checkout", $"#!/bin/sh\n{script}\n");
        HostileTree.Tool("chmod", tree.Root, "+x", tree.PathOf("infra/hooks/post-checkout"));
    }

    public void Dispose() => tree.Dispose();

    [Fact]
    public void The_planted_repository_is_live_for_plain_git()
    {
        // The plant works: git run inside infra/ with no hardening runs the planted program. If this ever
        // stops (a git that refuses implicit bare repositories by default), the test below still holds.
        tree.Write("infra/main.json", Templates.Registry("Premium", "acr1"));
        HostileTree.Tool("git", tree.PathOf("infra"), "status");

        Assert.True(File.Exists(marker), "git status inside the planted repository should have run its fsmonitor");
    }

    [Fact]
    public void Previous_comparison_never_runs_a_program_the_repository_names()
    {
        tree.Write("infra/main.json", Templates.Registry("Premium", "acr1").Replace("\"status\": \"enabled\"", "\"status\": \"disabled\"", StringComparison.Ordinal));
        tree.Commit("v1: registry without CMK");
        tree.Write("infra/main.json", Templates.Registry("Premium", "acr1"));
        tree.Commit("v2: CMK enabled on the existing registry");

        var fromRoot = tree.Run("infra", "bad.json", "--previous", "HEAD~1");
        var fromInfra = tree.RunIn(tree.PathOf("infra"), ".", "--previous", "HEAD~1", "--format", "sarif");
        var fromInfraAgainstBranch = tree.RunIn(tree.PathOf("infra"), "main.json", "--previous", "main~1");

        Assert.False(File.Exists(marker), "a planted program ran: " + (File.Exists(marker) ? File.ReadAllText(marker) : string.Empty));

        // The comparison itself still works through the hardened git: CMK007 on the registry that already existed.
        Assert.Contains("infra/main.json", fromRoot.Out, StringComparison.Ordinal);
        Assert.Contains("CMK007", fromRoot.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(fromRoot.Out);
        Assert.Contains("\"ruleId\": \"CMK007\"", fromInfra.Out, StringComparison.Ordinal);
        Assert.Contains("CMK007", fromInfraAgainstBranch.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Discovery_asks_git_for_tracked_files_without_running_the_planted_program()
    {
        tree.Write("infra/main.json", Templates.Registry("Standard", "tracked"));
        tree.Commit("v1");

        var result = tree.RunIn(tree.PathOf("infra"), ".");

        Assert.False(File.Exists(marker), "a planted program ran during discovery");
        Assert.Contains("Registry 'tracked'", result.Out, StringComparison.Ordinal);
    }
}
