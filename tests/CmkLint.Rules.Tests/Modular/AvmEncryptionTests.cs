using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>
/// The Azure Verified Modules registry module with its own CMK test (<c>tests/e2e/encr</c>): the
/// dependencies module creates identity, vault, key and role assignment and passes their IDs out;
/// the registry module reads them back as <c>existing</c> resources built from those IDs. Analysed
/// from the test, every CMK check is decided; breaking one link in the dependencies module is
/// reported by the rule for that link, at the line that broke it.
/// </summary>
public sealed class AvmEncryptionTests
{
    private static readonly string Registry = Path.Combine(Oracle.SharedCorpus.Shared, "corpus", "avm", "res", "container-registry", "registry");

    private static readonly string Test = Path.Combine(Registry, "tests", "e2e", "encr", "main.test.bicep");

    private static readonly string Dependencies = Path.Combine(Registry, "tests", "e2e", "encr", "dependencies.bicep");

    private static LintResult Analyze(string? dependencies = null)
    {
        var options = new LintOptions { Parallel = false, IncludeInconclusive = true, Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) };
        var engine = new LintEngine(options);
        var texts = new Dictionary<string, string> { [Test] = File.ReadAllText(Test) };
        if (dependencies is not null)
        {
            texts[Dependencies] = dependencies;
        }

        return engine.AnalyzeTexts(texts);
    }

    [Fact]
    public void Avm_encryption_test_decides_every_cmk_check_and_finds_nothing()
    {
        var result = Analyze();
        var chain = result.Findings.Where(f => f.RuleId.StartsWith("CMK0", StringComparison.Ordinal)).ToList();
        Assert.True(chain.Count == 0, Lint.Describe(result));
    }

    public static IEnumerable<object[]> Mutations() => new[]
    {
        new object[] { "kty: 'RSA'", "kty: 'EC'", "CMK011", "'EC'" },
        new object[] { "enablePurgeProtection: true", "enablePurgeProtection: false", "CMK005", "false // Required" },
        new object[] { "'12338af0-0e69-4776-bea7-57ae8d297424'", "'acdd72a7-3843-4e7c-b2fe-1ae2e3b6dc9e'", "CMK004", "subscriptionResourceId(" },
        new object[] { "principalId: managedIdentity.properties.principalId", "principalId: managedIdentity.properties.clientId", "CMK004", "managedIdentity.properties.clientId" },
        new object[] { "enableRbacAuthorization: true", "enableRbacAuthorization: false", "CMK004", "subscriptionResourceId(" },
        new object[] { "    kty: 'RSA'\n", "    kty: 'RSA'\n      attributes: {\n        enabled: false\n      }\n", "CMK011", "false\n      }" },
        new object[] { "    accessPolicies: []\n", "    accessPolicies: []\n    networkAcls: {\n      defaultAction: 'Deny'\n      bypass: 'AzureServices'\n    }\n", "CMK009", "'Deny'" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Avm_encryption_test_with_one_broken_link_reports_that_link(string find, string replace, string rule, string at)
    {
        string original = File.ReadAllText(Dependencies).Replace("\r\n", "\n");
        Assert.Contains(find, original);
        string mutated = original.Replace(find, replace);

        var result = Analyze(mutated);

        var violations = result.Findings.Where(f => f.Kind == FindingKind.Violation && f.RuleId.StartsWith("CMK0", StringComparison.Ordinal)).ToList();
        var finding = Assert.Single(violations);
        Assert.Equal(rule, finding.RuleId);
        var locations = new[] { finding.Span }.Concat(finding.Related.Select(r => r.Span)).ToList();
        var expected = Lint.Locate(mutated, at);

        // The line that broke it, in dependencies.bicep: the primary location or (when the rule points at the registry) a related one.
        Assert.Contains(locations, s => s.File!.Path == Dependencies && s.StartPosition.Line == expected.Line);

        // Related: the resources of dependencies.bicep, and the module calls of the test that pass them on.
        Assert.Contains(finding.Related, r => r.Span.File!.Path == Dependencies);
        Assert.Contains(finding.Related, r => r.Span.File!.Path == Test && r.Span.Text.StartsWith("testDeployment", StringComparison.Ordinal));
    }
}
