using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace CmkLint.MSBuild.Tests;

public sealed class LintTemplatesTests : IDisposable
{
    private readonly TemplateFolder folder = new();
    private readonly RecordingBuildEngine engine = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Cmk001_is_logged_as_an_error_with_code_file_start_end_and_help_link()
    {
        string path = folder.Write("infra/registry.json", Templates.Standard);
        var task = NewTask(Item(path));

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        var (line, column) = Templates.PositionOf(Templates.Standard, "\"Standard\"");
        Assert.Equal("CMK001", error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.LineNumber);
        Assert.Equal(column, error.ColumnNumber);
        Assert.Equal(line, error.EndLineNumber);
        Assert.Equal(column + "\"Standard\"".Length, error.EndColumnNumber);
        Assert.Equal("https://github.com/cmklint/cmklint/blob/main/docs/rules/CMK001.md", error.HelpLink);
        Assert.Equal(1, task.ErrorCount);
        Assert.Equal(1, task.FilesAnalyzed);
    }

    [Fact]
    public void Cmk001_in_a_bicep_file_is_logged_at_the_bicep_line_and_column()
    {
        string path = folder.Write("infra/main.bicep", Templates.BicepStandard);
        var task = NewTask(Item(path));

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        var (line, column) = Templates.PositionOf(Templates.BicepStandard, "'Standard'");
        Assert.Equal("CMK001", error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.LineNumber);
        Assert.Equal(column, error.ColumnNumber);
    }

    [Fact]
    public void Premium_registry_in_bicep_passes()
    {
        string path = folder.Write("main.bicep", Templates.BicepPremium);
        var task = NewTask(Item(path));

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Equal(1, task.FilesAnalyzed);
    }

    [Fact]
    public void Message_braces_from_the_template_are_logged_verbatim()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        NewTask(Item(path)).Execute();

