using System;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Workspace;
using Xunit;

namespace CmkLint.Rules.Tests.Workspace;

public sealed class LintWorkspaceTests : IDisposable
{
    private static readonly string Standard = Templates.ArmTemplate(Templates.Registry(Templates.Encryption(), sku: "Standard"));

    private readonly string root = Path.Combine(Path.GetTempPath(), "cmklint-workspace-" + Guid.NewGuid().ToString("N"));

    public LintWorkspaceTests()
    {
        Directory.CreateDirectory(Path.Combine(root, ".git"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Nearest_configuration_above_the_files_applies_whatever_the_working_directory()
    {
        Write("infra/registry.json", Standard);
        Write("infra/cmklint.json", """{ "rules": { "CMK001": "note" } }""");
        var request = new WorkspaceRequest { WorkingDirectory = Path.GetTempPath() };
        request.Paths.Add(Path.Combine(root, "infra"));

        var result = Open(request).Analyze();

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK001");
        Assert.Equal(Level.Note, finding.Level);
        Assert.Equal("infra/registry.json", result.PathOf(finding));
        Assert.Equal(root, result.RepositoryRoot);
    }

    [Fact]
    public void Explicit_configuration_overrides_the_nearest_one()
    {
        Write("infra/registry.json", Standard);
        Write("infra/cmklint.json", """{ "rules": { "CMK001": "note" } }""");
        string other = Write("ci/cmklint.json", """{ "rules": { "CMK001": "off" } }""");
        var request = new WorkspaceRequest { WorkingDirectory = root, ConfigurationPath = other };
        request.Paths.Add("infra");

        var workspace = Open(request);

        Assert.Equal(other, workspace.ConfigurationPath);
        Assert.DoesNotContain(workspace.Analyze().Findings, f => f.RuleId == "CMK001");
    }

    [Fact]
    public void Configuration_mistake_is_a_located_diagnostic_and_nothing_is_analysed()
    {
        Write("registry.json", Standard);
        Write("cmklint.json", "{\n  \"rules\": { \"CMK999\": \"error\" }\n}\n");
        var request = new WorkspaceRequest { WorkingDirectory = root };

        var workspace = LintWorkspace.Open(request);

        Assert.True(workspace.HasErrors);
        var error = Assert.Single(workspace.Diagnostics);
        Assert.Equal((WorkspaceInput.Configuration, 2), (error.Input, error.Line));
        Assert.Contains("CMK999", error.Message, StringComparison.Ordinal);
        Assert.Empty(workspace.Files);
    }

    [Fact]
    public void Missing_inputs_are_diagnostics_not_exceptions()
    {
        var missingBaseline = new WorkspaceRequest { WorkingDirectory = root, BaselinePath = "nowhere.json" };
        Assert.Equal(WorkspaceInput.Baseline, Assert.Single(LintWorkspace.Open(missingBaseline).Diagnostics).Input);

        var missingPath = new WorkspaceRequest { WorkingDirectory = root };
        missingPath.Paths.Add("no/such/folder");
        Assert.Equal(WorkspaceInput.Paths, Assert.Single(LintWorkspace.Open(missingPath).Diagnostics).Input);
    }

    [Fact]
    public void In_memory_document_is_analysed_instead_of_the_file_on_disk()
    {
        string path = Write("registry.json", Templates.ArmTemplate(Templates.Registry(Templates.Encryption())));
        var request = new WorkspaceRequest { WorkingDirectory = root };
        request.Documents[path] = Standard;

        var result = Open(request).Analyze();

        Assert.Contains(result.Findings, f => f.RuleId == "CMK001" && result.PathOf(f) == "registry.json");
    }

    [Fact]
    public void Discovered_files_honour_exclude_and_listed_files_do_not()
    {
        string path = Write("legacy/registry.json", Standard);
        Write("cmklint.json", """{ "exclude": ["legacy/**"] }""");
        var discovered = new WorkspaceRequest { WorkingDirectory = root };
        discovered.DiscoveredFiles.Add(path);
        var listed = new WorkspaceRequest { WorkingDirectory = root };
        listed.Files.Add(path);

        Assert.Empty(Open(discovered).Files);
        Assert.Contains(Open(listed).Analyze().Findings, f => f.RuleId == "CMK001");
    }

    [Fact]
    public void Every_read_is_confined_to_the_analysis_root()
    {
        Write("infra/registry.json", Standard);
        var request = new WorkspaceRequest { WorkingDirectory = root };
        request.Paths.Add("infra");

        var workspace = Open(request);

        var confined = Assert.IsType<CmkLint.Loading.ConfinedFileSystem>(workspace.Options.FileSystem);
        Assert.Equal(root, confined.Root);
        Assert.False(confined.FileExists(Path.Combine(Path.GetTempPath(), "outside.json")));
    }

    private static LintWorkspace Open(WorkspaceRequest request)
    {
        var workspace = LintWorkspace.Open(request);
        Assert.False(workspace.HasErrors, string.Join("\n", workspace.Diagnostics.Select(d => d.ToString())));
        return workspace;
    }

    private string Write(string relative, string text)
    {
        string full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }
}
