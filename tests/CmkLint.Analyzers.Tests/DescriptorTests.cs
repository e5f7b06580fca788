using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Analyzers.CSharp;
using CmkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class DescriptorTests
{
    [Fact]
    public void Every_rule_of_the_catalogue_has_one_descriptor_with_its_title_level_and_help_link()
    {
        foreach (var rule in RuleCatalog.Descriptors)
        {
            var descriptor = CmkDiagnostics.Get(rule.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.FullDescription, descriptor.Description.ToString());
            Assert.Equal(rule.HelpUri, descriptor.HelpLinkUri);
            Assert.Equal(CmkDiagnostics.Severity(rule.DefaultLevel), descriptor.DefaultSeverity);
        }

        Assert.Equal(CmkDiagnostics.All.Length, CmkDiagnostics.All.Select(d => d.Id).Distinct().Count());
        Assert.Contains(CmkDiagnostics.All, d => d.Id == "CMK007");
    }

    [Fact]
    public void Release_tracking_files_list_exactly_the_supported_rules_with_their_category_and_severity()
    {
        string folder = Path.Combine(RepositoryRoot(), "src", "CmkLint.Analyzers");
        var rows = new Dictionary<string, (string Category, string Severity)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(folder, file)))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length >= 3 && cells[0].StartsWith("CMK", StringComparison.Ordinal))
                {
                    rows[cells[0]] = (cells[1], cells[2]);
                }
            }
        }

        Assert.Equal(CmkDiagnostics.All.Select(d => d.Id).OrderBy(i => i), rows.Keys.OrderBy(i => i));
        foreach (var descriptor in CmkDiagnostics.All)
        {
            Assert.Equal(descriptor.Category, rows[descriptor.Id].Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), rows[descriptor.Id].Severity);
        }
    }

    [Fact]
    public void A_compilation_without_the_sdks_is_not_analysed()
    {
        var plain = CSharpCompilation.Create("plain", new[] { CSharpSyntaxTree.ParseText("class C { void M() { var x = new object(); } }") });
        Assert.False(InfrastructureCodeAnalyzer.ReferencesSdk(plain));

        var stubbed = CSharpCompilation.Create("stubbed", Verify.Stubs(Sdk.Pulumi).Select(s => CSharpSyntaxTree.ParseText(s.Text)));
        Assert.True(InfrastructureCodeAnalyzer.ReferencesSdk(stubbed));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CmkLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CmkLint.sln not found above " + AppContext.BaseDirectory);
    }
}
