using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Arm;
using CmkLint.Bicep;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Graph;
using CmkLint.Loading;
using CmkLint.Model;
using Xunit;

namespace CmkLint.Rules.Tests.Oracle;

/// <summary>Oracles no one here wrote: the Bicep repository's samples and the Azure quickstarts must lower cleanly.</summary>
public sealed class BicepLoweringCorpusTests
{
    /// <summary>
    /// Invalid samples whose errors only type checking finds, which CmkLint does not do (it is not a
    /// compiler): InvalidRuntimeValueUsages_LF (BCP182/BCP053: runtime values where deploy-time
    /// constants are needed, and unknown properties) and InvalidLoadFunctions_CRLF (BCP091 and friends:
    /// missing or malformed files read by load functions, a CMK901 note here because analysed copies
    /// often lack their assets).
    /// </summary>
    private static readonly HashSet<string> KnownSilentInvalid = new(StringComparer.Ordinal) { "InvalidRuntimeValueUsages_LF", "InvalidLoadFunctions_CRLF" };

    internal static TemplateLoader NewLoader() =>
        new(new LintOptions().Loading(new List<ITemplateFrontEnd> { new ArmFrontEnd(), new BicepFrontEnd() }));

    /// <summary>Every CMK900 of a template and of the local modules it loaded.</summary>
    internal static List<Finding> Errors(TemplateLoader loader)
    {
        var errors = new List<Finding>();
        foreach (var loaded in loader.Loaded)
        {
            errors.AddRange(loaded.Value.Diagnostics.Where(d => d.RuleId == "CMK900"));
            if (loaded.Value.Template is not null)
            {
                errors.AddRange(loaded.Value.Template.Diagnostics.Where(d => d.RuleId == "CMK900"));
            }
        }

        return errors;
    }

    [Fact]
    public void Every_valid_bicep_sample_lowers_without_errors()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var dir in Directory.GetDirectories(SharedCorpus.Samples).Where(d => !Path.GetFileName(d).StartsWith("Invalid", StringComparison.Ordinal)))
        {
            string main = Path.Combine(dir, "main.bicep");
            if (!File.Exists(main))
            {
                continue;
            }

            count++;
            var loader = NewLoader();
            var result = loader.Load(main);
            if (result.Template is null)
            {
                failures.Add(main + ": no template");
                continue;
            }

            GraphBuilder.Build(result.Template, null, null);
            foreach (var e in Errors(loader))
            {
                failures.Add($"{e.Span} {e.Message}");
            }
        }

        Assert.True(count > 30, "the samples corpus is missing: " + SharedCorpus.Samples);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_invalid_bicep_sample_gives_errors_and_never_throws()
    {
        var silent = new List<string>();
        int count = 0;
        foreach (var dir in Directory.GetDirectories(SharedCorpus.Samples).Where(d => Path.GetFileName(d).StartsWith("Invalid", StringComparison.Ordinal)))
        {
            string main = Path.Combine(dir, "main.bicep");
            if (!File.Exists(main))
            {
                continue;
            }

            count++;
            var loader = NewLoader();
            var result = loader.Load(main);
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("internal error", StringComparison.Ordinal));
            if (result.Template is not null)
            {
                GraphBuilder.Build(result.Template, null, null);
            }

            if (Errors(loader).Count == 0 && !KnownSilentInvalid.Contains(Path.GetFileName(dir)))
            {
                silent.Add(Path.GetFileName(dir));
            }
        }

        Assert.True(count > 20, "the samples corpus is missing: " + SharedCorpus.Samples);
        Assert.True(silent.Count == 0, "no CMK900 for: " + string.Join(", ", silent));
    }

    [Fact]
    public void Every_quickstart_bicep_file_lowers_and_evaluates_without_errors()
    {
        var failures = new List<string>();
        var files = Directory.GetFiles(SharedCorpus.Quickstarts, "*.bicep", SearchOption.AllDirectories);
        Assert.True(files.Length > 500, "the quickstarts corpus is missing: " + SharedCorpus.Quickstarts);
        var loader = NewLoader();
        foreach (var path in files)
        {
            var result = loader.Load(path);
            if (result.Template is null)
            {
                failures.Add(path + ": no template " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
                continue;
            }

            try
            {
                var graph = GraphBuilder.Build(result.Template, null, null);
                foreach (var resource in graph.Resources)
                {
                    _ = resource.Body;
                }
            }
            catch (Exception e)
            {
                failures.Add(path + ": " + e);
            }
        }

        foreach (var e in Errors(loader))
        {
            failures.Add($"{e.Span} {e.Message}");
        }

        Assert.True(failures.Count == 0, failures.Count + " failures:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(60)));
    }
}
