using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.PreviousState;
using Xunit;

namespace CmkLint.Rules.Tests.PreviousState;

/// <summary>Previous-state rules against real temporary git repositories (commit v1, change, commit v2).</summary>
public sealed class GitPreviousStateTests : IDisposable
{
    private const string TemplatePath = "infra/main.json";
    private readonly GitRepositoryFixture repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public void Cmk007_registry_created_without_cmk_then_changed_to_cmk_is_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate { EncryptionStatus = null }, new ArmRegistryTemplate());

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK007");
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal("git:HEAD~1", finding.Comparison);
        Assert.Equal("\"enabled\"", finding.Span.Text);
        Assert.Contains("already exists without encryption settings", finding.Message, StringComparison.Ordinal);
        var related = Assert.Single(finding.Related);
        Assert.Equal("HEAD~1:infra/main.json", related.Span.File!.Path);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "CMK008" or "CMK016");
    }

    [Fact]
    public void Cmk007_registry_with_status_disabled_then_enabled_is_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate { EncryptionStatus = "disabled" }, new ArmRegistryTemplate());

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK007");
        Assert.Contains("with encryption 'disabled'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("\"disabled\"", finding.Related[0].Span.Text);
    }

    [Fact]
    public void Cmk007_new_registry_with_cmk_is_not_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate { DeclareRegistry = false }, new ArmRegistryTemplate());

        Assert.DoesNotContain(result.Findings, f => f.RuleId is "CMK007" or "CMK008" or "CMK016");
        Assert.Empty(result.ComparisonErrors);
    }

    [Fact]
    public void Registry_renamed_in_the_template_is_a_new_registry()
    {
        var result = LintVersions(new ArmRegistryTemplate { EncryptionStatus = null }, new ArmRegistryTemplate { RegistryName = "contosoacr2" });

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK007");
    }

    [Fact]
    public void Unchanged_cmk_registry_is_not_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate());

        Assert.DoesNotContain(result.Findings, f => f.RuleId is "CMK007" or "CMK008" or "CMK016");
    }

    [Fact]
    public void Cmk008_cmk_disabled_is_reported_as_error()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate { EncryptionStatus = "disabled" });

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK008");
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal("\"disabled\"", finding.Span.Text);
        Assert.Equal("git:HEAD~1", finding.Comparison);
        Assert.Equal("HEAD~1:infra/main.json", finding.Related[0].Span.File!.Path);
        Assert.Equal("\"enabled\"", finding.Related[0].Span.Text);
    }

    [Fact]
    public void Cmk008_encryption_omitted_is_a_warning()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate { EncryptionStatus = null });

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK008");
        Assert.Equal(Level.Warning, finding.Level);
        Assert.Contains("leaves 'encryption' out", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cmk016_identity_swapped_from_user_assigned_to_system_assigned_is_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate { IdentityType = "SystemAssigned", AssignIdentity = false });

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK016" && f.Message.Contains("no longer assigns", StringComparison.Ordinal));
        Assert.Equal(Level.Error, finding.Level);
        Assert.Contains("acr-cmk-identity", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("{", finding.Span.Text, StringComparison.Ordinal);
        Assert.Contains("SystemAssigned", finding.Span.Text, StringComparison.Ordinal);
        Assert.Equal("HEAD~1:infra/main.json", finding.Related[0].Span.File!.Path);
        Assert.Contains("clientId", finding.Related[0].Span.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cmk016_access_policy_removed_from_the_vault_is_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate { AccessPolicy = false });

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK016");
        Assert.Equal(Level.Error, finding.Level);
        Assert.Contains("grant", finding.Message, StringComparison.Ordinal);
        Assert.Contains("clientId", finding.Span.Text, StringComparison.Ordinal);
        Assert.Equal("HEAD~1:infra/main.json", finding.Related[0].Span.File!.Path);
        Assert.Contains("wrapKey", finding.Related[0].Span.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cmk016_access_policy_moved_to_a_vault_that_does_not_hold_the_key_is_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate { AccessPolicy = false, AccessPolicyOnOtherVault = true });

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK016");
        Assert.Equal(Level.Error, finding.Level);
        Assert.Contains("grant", finding.Message, StringComparison.Ordinal);
        Assert.Contains("wrapKey", finding.Related[0].Span.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cmk016_access_policy_kept_on_the_key_vault_beside_another_vault_is_not_reported()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate { AccessPolicyOnOtherVault = true });

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CMK016");
    }

    [Fact]
    public void Cmk016_vault_and_key_removed_from_the_deployment_are_warnings()
    {
        var result = LintVersions(new ArmRegistryTemplate(), new ArmRegistryTemplate { DeclareVault = false });

        var removed = result.Findings.Where(f => f.RuleId == "CMK016" && f.Message.Contains("no longer in the deployment", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, removed.Count);
        Assert.All(removed, f => Assert.Equal(Level.Warning, f.Level));
        Assert.Contains(removed, f => f.Message.StartsWith("The vault", StringComparison.Ordinal));
        Assert.Contains(removed, f => f.Message.StartsWith("The key", StringComparison.Ordinal));
    }

    [Fact]
    public void File_renamed_since_the_revision_is_still_matched()
    {
        repository.Write(TemplatePath, new ArmRegistryTemplate { EncryptionStatus = null }.Text);
        repository.Commit("v1");
        repository.Git("mv", TemplatePath, "infra/registry.json");
        string current = repository.Write("infra/registry.json", new ArmRegistryTemplate().Text);
        repository.Commit("v2: rename and enable CMK");

        var result = Lint(current, PreviousStateSource.GitRevision("HEAD~1", repository.Root));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK007");
        Assert.Equal("HEAD~1:infra/main.json", finding.Related[0].Span.File!.Path);
    }

    [Fact]
    public void Uncommitted_changes_are_compared_with_the_revision()
    {
        string current = repository.Write(TemplatePath, new ArmRegistryTemplate().Text);
        repository.Commit("v1");
        repository.Write(TemplatePath, new ArmRegistryTemplate { EncryptionStatus = "disabled" }.Text);

        var result = Lint(current, PreviousStateSource.GitRevision("HEAD", repository.Root));

        Assert.Single(result.Findings, f => f.RuleId == "CMK008");
    }

    [Fact]
    public void Missing_revision_is_a_clear_error()
    {
        string current = repository.Write(TemplatePath, new ArmRegistryTemplate().Text);
        repository.Commit("v1");
        var source = PreviousStateSource.GitRevision("origin/does-not-exist", repository.Root);

        string? error = source.Open();
        var result = Lint(current, source);

        Assert.NotNull(error);
        Assert.Contains("'origin/does-not-exist' was not found", error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Single(result.ComparisonErrors));
        Assert.DoesNotContain(result.Findings, f => f.Comparison is not null);
    }

    [Fact]
    public void Folder_that_is_not_a_git_repository_is_a_clear_error()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cmklint-nogit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var source = PreviousStateSource.GitRevision("HEAD~1", folder);

            string? error = source.Open();

            Assert.NotNull(error);
            Assert.Contains("is not in a git repository", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Revision_that_looks_like_an_option_is_refused()
    {
        var source = PreviousStateSource.GitRevision("--output=/tmp/x", repository.Root);

        Assert.Contains("is not a git revision", source.Open(), StringComparison.Ordinal);
    }

    [Fact]
    public void File_added_since_the_revision_has_no_previous_state()
    {
        repository.Write("README.md", "infra");
        repository.Commit("v1");
        string current = repository.Write(TemplatePath, new ArmRegistryTemplate().Text);
        repository.Commit("v2");

        var result = Lint(current, PreviousStateSource.GitRevision("HEAD~1", repository.Root));

        Assert.DoesNotContain(result.Findings, f => f.Comparison is not null);
        Assert.Empty(result.ComparisonErrors);
    }

    private LintResult LintVersions(ArmRegistryTemplate before, ArmRegistryTemplate after)
    {
        repository.Write(TemplatePath, before.Text);
        repository.Commit("v1");
        string current = repository.Write(TemplatePath, after.Text);
        repository.Commit("v2");
        return Lint(current, PreviousStateSource.GitRevision("HEAD~1", repository.Root));
    }

    internal static LintResult Lint(string path, PreviousStateSource previous)
    {
        var options = new LintOptions { Parallel = false, Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        options.Previous.Add(previous);
        return new LintEngine(options).Analyze(new List<string> { path });
    }
}
