using System;
using System.Collections.Generic;
using System.Linq;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.PreviousState;
using CmkLint.Rules.Tests.PreviousState;
using Xunit;
using static CmkLint.Rules.Tests.BicepRules.BicepChain;

namespace CmkLint.Rules.Tests.BicepRules;

/// <summary>CMK008 and CMK016 on a Bicep file compared with its previous git revision.</summary>
public sealed class BicepPreviousStateRuleTests : IDisposable
{
    private const string TemplatePath = "infra/main.bicep";
    private readonly GitRepositoryFixture repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public void Cmk008_cmk_disabled_after_it_was_enabled_is_an_error_on_the_status()
    {
        string after = new BicepChain { EncryptionStatus = "'disabled'" }.Build();
        var result = LintVersions(new BicepChain().Build(), after);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK008");
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal(Locate(after, "encryption: {", "'disabled'"), (finding.Span.StartPosition.Line, finding.Span.StartPosition.Column));
        Assert.Equal("git:HEAD~1", finding.Comparison);
    }

    [Fact]
    public void Cmk008_and_cmk016_unchanged_cmk_registry_is_clean()
    {
        string bicep = new BicepChain().Build();
        var result = LintVersions(bicep, bicep);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "CMK007" or "CMK008" or "CMK016");
        Assert.Empty(Violations(result));
    }

    [Fact]
    public void Cmk016_access_policy_removed_is_an_error_on_the_encryption_identity()
    {
        string after = new BicepChain { AccessPolicies = "[]" }.Build();
        var result = LintVersions(new BicepChain().Build(), after);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK016");
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal(Locate(after, "keyVaultProperties:", "uami.properties.clientId"), (finding.Span.StartPosition.Line, finding.Span.StartPosition.Column));
        Assert.Contains("is gone", finding.Message, StringComparison.Ordinal);
    }

    private LintResult LintVersions(string before, string after)
    {
        repository.Write(TemplatePath, before);
        repository.Commit("v1");
        string current = repository.Write(TemplatePath, after);
        repository.Commit("v2");
        var options = new LintOptions { Parallel = false, Now = Now, DiscoverParameterFiles = false };
        options.Previous.Add(PreviousStateSource.GitRevision("HEAD~1", repository.Root));
        return new LintEngine(options).Analyze(new List<string> { current });
    }
}
