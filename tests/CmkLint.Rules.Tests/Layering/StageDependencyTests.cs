using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Xunit;

namespace CmkLint.Rules.Tests.Layering;

/// <summary>
/// The pipeline stages of <c>CmkLint.Rules</c>, first to last; a stage uses only its own and earlier
/// stages, so any stage can be read, tested and replaced without the ones after it.
/// <code>
/// | #  | stage                | namespaces (= folders)             | what it holds                                                        |
/// |----|----------------------|------------------------------------|----------------------------------------------------------------------|
/// | 1  | Text                 | Text                               | source files, spans, line maps, decoding, the JSON reader            |
/// | 2  | Diagnostics          | Diagnostics                        | findings, rule descriptors, diagnostics about inputs                 |
/// | 3  | Model                | Model                              | the template model (templates, resources, expression trees)         |
/// | 4  | Loading              | Loading                            | file system, path resolution, budgets, front-end contract, loader    |
/// | 5  | ARM front end        | Arm                                | ARM JSON templates and parameters files into the model               |
/// | 6  | Bicep syntax         | Bicep.Syntax                       | Bicep lexer and parser                                               |
/// | 7  | Bicep modules        | Bicep.Modules                      | module references, bicepconfig.json, the restored module cache       |
/// | 8  | Bicep lowering       | Bicep.Lowering                     | Bicep syntax into the model (modules through the loader)             |
/// | 9  | Bicep front end      | Bicep                              | the Bicep front end itself                                           |
/// | 10 | Evaluation and graph | Evaluation, Graph                  | one stage: the evaluator resolves references against the deployment  |
/// |    |                      |                                    | and the graph builder evaluates bodies, each through the other       |
/// | 11 | CMK layer            | Cmk, Rules.Chain                   | registry → identity → key → vault → grants, key access, asked by rules |
/// | 12 | Previous state       | PreviousState                      | the registries at a git revision or in a deployed export             |
/// | 13 | Rules                | Rules                              | one class per rule: decide and phrase                                |
/// | 14 | Fixes                | Fixes                              | suggested fixes as text edits                                        |
/// | 15 | Reporting            | Reporting                          | text, JSON, SARIF, GitHub reporters, finding limits                  |
/// | 16 | Configuration        | Configuration                      | cmklint.json (rule levels, limits, budgets), baseline, globs         |
/// | 17 | Dependencies         | Dependencies                       | which files reach which (models released when done; --changed-since) |
/// | 18 | Engine               | Engine                             | the lint run: options, front ends, rule pass, result                 |
/// | 19 | Workspace            | Workspace                          | the entry points every channel calls: paths, or a lowered template   |
/// </code>
/// A new folder gets a row here (the first test fails until it has one).
/// </summary>
public sealed class StageDependencyTests
{
    /// <summary>The stages, first to last, each with its namespaces (without the <c>CmkLint.</c> prefix).</summary>
    internal static readonly (string Stage, string[] Namespaces)[] Stages =
    {
        ("Text", new[] { "Text" }),
        ("Diagnostics", new[] { "Diagnostics" }),
        ("Model", new[] { "Model" }),
        ("Loading", new[] { "Loading" }),
        ("ARM front end", new[] { "Arm" }),
        ("Bicep syntax", new[] { "Bicep.Syntax" }),
        ("Bicep modules", new[] { "Bicep.Modules" }),
        ("Bicep lowering", new[] { "Bicep.Lowering" }),
        ("Bicep front end", new[] { "Bicep" }),
        ("Evaluation and graph", new[] { "Evaluation", "Graph" }),
        ("CMK layer", new[] { "Cmk", "Rules.Chain" }),
        ("Previous state", new[] { "PreviousState" }),
        ("Rules", new[] { "Rules" }),
        ("Fixes", new[] { "Fixes" }),
        ("Reporting", new[] { "Reporting" }),
        ("Configuration", new[] { "Configuration" }),
        ("Dependencies", new[] { "Dependencies" }),
        ("Engine", new[] { "Engine" }),
        ("Workspace", new[] { "Workspace" }),
    };

    private static readonly Assembly Engine = typeof(IRule).Assembly;

