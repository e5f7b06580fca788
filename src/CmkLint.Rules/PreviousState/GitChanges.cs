using System;
using System.Collections.Generic;
using System.IO;

namespace CmkLint.PreviousState;

/// <summary>
/// The files a branch changed since a git revision (<c>--changed-since origin/main</c>): the commits
/// of HEAD since its merge base with the revision, as a pull request shows them, read with the same
/// hardened runner and plumbing as <c>--previous</c> (<c>rev-parse --verify</c>, <c>merge-base</c>,
/// <c>diff-tree</c>; revisions after <c>--end-of-options</c>). The working tree is never scanned, so
/// uncommitted edits are not seen.
/// </summary>
internal static class GitChanges
{
    /// <summary>
    /// Full paths of the files added, modified or deleted between the merge base of <paramref name="revision"/>
    /// and HEAD, in the repository holding <paramref name="folder"/>; null with <paramref name="error"/> when
    /// the revision cannot be read (a usage error, never an empty change set).
    /// </summary>
    public static List<string>? Since(string revision, string folder, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(revision) || revision.StartsWith("-", StringComparison.Ordinal))
        {
            error = $"'{revision}' is not a git revision";
            return null;
        }

        var location = GitRepositoryLocation.Find(folder);
        if (location is null)
        {
            error = $"--changed-since {revision}: '{folder}' is not in a git repository";
            return null;
        }

        string? since = Commit(location, revision);
        string? head = Commit(location, "HEAD");
        if (since is null || head is null)
        {
            error = since is null
                ? $"git revision '{revision}' was not found in the repository at '{location.WorkTree}' (fetch it first, e.g. 'git fetch origin'; in CI check out with fetch-depth: 0)"
                : $"--changed-since {revision}: the repository at '{location.WorkTree}' has no commit checked out";
            return null;
        }

        // The merge base, as a pull request's diff uses it; without one (unrelated or shallow history) the
        // revision itself, whose diff also holds what the other side changed: more files, never fewer.
        var mergeBase = GitCommand.Run(location, "merge-base", "--end-of-options", since, head);
        string from = mergeBase.Succeeded && mergeBase.Text.Trim().Length > 0 ? mergeBase.Text.Trim() : since;
        var changed = new List<string>();
        if (from == head)
        {
            return changed;
        }

        var diff = GitCommand.Run(location, "diff-tree", "-r", "--no-renames", "--name-only", "-z", "--no-ext-diff", "--no-textconv", "--end-of-options", from, head);
        if (!diff.Succeeded)
        {
            error = $"--changed-since {revision}: {diff.Error}";
            return null;
        }

        foreach (var relative in GitCommand.SplitNul(diff))
        {
            changed.Add(Path.GetFullPath(Path.Combine(location.WorkTree, relative)));
        }

        return changed;
    }

    private static string? Commit(GitRepositoryLocation location, string revision)
    {
        var commit = GitCommand.Run(location, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        return commit.Succeeded ? commit.Text.Trim() : null;
    }
}
