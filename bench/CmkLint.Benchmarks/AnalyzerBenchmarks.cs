using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CmkLint.Analyzers;
using CmkLint.Analyzers.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CmkLint.Benchmarks;

/// <summary>
/// What the Roslyn analyzer adds to a compilation: the template analyzer over the corpus's ARM templates
/// as additional files (divide by the file count for the cost per file), and the C# analyzer on a
/// compilation that references no infrastructure SDK (it must register nothing, so this is its floor).
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private Compilation compilation = null!;
    private ImmutableArray<AdditionalText> templates;

    [Params(50)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = CSharpSyntaxTree.ParseText("internal static class Program { private static void Main() { var x = new object(); System.Console.WriteLine(x); } }", path: "/app/Program.cs");
        compilation = CSharpCompilation.Create("app", new[] { source }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        templates = Corpus.ArmTemplates.Take(Files).Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        System.Console.WriteLine($"// analyzer benchmark: {templates.Length} ARM templates as additional files");
    }

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> TemplateFiles() =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateFileAnalyzer()), new AnalyzerOptions(templates)).GetAnalyzerDiagnosticsAsync();

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> CSharpWithoutSdk() =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InfrastructureCodeAnalyzer())).GetAnalyzerDiagnosticsAsync();

    /// <summary>The compilation alone with no analyzer: the baseline the two above add to.</summary>
    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> CompilationOnly() => compilation.GetDiagnostics();

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
