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

namespace CmkLint.Rules.Tests.BicepLowering;

/// <summary>In-memory Bicep files for lowering tests: a loader over them, and the engine over them.</summary>
internal sealed class BicepFiles : IFileSystem
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    public BicepFiles(params (string Name, string Text)[] entries)
    {
        Root = Path.Combine(Path.GetTempPath(), "cmklint-bicep-tests", Guid.NewGuid().ToString("N"));
        foreach (var (name, text) in entries)
        {
            files[PathOf(name)] = text;
        }
    }

    public string Root { get; }

    public string PathOf(string name) => Path.GetFullPath(Path.Combine(Root, name));

    public bool FileExists(string path) => files.ContainsKey(Path.GetFullPath(path));

    public byte[]? ReadAllBytes(string path, out string? error)
    {
        error = null;
        if (files.TryGetValue(Path.GetFullPath(path), out var text))
        {
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        error = "not found";
        return null;
    }

    public TemplateLoader Loader() =>
        new(new LintOptions { FileSystem = this }.Loading(new List<ITemplateFrontEnd> { new ArmFrontEnd(), new BicepFrontEnd() }));

    /// <summary>Lowers one file (with its modules) and returns its template.</summary>
    public Template Lower(string name, out TemplateLoader loader)
    {
        loader = Loader();
        var result = loader.Load(PathOf(name));
        return result.Template ?? throw new InvalidOperationException("no template for " + name);
    }

    public Template Lower(string name) => Lower(name, out _);

    public ResourceGraph Graph(string name) => GraphBuilder.Build(Lower(name), null, null);

    /// <summary>Runs the engine on the given files (full analysis: rules, suppressions, parameters files).</summary>
    public LintResult Analyze(params string[] names)
    {
        var engine = new LintEngine(new LintOptions { FileSystem = this, Parallel = false, Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        return engine.Analyze(names.Select(PathOf));
    }

    public static ResourceDeclaration Resource(Template template, string symbol) =>
        template.Resources.Single(r => r.SymbolicName == symbol);

    public static IEnumerable<Finding> Diagnostics(TemplateLoader loader, string ruleId) =>
        loader.Loaded.SelectMany(l => l.Value.Diagnostics.Concat(l.Value.Template?.Diagnostics ?? Enumerable.Empty<Finding>())).Where(d => d.RuleId == ruleId);
}
