using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Rules;

/// <summary>
/// Builds an ARM template holding a complete, correct CMK chain (identity, vault with an access policy,
/// key, Premium registry with CMK); each test replaces the one piece it is about.
/// </summary>
internal sealed class CmkChainTemplate
{
    public const string IdentityId = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-acr')";
    public const string ClientId = "[reference(" + IdentityId + ").clientId]";
    public const string PrincipalId = "[reference(" + IdentityId + ").principalId]";
    public const string KeyUri = "[reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv-cmk', 'cmk')).keyUri]";
    public const string KeyUriWithVersion = "[reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv-cmk', 'cmk')).keyUriWithVersion]";
    public const string KeyPermissions = """["get", "wrapKey", "unwrapKey"]""";

    /// <summary>The fixed "now" of every test run (key expiry).</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<string> extra = new();

    public string Parameters { get; set; } = "{}";

    public string IdentityValue { get; set; } = ClientId;

    public string KeyIdentifier { get; set; } = KeyUri;

    /// <summary>The registry's <c>identity</c> object.</summary>
    public string RegistryIdentity { get; set; } = """
        {
                "type": "UserAssigned",
                "userAssignedIdentities": {
                  "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-acr')]": {}
                }
              }
        """;

    /// <summary>The whole <c>keyVaultProperties</c> object; null builds it from <see cref="IdentityValue"/> and <see cref="KeyIdentifier"/>.</summary>
    public string? KeyVaultProperties { get; set; }

    public string RegistryDependsOn { get; set; } = """["[resourceId('Microsoft.KeyVault/vaults/keys', 'kv-cmk', 'cmk')]", "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-acr')]"]""";

    public string VaultApiVersion { get; set; } = "2023-07-01";

    /// <summary>Vault properties other than the access policies.</summary>
    public string VaultSettings { get; set; } = """
        "enableSoftDelete": true,
                "enablePurgeProtection": true
        """;

    /// <summary>The vault's <c>accessPolicies</c> array; null leaves the property out.</summary>
    public string? AccessPolicies { get; set; } = Policy(PrincipalId, KeyPermissions);

    public string KeyProperties { get; set; } = """{ "kty": "RSA", "keySize": 2048 }""";

    public bool IncludeVault { get; set; } = true;

    public bool IncludeKey { get; set; } = true;

    public bool IncludeIdentity { get; set; } = true;

    /// <summary>Extra members of the vault resource (e.g. <c>"existing": true</c>).</summary>
    public string VaultExtra { get; set; } = string.Empty;

    public static string Policy(string objectId, string keys) => $$"""
        [
                  {
                    "tenantId": "[subscription().tenantId]",
                    "objectId": "{{objectId}}",
                    "permissions": { "keys": {{keys}} }
                  }
                ]
        """;

    /// <summary>A role assignment resource (<c>Microsoft.Authorization/roleAssignments</c>).</summary>
    public static string RoleAssignment(string role, string principal = PrincipalId, string? scope = "[resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')]", string name = "ra-kv") => $$"""
        {
              "type": "Microsoft.Authorization/roleAssignments",
              "apiVersion": "2022-04-01",
              "name": "[guid('{{name}}')]",
              {{(scope is null ? string.Empty : "\"scope\": \"" + scope + "\",")}}
              "properties": {
                "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{role}}')]",
                "principalId": "{{principal}}",
                "principalType": "ServicePrincipal"
              }
            }
        """;

    public CmkChainTemplate Add(string resourceJson)
    {
        extra.Add(resourceJson);
        return this;
    }

