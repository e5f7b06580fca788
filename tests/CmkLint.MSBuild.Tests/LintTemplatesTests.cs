using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
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
        folder.Write("prod.values.json", Templates.Parameters("Standard"));
        var item = Item(template);
        item.SetMetadata("Parameters", Path.Combine(folder.Path, "prod.values.json"));

        Assert.False(NewTask(item).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CMK001", error.Code);
        Assert.Equal(template, error.File);

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
    public void Sarif_file_is_written_through_the_report_writer_with_the_run_result()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        var sarif = new RecordingSarifReport();
        var task = NewTask(Item(path));
        task.Sarif = sarif;
        task.SarifFile = Path.Combine(folder.Path, "out", "cmklint.sarif");

        task.Execute();

        Assert.Equal(task.SarifFile, sarif.Path);
        Assert.Equal("CMK001", Assert.Single(sarif.Result!.Findings).RuleId);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "out")));
    }

    [Fact]
    public void Sarif_file_without_a_writer_is_a_warning_not_a_silent_skip()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        var task = NewTask(Item(path));
        task.Sarif = null;
        task.SarifFile = Path.Combine(folder.Path, "cmklint.sarif");

        Assert.True(task.Execute());
        Assert.Equal("CMKMSB002", Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void Configuration_levels_apply_to_the_run()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        string config = folder.Write("cmklint.json", "{}");
        var configuration = new LevelConfiguration("CMK001", Level.Warning);
        var task = NewTask(Item(path));
        task.Configuration = configuration;
        task.ConfigFile = config;

        Assert.True(task.Execute());
        Assert.Equal(config, configuration.ReadPath);
        Assert.Equal("CMK001", Assert.Single(engine.Warnings).Code);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Configuration_without_a_reader_is_a_warning_on_the_config_file()
    {
        string path = folder.Write("registry.json", Templates.Premium);
        string config = folder.Write("cmklint.json", "{}");
        var task = NewTask(Item(path));
        task.Configuration = null;
        task.ConfigFile = config;

        Assert.True(task.Execute());
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("CMKMSB003", warning.Code);
        Assert.Equal(config, warning.File);
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
    public void Same_template_listed_twice_is_reported_once()
    {
        string path = folder.Write("registry.json", Templates.Standard);
        var task = NewTask(Item(path), Item(path));

        task.Execute();

        Assert.Single(engine.Errors);
        Assert.Equal(1, task.FilesAnalyzed);
    }

    private LintTemplates NewTask(params ITaskItem[] items) => new()
    {
        BuildEngine = engine,
        Templates = items,
        Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static TaskItem Item(string path) => new(path);

    private sealed class RecordingSarifReport : ISarifReport
    {
        public string? Path { get; private set; }

        public LintResult? Result { get; private set; }

        public void Write(LintResult result, string sarifPath)
        {
            Result = result;
            Path = sarifPath;
        }
    }

    private sealed class LevelConfiguration : IRunConfiguration
    {
        private readonly string ruleId;
        private readonly Level level;

        public LevelConfiguration(string ruleId, Level level)
        {
            this.ruleId = ruleId;
            this.level = level;
        }

        public string? ReadPath { get; private set; }

        public IReadOnlyList<Finding> Configure(string configPath, LintOptions options)
        {
            ReadPath = configPath;
            options.Levels[ruleId] = level;
            return Array.Empty<Finding>();
        }

        public void ApplySuppressions(IReadOnlyList<Finding> findings)
        {
        }
    }
}