    [Fact]
    public void Every_namespace_of_the_engine_belongs_to_one_stage()
    {
        var unplaced = EngineNamespaces().Where(ns => StageOf(ns) < 0).ToList();

        Assert.True(unplaced.Count == 0, "namespaces with no stage in StageDependencyTests.Stages (add a row): " + string.Join(", ", unplaced));
        var twice = Stages.SelectMany(s => s.Namespaces).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public void No_type_uses_a_type_of_a_later_stage()
    {
        var failures = new List<string>();
        for (int stage = 0; stage < Stages.Length - 1; stage++)
        {
            var later = LaterTypeNames(stage);
            var result = Types.InAssembly(Engine)
                .That().ResideInNamespaceMatching(NamespacePattern(stage))
                .ShouldNot().HaveDependencyOnAny(later)
                .GetResult();
            if (!result.IsSuccessful)
            {
                foreach (var type in result.FailingTypeNames ?? Array.Empty<string>())
                {
                    failures.Add($"{type} (stage {Stages[stage].Stage}) uses {string.Join(", ", LaterDependencies(type, later))}");
                }
            }
        }

        Assert.True(failures.Count == 0, "upward dependencies between stages:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void No_source_file_imports_a_later_stage()
    {
        var source = Path.Combine(Lint.RepositoryRoot(), "src", "CmkLint.Rules");
        var failures = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var ns = Regex.Match(text, @"^namespace CmkLint\.([\w.]+)\s*;", RegexOptions.Multiline);
            if (!ns.Success)
            {
                continue;
            }

            int own = StageOf(ns.Groups[1].Value);
            foreach (Match import in Regex.Matches(text, @"^using (?:static )?CmkLint\.([\w.]+)\s*;", RegexOptions.Multiline))
            {
                // A using static names a type: its namespace is the longest known prefix.
                int imported = StageOfPrefix(import.Groups[1].Value);
                if (own >= 0 && imported > own)
                {
                    failures.Add($"{Path.GetRelativePath(source, file)}: 'using CmkLint.{import.Groups[1].Value}' in stage {Stages[own].Stage} names the later stage {Stages[imported].Stage}");
                }
            }
        }

        Assert.True(failures.Count == 0, "imports of later stages:\n" + string.Join("\n", failures));
    }

    private static IEnumerable<string> EngineNamespaces() =>
        Engine.GetTypes().Select(t => t.Namespace).Where(n => n is not null && n.StartsWith("CmkLint.", StringComparison.Ordinal)).Select(n => n!.Substring("CmkLint.".Length)).Distinct().OrderBy(n => n, StringComparer.Ordinal);

    private static int StageOf(string ns) => Array.FindIndex(Stages, s => s.Namespaces.Contains(ns, StringComparer.Ordinal));

    private static int StageOfPrefix(string name)
    {
        for (string candidate = name; ; candidate = candidate.Substring(0, candidate.LastIndexOf('.')))
        {
            int stage = StageOf(candidate);
            if (stage >= 0 || candidate.IndexOf('.') < 0)
            {
                return stage;
            }
        }
    }

    private static string NamespacePattern(int stage) =>
        "^CmkLint\\.(" + string.Join("|", Stages[stage].Namespaces.Select(Regex.Escape)) + ")$";

    /// <summary>Full names of the top-level types of every later stage (nested types match through their outer type).</summary>
    private static string[] LaterTypeNames(int stage) =>
        Engine.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is not null && t.Namespace.StartsWith("CmkLint.", StringComparison.Ordinal) && StageOf(t.Namespace.Substring("CmkLint.".Length)) > stage)
            .Select(t => t.FullName!)
            .ToArray();

    /// <summary>For the failure message: the later namespaces the failing type uses (one narrower query per namespace).</summary>
    private static IEnumerable<string> LaterDependencies(string failingType, string[] later)
    {
        foreach (var ns in later.GroupBy(n => n.Substring(0, n.LastIndexOf('.'))))
        {
            var users = Types.InAssembly(Engine).That().HaveDependencyOnAny(ns.ToArray()).GetTypes();
            if (users.Any(t => t.FullName == failingType))
            {
                yield return ns.Key;
            }
        }
    }
}