        Assert.Contains("'acr{demo}'", Assert.Single(engine.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Premium_registry_passes_without_errors_or_warnings()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        var task = NewTask(Item(path));

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Equal(1, task.FilesAnalyzed);
    }

    [Fact]
    public void Json_files_that_are_not_templates_are_skipped_by_content()
    {
        string settings = folder.Write("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
        string package = folder.Write("package.json", """{ "name": "web", "version": "1.0.0" }""");
        var task = NewTask(Item(settings), Item(package));

        Assert.True(task.Execute());
        Assert.Equal(0, task.FilesAnalyzed);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Warning_for_a_non_default_allowed_value_does_not_fail_the_task()
    {
        string path = folder.Write("registry.json", Templates.AllowedStandard);
        var task = NewTask(Item(path));

        Assert.True(task.Execute());
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("CMK001", warning.Code);
        Assert.Equal(path, warning.File);
        Assert.Equal(1, task.WarningCount);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void An_unused_pragma_is_a_message_and_an_error_with_report_unused_suppressions()
    {
        // A Premium registry has no CMK001 finding, so the pragma suppresses nothing (CMK902).
        string path = folder.Write("main.bicep", "#disable-next-line CMK001\n" + Templates.BicepPremium);

        Assert.True(NewTask(Item(path)).Execute());
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Code == "CMK902");

        var strict = NewTask(Item(path));
        strict.ReportUnusedSuppressions = true;
        Assert.False(strict.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CMK902", error.Code);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Treat_warnings_as_errors_makes_the_warning_fail_the_task()
    {
        string path = folder.Write("registry.json", Templates.AllowedStandard);
        var task = NewTask(Item(path));
        task.TreatWarningsAsErrors = true;

        Assert.False(task.Execute());
        Assert.Equal("CMK001", Assert.Single(engine.Errors).Code);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Fail_level_warning_makes_the_warning_fail_the_task()
    {
        string path = folder.Write("registry.json", Templates.AllowedStandard);
        var task = NewTask(Item(path));
        task.FailLevel = "Warning";

        Assert.False(task.Execute());
        Assert.Equal("CMK001", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Fail_level_none_reports_errors_as_warnings_and_passes()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        var task = NewTask(Item(path));
        task.FailLevel = "none";

        Assert.True(task.Execute());
        Assert.Equal("CMK001", Assert.Single(engine.Warnings).Code);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Unknown_fail_level_is_a_task_error_naming_the_value()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        var task = NewTask(Item(path));
        task.FailLevel = "fatal";

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CMKMSB001", error.Code);
        Assert.Contains("'fatal'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_metadata_binds_a_parameters_file_that_is_not_named_by_convention()
    {
        string template = folder.Write("registry.json", Templates.SkuParameter);
        string parameters = folder.Write("prod.values.json", Templates.Parameters("Standard"));
        var item = Item(template);
        item.SetMetadata("Parameters", Path.Combine(folder.Path, "prod.values.json"));

        Assert.False(NewTask(item).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CMK001", error.Code);

        // The parameters file decides the SKU: the error points at its value (issue 17).
        Assert.Equal(parameters, error.File);

        var withoutParameters = NewTask(Item(template));
        engine.Errors.Clear();
        Assert.True(withoutParameters.Execute());
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Suppressed_finding_is_a_low_importance_message_and_does_not_fail()
    {
        string text = Templates.Registry("\"Standard\"", resourceMetadata: """ "metadata": { "cmklint": { "suppress": [ { "rule": "CMK001", "justification": "test registry" } ] } },""");
        string path = folder.Write("registry.json", text);
        var task = NewTask(Item(path));

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var message = Assert.Single(engine.Messages, m => m.Code == "CMK001");
        Assert.Equal(MessageImportance.Low, message.Importance);
        Assert.Contains("test registry", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_a_cmk900_error_at_its_line()
    {
        string text = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "resources": [ { "type": "Microsoft.ContainerRegistry/registries" ]
            }
            """;
        string path = folder.Write("broken.json", text);
        var task = NewTask(Item(path));

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors, e => e.Code == "CMK900");
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void Related_locations_follow_the_finding_as_messages()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        NewTask(Item(path)).Execute();

        var related = Assert.Single(engine.Messages, m => m.Code == "CMK001" && m.Message is not null && m.Message.Contains("related", StringComparison.Ordinal));
        var (line, _) = Templates.PositionOf(Templates.Standard, "\"status\": \"enabled\"");
        Assert.Equal(path, related.File);
        Assert.Equal(line, related.LineNumber);
    }

    [Fact]
    public void Sarif_file_has_the_finding_with_its_rule_region_and_help()
    {
        string path = folder.Write("infra/registry.json", Templates.Standard);
        var task = NewTask(Item(path));
        task.SarifFile = Path.Combine(folder.Path, "out", "cmklint.sarif");
        task.SourceRoot = folder.Path;

        Assert.False(task.Execute());

        using var sarif = JsonDocument.Parse(File.ReadAllText(task.SarifFile));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("CMK001", result.GetProperty("ruleId").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("infra/registry.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var (line, column) = Templates.PositionOf(Templates.Standard, "\"Standard\"");
        Assert.Equal(line, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(column, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Sarif_file_is_written_for_a_clean_run_too()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        var task = NewTask(Item(path));
        task.SarifFile = Path.Combine(folder.Path, "cmklint.sarif");

        Assert.True(task.Execute());

        using var sarif = JsonDocument.Parse(File.ReadAllText(task.SarifFile));
        Assert.Empty(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Configuration_rule_level_applies_to_the_run()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        var task = NewTask(Item(path));
        task.ConfigFile = folder.Write("cmklint.json", """{ "rules": { "cmk-requires-premium": "warning" } }""");

        Assert.True(task.Execute());
        Assert.Equal("CMK001", Assert.Single(engine.Warnings).Code);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Configuration_suppression_turns_the_error_into_a_low_message()
    {
        string path = folder.Write("infra/registry.json", Templates.Standard);
        var task = NewTask(Item(path));
        task.ConfigFile = folder.Write("cmklint.json", """{ "suppress": [ { "rule": "CMK001", "paths": ["infra/**"], "justification": "legacy registry" } ] }""");

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        var message = Assert.Single(engine.Messages, m => m.Code == "CMK001" && m.Importance == MessageImportance.Low);
        Assert.Contains("legacy registry", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_exclude_skips_discovered_items_but_not_listed_ones()
    {
        string path = folder.Write("legacy/registry.json", Templates.Standard);
        string config = folder.Write("cmklint.json", """{ "exclude": ["legacy/**"] }""");
        var discovered = Item(path);
        discovered.SetMetadata("CmkLintDiscovered", "true");

        var fromGlob = NewTask(discovered);
        fromGlob.ConfigFile = config;
        Assert.True(fromGlob.Execute());
        Assert.Empty(engine.Errors);

        var listed = NewTask(Item(path));
        listed.ConfigFile = config;
        Assert.False(listed.Execute());
        Assert.Equal("CMK001", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Configuration_parameters_map_a_template_to_its_parameters_file()
    {
        string path = folder.Write("infra/registry.json", Templates.SkuParameter);
        folder.Write("infra/prod.values.json", Templates.Parameters("Standard"));
        var task = NewTask(Item(path));
        task.ConfigFile = folder.Write("cmklint.json", """{ "parameters": { "infra/registry.json": "infra/prod.values.json" } }""");

        Assert.False(task.Execute());
        Assert.Equal("CMK001", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Configuration_mistake_is_an_error_at_its_line_and_column()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        var task = NewTask(Item(path));
        string text = "{\n  \"rules\": {\n    \"CMK999\": \"error\"\n  }\n}\n";
        task.ConfigFile = folder.Write("cmklint.json", text);

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CMKMSB003", error.Code);
        Assert.Equal(task.ConfigFile, error.File);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("CMK999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_configuration_file_is_an_error()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        var task = NewTask(Item(path));
        task.ConfigFile = Path.Combine(folder.Path, "nowhere", "cmklint.json");

        Assert.False(task.Execute());
        Assert.Equal("CMKMSB003", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Nearest_configuration_above_the_templates_applies_without_CmkLintConfig()
    {
        string path = folder.Write("infra/registry.json", Templates.Standard);
        folder.Write("infra/cmklint.json", """{ "rules": { "CMK001": "warning" } }""");
        var task = NewTask(Item(path));

        Assert.True(task.Execute());
        Assert.Equal("CMK001", Assert.Single(engine.Warnings).Code);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Baseline_accepts_its_findings_and_a_missing_one_is_cmkmsb003()
    {
        string path = folder.Write("infra/registry.json", Templates.Standard);
        var workspace = Workspace.LintWorkspace.Open(new Workspace.WorkspaceRequest { Files = { path }, SourceRoot = folder.Path });
        string baseline = folder.Write("cmklint.baseline.json", Configuration.Baseline.FromFindings(workspace.Analyze().Findings, folder.Path).ToJson());
        var task = NewTask(Item(path));
        task.SourceRoot = folder.Path;
        task.Baseline = baseline;

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Code == "CMK001" && m.Importance == MessageImportance.Low && m.Message!.Contains("accepted in the baseline", StringComparison.Ordinal));

        var missing = NewTask(Item(path));
        missing.Baseline = Path.Combine(folder.Path, "nowhere.json");
        Assert.False(missing.Execute());
        Assert.Equal("CMKMSB003", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Same_template_listed_twice_is_reported_once()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        var task = NewTask(Item(path), Item(path));

        task.Execute();

        Assert.Single(engine.Errors);
        Assert.Equal(1, task.FilesAnalyzed);
    }

    [Fact]
    public void Previous_revision_git_cannot_resolve_fails_the_check_with_cmkmsb004()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        var task = NewTask(Item(path));
        task.Previous = "HEAD~1";
        task.RepositoryDirectory = folder.Path;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(LintTemplates.PreviousStateCode, error.Code);
        Assert.Contains("HEAD~1", error.Message);
    }

    [Fact]
    public void Previous_revision_without_cmk_makes_enabling_it_cmk007()
    {
        string withoutCmk = Templates.Premium.Replace("\"status\": \"enabled\"", "\"status\": \"disabled\"");
        Assert.NotEqual(Templates.Premium, withoutCmk);
        string path = folder.Write("registry.json", withoutCmk);
        Git("init", "-q");
        Git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
        Git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "v1");
        File.WriteAllText(path, Templates.Premium);
        var task = NewTask(Item(path));
        task.Previous = "HEAD";
        task.RepositoryDirectory = folder.Path;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CMK007", error.Code);
        Assert.Equal(path, error.File);
    }

    private void Git(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(" ", args) + ": " + process.StandardError.ReadToEnd());
    }

    private LintTemplates NewTask(params ITaskItem[] items) => new()
    {
        BuildEngine = engine,
        Templates = items,
        Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static TaskItem Item(string path) => new(path);
}
