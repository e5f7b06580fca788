using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Rules;
using Xunit;
using Xunit.Abstractions;

namespace CmkLint.Rules.Tests.Oracle;

/// <summary>
/// The official compiler as an oracle: for every sample and quickstart it compiles, our Bicep front
/// end must give the same resources (per deployment, modules included) and the same CMK findings
/// as our ARM front end gives on the compiler's JSON, and the same resolved chain links (identity, key, vault;
/// an existing resource linked to its declaration) and waits of each registry on its chain.
/// </summary>
public sealed class BicepCompilerDifferentialTests
{
    /// <summary>
    /// Known, explained differences (relative path of the .bicep → why). Every entry is a place
    /// where the compiled JSON and the Bicep source legitimately differ for CmkLint.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        // Since the ARM front end binds "[if(cond, createObject('value', a), createObject('value', b))]" parameter
        // holders, the other two quickstarts written that way match; here the compiled JSON still leaves the name of
        // devcenters/galleries unresolved: its galleryName argument is
        // reference(resourceId('Microsoft.Resources/deployments', 'gallery'), '2022-09-01').outputs.name.value, which
        // evaluates to a symbolic reference (path properties.outputs.name.value): names are evaluated while the graph is
        // built, when ResourceGraph.Link does not link IDs yet (no type index), so the module output is not read.
        // The Bicep side reads gallery.outputs.name through the module symbol.
        ["quickstarts/quickstarts/microsoft.devcenter/devbox-with-customized-image/main.bicep"] = "ARM front end: devcenters/galleries name from another module's output, itself bound through an if(createObject('value', ...)) holder, stays unresolved",
    };

    private readonly ITestOutputHelper output;

    public BicepCompilerDifferentialTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Bicep_front_end_matches_the_official_compiler_on_samples_and_quickstarts()
    {
        if (BicepCompiler.Executable is null)
        {
            // The package is linux-x64 only; elsewhere the oracle cannot run (CI is linux-x64).
            output.WriteLine("Bicep compiler not available on this platform; the differential test did not run.");
            return;
        }

        string work = Path.Combine(Path.GetTempPath(), "cmklint-bicep-oracle-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        string source = Path.Combine(work, "src");
        string compiled = Path.Combine(work, "out");
        try
        {
            var entries = Stage(source);
            string log = BicepCompiler.BuildAll(source, compiled);
            var report = new StringBuilder();
            int compiledCount = 0, rejected = 0, same = 0;
            var mismatches = new List<string>();
            var loader = BicepLoweringCorpusTests.NewLoader();
            foreach (var relative in entries)
            {
                string json = Path.Combine(compiled, Path.ChangeExtension(relative, ".json"));
                if (!File.Exists(json))
                {
                    rejected++;
                    continue;
                }

                compiledCount++;
                string difference = Compare(loader, Path.Combine(source, relative), json);
                if (difference.Length == 0)
                {
                    same++;
                }
                else if (KnownDifferences.ContainsKey(relative.Replace('\\', '/')))
                {
                    report.AppendLine("known: " + relative + ": " + KnownDifferences[relative.Replace('\\', '/')]);
                }
                else
                {
                    mismatches.Add(relative + ": " + difference);
                }
            }

            output.WriteLine($"entries {entries.Count}, compiled {compiledCount}, rejected by the compiler {rejected}, same {same}, known differences {compiledCount - same - mismatches.Count}, mismatches {mismatches.Count}");
            output.WriteLine(report.ToString());
            foreach (var m in mismatches)
            {
                output.WriteLine(m);
            }

            Assert.True(compiledCount > 400, $"only {compiledCount} files compiled; compiler log:{Environment.NewLine}{Tail(log)}");
            Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {compiledCount} compiled files differ:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches.Take(40))}");
        }
        finally
        {
            try
            {
                Directory.Delete(work, true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static string Tail(string log) => log.Length > 4000 ? log.Substring(log.Length - 4000) : log;

    /// <summary>
    /// Copies the valid samples and the quickstarts (Bicep and JSON only) to <paramref name="root"/>;
    /// files that refer to a registry are left out (no network: their callers then fail to compile and are skipped).
    /// Returns the entry files, relative to <paramref name="root"/>.
    /// </summary>
    private static List<string> Stage(string root)
    {
        var entries = new List<string>();
        foreach (var dir in Directory.GetDirectories(SharedCorpus.Samples))
        {
            string name = Path.GetFileName(dir);
            if (name.StartsWith("Invalid", StringComparison.Ordinal) || !File.Exists(Path.Combine(dir, "main.bicep")))
            {
                continue;
            }

            CopyTree(dir, Path.Combine(root, "samples", name), null);
            entries.Add(Path.Combine("samples", name, "main.bicep"));
        }

        CopyTree(SharedCorpus.Quickstarts, Path.Combine(root, "quickstarts"), entries);
        return entries;
    }

    private static void CopyTree(string from, string to, List<string>? entries)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            bool bicep = file.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase);
            if (!bicep && !file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string text = File.ReadAllText(file);
            if (bicep && RefersToRegistry(text))
            {
                continue;
            }

            string relative = Path.GetRelativePath(from, file);
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
            if (bicep && entries is not null)
            {
                entries.Add(Path.Combine(Path.GetFileName(to), relative));
            }
        }
    }

    private static bool RefersToRegistry(string text) =>
        text.Contains("'br:", StringComparison.Ordinal) || text.Contains("'br/", StringComparison.Ordinal)
        || text.Contains("'ts:", StringComparison.Ordinal) || text.Contains("'ts/", StringComparison.Ordinal);

    /// <summary>An empty string when both front ends agree; otherwise what differs.</summary>
    private static string Compare(Loading.TemplateLoader loader, string bicepPath, string jsonPath)
    {
        var bicep = loader.Load(bicepPath).Template;
        var arm = loader.Load(jsonPath).Template;
        if (bicep is null || arm is null)
        {
            return bicep is null ? "the Bicep front end made no template" : "the ARM front end made no template of the compiled JSON";
        }

        var options = new EvaluationOptions { Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var ours = GraphBuilder.Build(bicep, null, null, options);
        var theirs = GraphBuilder.Build(arm, null, null, options);
        var differences = new List<string>();
        Diff("resource", Resources(ours), Resources(theirs), differences);
        Diff("finding", Findings(ours, options), Findings(theirs, options), differences);
        Diff("chain", ChainLinks(ours), ChainLinks(theirs), differences);
        Diff("wait", ChainWaits(ours), ChainWaits(theirs), differences);
        return string.Join("; ", differences);
    }

    /// <summary>
    /// What each CMK registry's chain resolves to: the declared identity, key and vault (an <c>existing</c> resource
    /// linked to its declaration counts as that declaration; the compiled JSON often has only reference() there).
    /// </summary>
    private static Dictionary<string, int> ChainLinks(ResourceGraph graph)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in global::CmkLint.Cmk.CmkChain.Of(graph))
        {
            string key = $"{Key(chain.Resource)} identity={Key(chain.Identity.Instance)} key={Key(chain.KeyResource)} vault={Key(chain.Vault)}";
            counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
        }

        return counts;
    }

    /// <summary>Which declared resources of its chain (identity, key, vault, grants) each CMK registry waits for, as ARM orders them.</summary>
    private static Dictionary<string, int> ChainWaits(ResourceGraph graph)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in global::CmkLint.Cmk.CmkChain.Of(graph))
        {
            var targets = new List<ResourceInstance?> { chain.Identity.Instance, chain.KeyResource, chain.Vault };
            foreach (var grant in chain.Grants)
            {
                targets.Add(grant.Resource);
            }

            foreach (var target in targets)
            {
                if (target is null || target.Existing || ReferenceEquals(target, chain.Resource))
                {
                    continue;
                }

                string key = $"{Key(chain.Resource)} -> {Key(target)}: {graph.DependsOn(chain.Resource, target)}";
                counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
            }
        }

        return counts;
    }

    private static string Key(ResourceInstance? r) =>
        r is null ? "-" : $"{DeploymentPath(r.Deployment)}{r.Type.ToLowerInvariant()} {Name(r)}{(r.Existing ? " existing" : string.Empty)}";

    private static void Diff(string what, Dictionary<string, int> ours, Dictionary<string, int> theirs, List<string> into)
    {
        foreach (var key in ours.Keys.Union(theirs.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            ours.TryGetValue(key, out int a);
            theirs.TryGetValue(key, out int b);
            if (a != b)
            {
                into.Add($"{what} {key}: bicep {a}, compiled {b}");
            }
        }
    }

    /// <summary>Deployed (not <c>existing</c>) resource instances by deployment path, type, API version and name where known.</summary>
    private static Dictionary<string, int> Resources(ResourceGraph graph)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in graph.Resources)
        {
            if (r.Existing)
            {
                continue;
            }

            string key = $"{DeploymentPath(r.Deployment)} {r.Type.ToLowerInvariant()}@{r.ApiVersion} {Name(r)}";
            counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
        }

        return counts;
    }

    private static string DeploymentPath(Deployment deployment) =>
        deployment.Owner is null ? "/" : DeploymentPath(deployment.Owner.Deployment) + Name(deployment.Owner) + "/";

    /// <summary>The full name when every segment is known text; "?" otherwise (runtime names are compared by count only).</summary>
    private static string Name(ResourceInstance r)
    {
        var parts = new List<string>();
        foreach (var segment in r.Id.Names)
        {
            if (segment is not StringValue s)
            {
                return "?";
            }

            parts.Add(s.Text);
        }

        return "'" + string.Join("/", parts) + "'";
    }

    private static Dictionary<string, int> Findings(ResourceGraph graph, EvaluationOptions options)
    {
        var context = new RuleContext(graph, options);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.Rules)
        {
            foreach (var f in rule.Analyze(context))
            {
                string key = $"{f.RuleId} {f.Kind} {f.Level}";
                counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
            }
        }

        return counts;
    }
}
