using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Diagnostics;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Rules.Tests.Fixes;

/// <summary>
/// <c>--fix</c> on the samples and on quickstart-style files: the fixed rule is gone, a second pass changes
/// nothing, ARM stays JSON, and the official Bicep compiler still builds every fixed Bicep file.
/// </summary>
public class FixSampleTests
{
    private static readonly string[] Fixable = { "cmk001", "cmk003", "cmk005", "cmk006", "cmk013", "cmk014" };

    private static string FilesRoot => Path.Combine(Lint.RepositoryRoot(), "tests", "CmkLint.Rules.Tests", "Fixes", "Files");

    public static IEnumerable<object[]> FixableSamples() =>
        new[] { "bicep", "arm" }
            .SelectMany(kind => Directory.EnumerateFiles(Path.Combine(Lint.RepositoryRoot(), "samples", kind, "bad")))
            .Where(p => Fixable.Any(id => Path.GetFileName(p).StartsWith(id, StringComparison.Ordinal)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(Lint.RepositoryRoot(), p) });

    [Fact]
    public void Every_fixable_rule_has_a_bicep_and_an_arm_sample()
    {
        var samples = FixableSamples().Select(s => (string)s[0]).ToList();
        Assert.Equal(Fixable.Length * 2, samples.Count);
    }