    public string Build()
    {
        var resources = new List<string>();
        if (IncludeIdentity)
        {
            resources.Add("""
                {
                      "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
                      "apiVersion": "2023-01-31",
                      "name": "id-acr",
                      "location": "westeurope"
                    }
                """);
        }

        if (IncludeVault)
        {
            string policies = AccessPolicies is null ? string.Empty : ",\n        \"accessPolicies\": " + AccessPolicies;
            resources.Add($$"""
                {
                      "type": "Microsoft.KeyVault/vaults",
                      "apiVersion": "{{VaultApiVersion}}",
                      "name": "kv-cmk",{{VaultExtra}}
                      "location": "westeurope",
                      "properties": {
                        "tenantId": "[subscription().tenantId]",
                        "sku": { "family": "A", "name": "standard" },
                        {{VaultSettings}}{{policies}}
                      }
                    }
                """);
        }

        if (IncludeKey)
        {
            resources.Add($$"""
                {
                      "type": "Microsoft.KeyVault/vaults/keys",
                      "apiVersion": "2023-07-01",
                      "name": "kv-cmk/cmk",
                      "dependsOn": ["[resourceId('Microsoft.KeyVault/vaults', 'kv-cmk')]"],
                      "properties": {{KeyProperties}}
                    }
                """);
        }

        string keyVaultProperties = KeyVaultProperties ?? $$"""
            {
                        "identity": "{{IdentityValue}}",
                        "keyIdentifier": "{{KeyIdentifier}}"
                      }
            """;
        resources.Add($$"""
            {
                  "type": "Microsoft.ContainerRegistry/registries",
                  "apiVersion": "2023-07-01",
                  "name": "acr",
                  "location": "westeurope",
                  "dependsOn": {{RegistryDependsOn}},
                  "sku": { "name": "Premium" },
                  "identity": {{RegistryIdentity}},
                  "properties": {
                    "encryption": {
                      "status": "enabled",
                      "keyVaultProperties": {{keyVaultProperties}}
                    }
                  }
                }
            """);
        resources.AddRange(extra);
        var sb = new StringBuilder();
        sb.Append("{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n");
        sb.Append("  \"parameters\": ").Append(Parameters).Append(",\n");
        sb.Append("  \"resources\": [\n    ").Append(string.Join(",\n    ", resources)).Append("\n  ]\n}\n");
        return sb.ToString();
    }

    /// <summary>Runs the engine over one template, as the CLI would (no parallelism, fixed clock).</summary>
    public static IReadOnlyList<Finding> Lint(string json, bool includeInconclusive = false)
    {
        var options = new LintOptions { Parallel = false, IncludeInconclusive = includeInconclusive, Now = Now, DiscoverParameterFiles = false };
        return new LintEngine(options).AnalyzeTexts(new Dictionary<string, string> { ["/virtual/main.json"] = json }).Findings;
    }

    public IReadOnlyList<Finding> Lint(bool includeInconclusive = false) => Lint(Build(), includeInconclusive);

    /// <summary>The 1-based position of the first <paramref name="needle"/> after the first <paramref name="after"/>.</summary>
    public static LinePosition Locate(string text, string after, string needle)
    {
        int from = text.IndexOf(after, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{after}' not found in the template");
        int at = text.IndexOf(needle, from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' not found after '{after}'");
        return PositionOf(text, at);
    }

    /// <summary>The 1-based position of the <paramref name="occurrence"/>-th occurrence of <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static LinePosition Locate(string text, string needle, int occurrence = 1)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{needle}' not found in the template");
        }

        return PositionOf(text, at);
    }

    private static LinePosition PositionOf(string text, int at)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LinePosition(line, at - lineStart + 1);
    }

    /// <summary>The findings of one rule (violations and, when asked, inconclusive ones).</summary>
    public static List<Finding> Of(IReadOnlyList<Finding> findings, string ruleId) => findings.Where(f => f.RuleId == ruleId).ToList();

    /// <summary>Asserts exactly one violation of the rule, at the given position, and returns it.</summary>
    public static Finding Single(IReadOnlyList<Finding> findings, string ruleId, Level level, LinePosition at)
    {
        var mine = Of(findings, ruleId);
        Assert.True(mine.Count == 1, $"expected one {ruleId}, got: {string.Join(" | ", findings)}");
        var finding = mine[0];
        Assert.Equal(FindingKind.Violation, finding.Kind);
        Assert.Equal(level, finding.Level);
        Assert.Equal(at, finding.Span.StartPosition);
        return finding;
    }
}
