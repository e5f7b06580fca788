using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using CmkLint.Analyzers;
using CmkLint.Analyzers.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CmkLint.Analyzers.Tests;

/// <summary>The SDK families whose stubs a C# test compiles against.</summary>
public enum Sdk
{
    Provisioning10,
    Provisioning11,
    ResourceManager,
    Pulumi,
}

/// <summary>Runs the analyzers through Microsoft.CodeAnalysis.Testing: real compilations, expected spans written as markup.</summary>
public static class Verify
{
    /// <summary>The stub sources of an SDK family (embedded test sources, compiled into the test compilation).</summary>
    public static IEnumerable<(string Name, string Text)> Stubs(Sdk sdk)
    {
        switch (sdk)
        {
            case Sdk.Provisioning10:
                yield return Stub("AzureProvisioningCore.cs");
                yield return Stub("AzureProvisioning10.cs");
                yield return Stub("Aspire.cs");
                break;
            case Sdk.Provisioning11:
                yield return Stub("AzureProvisioningCore.cs");
                yield return Stub("AzureProvisioning11.cs");
                yield return Stub("Aspire.cs");
                break;
            case Sdk.ResourceManager:
                yield return Stub("AzureResourceManager.cs");
                break;
            case Sdk.Pulumi:
                yield return Stub("PulumiAzureNative.cs");
                break;
        }
    }

    public static (string Name, string Text) Stub(string name)
    {
        using var stream = typeof(Verify).Assembly.GetManifestResourceStream("Stubs." + name)!;
        using var reader = new StreamReader(stream);
        return ("/stubs/" + name, reader.ReadToEnd());
    }

    /// <summary>Template files (path → markup text) analysed as additional files; expected diagnostics are in the markup.</summary>
    public static Task TemplatesAsync(params (string Path, string Markup)[] files)
    {
        var test = new CSharpAnalyzerTest<TemplateFileAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/src/Program.cs", "internal static class Program { }"));
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Markup));
        }

        return test.RunAsync();
    }

    /// <summary>Template files taken verbatim (no markup: a sample's text is not rewritten) with the diagnostics they must report.</summary>
    public static Task TemplatesAsync((string Path, string Text)[] files, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TemplateFileAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.MarkupHandling = MarkupMode.None;
        test.TestState.Sources.Add(("/src/Program.cs", "internal static class Program { }"));
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>C# infrastructure code (markup) compiled with the stubs of an SDK family.</summary>
    public static Task CSharpAsync(Sdk sdk, string markup, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<InfrastructureCodeAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/src/Infrastructure.cs", markup));
        foreach (var stub in Stubs(sdk))
        {
            test.TestState.Sources.Add(stub);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// An analyzer over C# sources and additional files (markup in both), with analyzer config files
    /// (<c>.editorconfig</c>, a global config carrying <c>build_property.*</c>) and the expected diagnostics.
    /// </summary>
    public static Task ConfiguredAsync<TAnalyzer>(Sdk? sdk, (string Path, string Markup)[] sources, (string Path, string Markup)[] additionalFiles, (string Path, string Text)[] analyzerConfigs, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/src/Program.cs", "internal static class Program { }"));
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        if (sdk is { } family)
        {
            foreach (var stub in Stubs(family))
            {
                test.TestState.Sources.Add(stub);
            }
        }

        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        foreach (var config in analyzerConfigs)
        {
            test.TestState.AnalyzerConfigFiles.Add(config);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A code fix: <paramref name="markup"/> has the diagnostic, <paramref name="fixedSource"/> is the result; <paramref name="remaining"/> are other findings present before and after.</summary>
    public static Task FixAsync(Sdk sdk, string markup, string fixedSource, params DiagnosticResult[] remaining)
    {
        var test = new CSharpCodeFixTest<InfrastructureCodeAnalyzer, CmkCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/src/Infrastructure.cs", markup));
        test.FixedState.Sources.Add(("/src/Infrastructure.cs", fixedSource));
        foreach (var stub in Stubs(sdk))
        {
            test.TestState.Sources.Add(stub);
            test.FixedState.Sources.Add(stub);
        }

        // Findings the fix does not address stay in both states.
        test.TestState.ExpectedDiagnostics.AddRange(remaining);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }
}
