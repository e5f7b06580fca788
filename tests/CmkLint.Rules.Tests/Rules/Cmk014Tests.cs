using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using CmkLint.Diagnostics;
using Xunit;
using static CmkLint.Rules.Tests.Templates;

namespace CmkLint.Rules.Tests.Rules;

public class Cmk014Tests
{
    [Theory]
    [InlineData("2017-03-01")]
    [InlineData("2017-10-01")]
    [InlineData("2019-05-01")]
    public void Cmk014_encryption_with_an_api_version_without_encryption_is_reported_on_api_version(string apiVersion)
    {
        string json = ArmTemplate(Registry(Encryption(), apiVersion: apiVersion));
        var finding = Assert.Single(Lint.Json(json).Of("CMK014"));
        Assert.Equal(Level.Error, finding.Level);
        Assert.Equal(Lint.Locate(json, "\"" + apiVersion + "\""), finding.Position());
        Assert.Contains(apiVersion, finding.Message);
    }

    [Theory]
    [InlineData("2019-12-01-preview")]
    [InlineData("2023-07-01")]
    [InlineData("2025-04-01")]
    [InlineData("2030-01-01")]
    public void Cmk014_api_versions_with_encryption_are_clean(string apiVersion)
    {
        string json = ArmTemplate(Registry(Encryption(), apiVersion: apiVersion));
        Assert.Empty(Lint.Json(json, includeInconclusive: true).Of("CMK014"));
    }

    [Fact]
    public void Cmk014_old_api_version_without_cmk_is_clean()
    {
        Assert.Empty(Lint.Json(ArmTemplate(Registry("        \"adminUserEnabled\": false", apiVersion: "2017-10-01")), includeInconclusive: true).Of("CMK014"));
        Assert.Empty(Lint.Json(ArmTemplate(Registry(Encryption("disabled"), apiVersion: "2017-10-01")), includeInconclusive: true).Of("CMK014"));
    }

    [Fact]
    public void Cmk014_case_variations_are_reported()
    {
        string json = ArmTemplate(Registry("        \"ENCRYPTION\": { \"STATUS\": \"Enabled\" }", apiVersion: "2019-05-01"));
        Assert.Single(Lint.Json(json).Of("CMK014"));
    }

    [Fact]
    public void Cmk014_unknown_encryption_status_on_old_api_version_is_inconclusive()
    {
        string json = ArmTemplate(Registry("        \"encryption\": { \"status\": \"[parameters('cmk')]\" }", apiVersion: "2019-05-01"), parameters: "\"cmk\": { \"type\": \"string\" }");
        Assert.Empty(Lint.Json(json).Of("CMK014"));
        var open = Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK014"));
        Assert.Equal(FindingKind.Inconclusive, open.Kind);
        Assert.Contains("cmk", open.Message);
    }

    [Fact]
    public void Cmk014_unrecognised_api_version_is_inconclusive()
    {
        string json = ArmTemplate(Registry(Encryption(), apiVersion: "latest"));
        Assert.Empty(Lint.Json(json).Of("CMK014"));
        var open = Assert.Single(Lint.Json(json, includeInconclusive: true).Of("CMK014"));
        Assert.Contains("'latest'", open.Message);
    }

    [Fact]
    public void Cmk014_copy_loop_with_conditional_encryption_reports_only_the_cmk_instance()
    {
        string json = ArmTemplate(Registry(
            "        \"encryption\": { \"status\": \"[if(equals(copyIndex(), 2), 'enabled', 'disabled')]\" }",
            name: "[concat('acr', copyIndex())]",
            apiVersion: "2019-05-01",
            extra: "      \"copy\": { \"name\": \"registries\", \"count\": 3 },\n"));
        var finding = Assert.Single(Lint.Json(json).Of("CMK014"));
        Assert.Contains("acr2", finding.Message);
    }

    [Fact]
    public void Cmk014_table_agrees_with_the_bicep_type_index_for_every_registry_api_version()
    {
        var oracle = RegistryTypesFromBicepTypeIndex();
        Assert.True(oracle.Count >= 20, "the Bicep type index should list the registry API versions; found " + oracle.Count);
        var wrong = new List<string>();
        foreach (var pair in oracle)
        {
            if (RegistryApiVersions.HasEncryption(pair.Key) != pair.Value)
            {
                wrong.Add($"{pair.Key}: package says {(pair.Value ? "has" : "has no")} properties.encryption, table says {RegistryApiVersions.HasEncryption(pair.Key)?.ToString() ?? "unknown"}");
            }

            if (!RegistryApiVersions.All.ContainsKey(pair.Key))
            {
                wrong.Add($"{pair.Key}: in the package but not in RegistryApiVersions");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Contains(oracle, p => p.Value);
        Assert.Contains(oracle, p => !p.Value);
    }

    /// <summary>
    /// Reads Azure.Bicep.Types.Az: its index maps <c>Microsoft.ContainerRegistry/registries@version</c>
    /// to a type in a deflated types.json; the resource body's <c>properties</c> object either has
    /// <c>encryption</c> or not.
    /// </summary>
    private static Dictionary<string, bool> RegistryTypesFromBicepTypeIndex()
    {
        string? packagePath = typeof(Cmk014Tests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BicepTypesAzPath")?.Value;
        Assert.False(string.IsNullOrEmpty(packagePath), "the test project must reference Azure.Bicep.Types.Az with GeneratePathProperty");
        var assembly = Assembly.LoadFrom(Path.Combine(packagePath!, "lib", "netstandard2.0", "Azure.Bicep.Types.Az.dll"));
        string Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(name + ".deflated") ?? throw new InvalidOperationException("no resource " + name);
            using var inflated = new DeflateStream(stream, CompressionMode.Decompress);
            using var reader = new StreamReader(inflated);
            return reader.ReadToEnd();
        }

        var result = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var files = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
        using var index = JsonDocument.Parse(Read("index.json"));
        const string prefix = "Microsoft.ContainerRegistry/registries@";
        foreach (var entry in index.RootElement.GetProperty("resources").EnumerateObject())
        {
            if (!entry.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string reference = entry.Value.GetProperty("$ref").GetString()!;
            int hash = reference.IndexOf('#');
            string file = reference.Substring(0, hash);
            if (!files.TryGetValue(file, out var document))
            {
                files[file] = document = JsonDocument.Parse(Read(file));
            }

            var types = document.RootElement;
            JsonElement Deref(JsonElement r) => types[int.Parse(r.GetProperty("$ref").GetString()!.Substring(2), System.Globalization.CultureInfo.InvariantCulture)];
            var body = Deref(types[int.Parse(reference.Substring(hash + 2), System.Globalization.CultureInfo.InvariantCulture)].GetProperty("body"));
            bool hasEncryption = body.GetProperty("properties").TryGetProperty("properties", out var properties)
                && Deref(properties.GetProperty("type")).GetProperty("properties").TryGetProperty("encryption", out _);
            result[entry.Name.Substring(prefix.Length)] = hasEncryption;
        }

        foreach (var document in files.Values)
        {
            document.Dispose();
        }

        return result;
    }
}
