using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CmkLint.Arm;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Graph;
using CmkLint.Rules.Chain;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Corpus;

/// <summary>The Azure quickstart templates (../shared/corpus/quickstarts): real ARM templates no one here wrote.</summary>
public class QuickstartCorpusTests
{
    private static readonly Regex TemplateSchema = new("\"\\$schema\"\\s*:\\s*\"[^\"]*deploymentTemplate\\.json", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Templates with an expression Azure Resource Manager rejects: the JSON is valid, but ARM rejects the
    /// template, so each gets CMK900 at the place named (issue 13), and no other CMK900.
    /// </summary>
    private static readonly Dictionary<string, string> KnownInvalid = new(StringComparer.Ordinal)
    {
        // "[listKeys(..., providers('Microsoft.Media', 'mediaservices')'2015-10-01'0]).primaryKey]": a typo for .apiVersions[0].
        ["application-workloads/orchard/orchard-cms-video-portal/azuredeploy.json"] = "(206,",
    };

    private static string Relative(string path) =>
        Path.GetRelativePath(Path.Combine(Lint.SharedRoot(), "corpus", "quickstarts"), path).Replace('\\', '/');

    private static List<string> TemplatePaths()
    {
        string root = Path.Combine(Lint.SharedRoot(), "corpus", "quickstarts");
        Assert.True(Directory.Exists(root), "the quickstart corpus is missing: " + root);
        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(p => TemplateSchema.IsMatch(File.ReadAllText(p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Every_quickstart_template_is_read_and_evaluated_without_exception_or_cmk900_and_without_chain_errors_when_it_has_no_cmk_registry()
    {
        var paths = TemplatePaths();
        Assert.True(paths.Count > 1500, $"expected about 1,900 templates, found {paths.Count}");

        // 1. Read every template, build its graph and evaluate every resource body and its dependencies.
        var problems = new ConcurrentBag<string>();
        var withCmk = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        Parallel.ForEach(paths, path =>
        {
            try
            {
                var document = ArmTemplateReader.Read(new SourceFile(path, File.ReadAllText(path)));
                foreach (var d in document.Diagnostics.Where(d => d.RuleId == "CMK900"))
                {
                    problems.Add(d.ToString());
                }

                if (document.Template is null)
                {
                    problems.Add(path + ": not read as a template (" + document.Kind + ")");
                    return;
                }

                var graph = GraphBuilder.Build(document.Template, null, null);
                foreach (var resource in graph.Resources)
                {
                    _ = resource.Body;
                    _ = resource.Dependencies;
                }

                // Expressions are parsed as they are read: problems found while evaluating land in the template's diagnostics.
                foreach (var d in document.Template.Diagnostics.Where(d => d.RuleId == "CMK900" && !KnownInvalid.ContainsKey(Relative(path))))
                {
                    problems.Add(d.ToString());
                }

                if (CmkRegistry.All(graph).Any(r => r.IsCmk != false))
                {
                    withCmk[path] = true;
                }
            }
            catch (Exception e)
            {
                string frame = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
                problems.Add($"{path}: {e.GetType().Name}: {e.Message} {frame}");
            }
        });
        Assert.True(problems.IsEmpty, $"{problems.Count} templates failed:{Environment.NewLine}{string.Join(Environment.NewLine, problems.OrderBy(p => p, StringComparer.Ordinal).Take(60))}");

        // 2. The whole engine, with every rule, over the same files (parameters files found by convention).
        var result = new LintEngine(new LintOptions()).Analyze(paths);
        var invalid = result.Findings.Where(f => f.RuleId == "CMK900" && !KnownInvalid.ContainsKey(Relative(f.Path))).ToList();
        Assert.True(invalid.Count == 0, $"CMK900 on {invalid.Count} findings:{Environment.NewLine}{string.Join(Environment.NewLine, invalid.Take(30))}");

        foreach (var known in KnownInvalid)
        {
            Assert.Contains(result.Findings, f => f.RuleId == "CMK900" && Relative(f.Path) == known.Key && f.ToString().Contains(known.Value, StringComparison.Ordinal));
        }

        // 3. A template without a CMK registry cannot break a CMK chain rule (CMK002-CMK015).
        var offenders = result.Findings
            .Where(f => f.Level == Level.Error && IsChainOrRegistryRule(f.RuleId) && !withCmk.ContainsKey(f.Path))
            .ToList();
        Assert.True(offenders.Count == 0, $"{offenders.Count} errors on templates without a CMK registry:{Environment.NewLine}{string.Join(Environment.NewLine, offenders.Take(30))}");
    }

    private static bool IsChainOrRegistryRule(string id) =>
        id.Length == 6 && id.StartsWith("CMK", StringComparison.Ordinal) && int.TryParse(id.Substring(3), out int n) && n >= 2 && n <= 15;
}