    [Theory]
    [MemberData(nameof(FixableSamples))]
    public void A_sample_is_fixed_its_rule_is_gone_and_a_second_fix_changes_nothing(string sample)
    {
        string ruleId = Path.GetFileName(sample).Substring(0, 6).ToUpperInvariant();
        string path = "/virtual/" + Path.GetFileName(sample);
        var first = FixRound.Run(path, File.ReadAllText(Path.Combine(Lint.RepositoryRoot(), sample)));
        Assert.Contains(ruleId, first.FixedRules);
        Assert.NotEmpty(first.Before.Findings);

        var second = FixRound.Run(first.After);
        Assert.DoesNotContain(second.Before.Findings, f => f.RuleId == ruleId && f.Kind == FindingKind.Violation);
        Assert.Empty(second.Fixes);
        Assert.Equal(first.After[path], second.After[path]);
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            JObject.Parse(first.After[path]);
        }
    }

    [Fact]
    public void Quickstart_style_bicep_gets_every_fix_with_its_formatting_and_comments_kept()
    {
        string path = "/virtual/quickstart-cmk.bicep";
        string text = File.ReadAllText(Path.Combine(FilesRoot, "quickstart-cmk.bicep"));
        var round = FixRound.Run(path, text);
        Assert.Equal(new[] { "CMK001", "CMK003", "CMK005", "CMK006", "CMK013" }, round.FixedRules.OrderBy(r => r, StringComparer.Ordinal));
        string fixedText = round.After[path];
        Assert.Contains("@allowed([\n  'Premium'\n])", fixedText, StringComparison.Ordinal);
        Assert.Contains("param acrSku string = 'Premium'\n", fixedText, StringComparison.Ordinal);
        Assert.Contains("param trustStatus string = 'disabled'\n", fixedText, StringComparison.Ordinal);
        Assert.Contains("  properties: {\n    enablePurgeProtection: true\n    enableSoftDelete: true\n    tenantId: subscription().tenantId\n", fixedText, StringComparison.Ordinal);
        Assert.Contains("        identity: identity.properties.clientId\n        keyIdentifier: vault::key.properties.keyUri\n", fixedText, StringComparison.Ordinal);
        Assert.Contains("    name: acrSku // the tier\n", fixedText, StringComparison.Ordinal);

        // The access policy's objectId is a principal ID on purpose and stays one.
        Assert.Contains("objectId: identity.properties.principalId", fixedText, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').Length + 1, fixedText.Split('\n').Length);

        var again = FixRound.Run(round.After);
        Assert.Empty(again.Fixes);
        Assert.DoesNotContain(again.Before.Findings, f => f.Kind == FindingKind.Violation);
    }

    [Fact]
    public void Quickstart_style_arm_with_crlf_keeps_its_line_endings_and_stays_json()
    {
        string path = "/virtual/quickstart-cmk.json";
        string text = File.ReadAllText(Path.Combine(FilesRoot, "quickstart-cmk.json"));
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        var round = FixRound.Run(path, text);
        Assert.Equal(new[] { "CMK001", "CMK003", "CMK005", "CMK006", "CMK013" }, round.FixedRules.OrderBy(r => r, StringComparer.Ordinal));
        string fixedText = round.After[path];
        Assert.DoesNotContain("\n", fixedText.Replace("\r\n", string.Empty), StringComparison.Ordinal);
        Assert.Contains("\"allowedValues\": [\"Premium\"]", fixedText, StringComparison.Ordinal);
        Assert.Contains("\"properties\": {\r\n        \"enablePurgeProtection\": true,\r\n        \"enableSoftDelete\": true,\r\n        \"tenantId\"", fixedText, StringComparison.Ordinal);
        var json = JObject.Parse(fixedText);
        Assert.Equal("Premium", (string?)json["parameters"]!["acrSku"]!["defaultValue"]);

        var again = FixRound.Run(round.After);
        Assert.Empty(again.Fixes);
        Assert.DoesNotContain(again.Before.Findings, f => f.Kind == FindingKind.Violation);
    }

    [Fact]
    public void An_allowed_value_that_fails_is_removed_even_when_the_default_is_right()
    {
        string path = "/virtual/quickstart-cmk.bicep";
        string text = File.ReadAllText(Path.Combine(FilesRoot, "quickstart-cmk.bicep"))
            .Replace("  'Standard'\n])", "  'Standard'\n  'Premium'\n])", StringComparison.Ordinal)
            .Replace("param acrSku string = 'Basic'", "param acrSku string = 'Premium'", StringComparison.Ordinal);
        var round = FixRound.Run(path, text);
        var warning = Assert.Single(round.Before.Findings, f => f.RuleId == "CMK001");
        Assert.Equal(Level.Warning, warning.Level);
        var fix = Assert.Single(round.Fixes, f => f.Finding.RuleId == "CMK001");
        Assert.Equal("[\n  'Premium'\n]", Assert.Single(fix.Edits).NewText);
        Assert.DoesNotContain(FixRound.Run(round.After).Before.Findings, f => f.RuleId == "CMK001");
    }

    [Fact]
    public void Old_api_version_and_a_literal_versioned_key_uri_are_fixed()
    {
        string path = "/virtual/quickstart-old-api.bicep";
        var round = FixRound.Run(path, File.ReadAllText(Path.Combine(FilesRoot, "quickstart-old-api.bicep")));
        Assert.Equal(new[] { "CMK013", "CMK014" }, round.FixedRules.OrderBy(r => r, StringComparer.Ordinal));
        Assert.Contains("'Microsoft.ContainerRegistry/registries@" + RegistryApiVersions.NewestStableWithEncryption + "'", round.After[path], StringComparison.Ordinal);
        Assert.Contains("keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'\n", round.After[path], StringComparison.Ordinal);
        Assert.Empty(FixRound.Run(round.After).Fixes);
    }

    [Fact]
    public void The_official_bicep_compiler_builds_every_fixed_bicep_file()
    {
        var inputs = FixableSamples().Select(s => Path.Combine(Lint.RepositoryRoot(), (string)s[0])).Where(p => p.EndsWith(".bicep", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(FilesRoot, "*.bicep"))
            .ToList();
        var fixedFiles = new Dictionary<string, string>();
        foreach (var input in inputs)
        {
            string path = "/virtual/" + Path.GetFileName(input);
            var round = FixRound.Run(path, File.ReadAllText(input));
            Assert.NotEmpty(round.Fixes);
            fixedFiles[Path.GetFileName(input)] = round.After[path];
        }

        var (log, built) = BicepBuild.All(fixedFiles);
        Assert.True(built.SetEquals(fixedFiles.Keys), "not built: " + string.Join(", ", fixedFiles.Keys.Except(built)) + "\n" + log);
        Assert.DoesNotContain(": Error BCP", log, StringComparison.Ordinal);
    }
}
