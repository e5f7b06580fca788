using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using Xunit;

namespace CmkLint.Rules.Tests.BicepRules;

/// <summary>
/// Builds a Bicep file holding a complete, correct CMK chain (user-assigned identity, recoverable vault with an
/// access policy for the identity's principal ID, RSA key, Premium registry with CMK); each test breaks one link.
/// </summary>
internal sealed class BicepChain
{
    public const string MainPath = "/virtual/main.bicep";

    /// <summary>The fixed "now" of every run (key expiry).</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<string> extra = new();

    /// <summary>Declarations written before the resources (params, vars).</summary>
    public string Header { get; set; } = string.Empty;

    public string Sku { get; set; } = "'Premium'";

    public string RegistryApiVersion { get; set; } = "2023-07-01";

    /// <summary>Written between <c>=</c> and the registry body, e.g. <c>if (deployCmk)</c>.</summary>
    public string RegistryCondition { get; set; } = string.Empty;

    public string RegistryIdentity { get; set; } = """
        {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${uami.id}': {}
            }
          }
        """;

    public string EncryptionStatus { get; set; } = "'enabled'";

    /// <summary>The <c>keyVaultProperties.identity</c> value; null leaves the property out.</summary>
    public string? EncryptionIdentity { get; set; } = "uami.properties.clientId";

    public string KeyIdentifier { get; set; } = "key.properties.keyUri";

    /// <summary>Extra registry properties (after <c>encryption</c>), e.g. <c>policies</c>.</summary>
    public string RegistryProperties { get; set; } = string.Empty;

    /// <summary>The registry's <c>dependsOn</c> array; null leaves it out.</summary>
    public string? RegistryDependsOn { get; set; } = "[\n    vault\n  ]";

    public string SoftDelete { get; set; } = "true";

    /// <summary>The <c>enablePurgeProtection</c> value; null leaves the property out.</summary>
    public string? PurgeProtection { get; set; } = "true";

    public bool Rbac { get; set; }

    /// <summary>Extra vault properties (e.g. <c>networkAcls</c>).</summary>
    public string VaultProperties { get; set; } = string.Empty;

    /// <summary>The vault's <c>accessPolicies</c> array.</summary>
    public string AccessPolicies { get; set; } = Policy("uami.properties.principalId");

    public string KeyType { get; set; } = "'RSA'";

    public bool ExistingVault { get; set; }

    public static string Policy(string objectId, string keys = "'get'\n            'wrapKey'\n            'unwrapKey'") => $$"""
        [
              {
                tenantId: subscription().tenantId
                objectId: {{objectId}}
                permissions: {
                  keys: [
                    {{keys}}
                  ]
                }
              }
            ]
        """;

    /// <summary>A role assignment granting <paramref name="role"/> to the identity's principal ID at <paramref name="scope"/>.</summary>
    public static string RoleAssignment(string scope, string role = "e147488a-f6f5-4113-8e2d-b22465e65bf6", string symbol = "grant") => $$"""
        resource {{symbol}} 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid({{scope}}.id, uami.id, '{{role}}')
          scope: {{scope}}
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{role}}')
            principalId: uami.properties.principalId
            principalType: 'ServicePrincipal'
          }
        }
        """;

    public BicepChain Add(string declaration)
    {
        extra.Add(declaration);
        return this;
    }

    public string Build()
    {
        var sb = new StringBuilder();
        if (Header.Length > 0)
        {
            sb.Append(Header).Append("\n\n");
        }

        sb.Append("""
            resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-acr'
              location: 'westeurope'
            }


            """);
        if (ExistingVault)
        {
            sb.Append("resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv-cmk'\n}\n\n");
        }
        else
        {
            string purge = PurgeProtection is null ? string.Empty : $"\n    enablePurgeProtection: {PurgeProtection}";
            string policies = Rbac ? string.Empty : $"\n    accessPolicies: {AccessPolicies}";
            string settings = VaultProperties.Length == 0 ? string.Empty : "\n    " + VaultProperties;
            sb.Append($$"""
                resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
                  name: 'kv-cmk'
                  location: 'westeurope'
                  properties: {
                    tenantId: subscription().tenantId
                    sku: {
                      family: 'A'
                      name: 'standard'
                    }
                    enableSoftDelete: {{SoftDelete}}{{purge}}
                    enableRbacAuthorization: {{(Rbac ? "true" : "false")}}{{policies}}{{settings}}
                  }
                }


                """);
        }

        sb.Append($$"""
            resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
              parent: vault
              name: 'cmk'
              properties: {
                kty: {{KeyType}}
                keySize: 3072
              }
            }


            """);
        string dependsOn = RegistryDependsOn is null ? string.Empty : $"\n  dependsOn: {RegistryDependsOn}";
        string identity = EncryptionIdentity is null ? string.Empty : $"\n        identity: {EncryptionIdentity}";
        string registryProperties = RegistryProperties.Length == 0 ? string.Empty : "\n    " + RegistryProperties;
        sb.Append($$"""
            resource registry 'Microsoft.ContainerRegistry/registries@{{RegistryApiVersion}}' = {{RegistryCondition}}{
              name: 'acr'
              location: 'westeurope'
              sku: {
                name: {{Sku}}
              }
              identity: {{RegistryIdentity}}
              properties: {
                encryption: {
                  status: {{EncryptionStatus}}
                  keyVaultProperties: {{{identity}}
                    keyIdentifier: {{KeyIdentifier}}
                  }
                }{{registryProperties}}
              }{{dependsOn}}
            }

            """);
        foreach (string declaration in extra)
        {
            sb.Append('\n').Append(declaration).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Runs the engine over the file (and the given module files), as the CLI would.</summary>
    public static LintResult Lint(string bicep, bool includeInconclusive = false, IDictionary<string, string>? modules = null)
    {
        var files = new Dictionary<string, string> { [MainPath] = bicep };
        foreach (var module in modules ?? new Dictionary<string, string>())
        {
            files[module.Key] = module.Value;
        }

        var options = new LintOptions { Parallel = false, IncludeInconclusive = includeInconclusive, Now = Now, DiscoverParameterFiles = false };
        return new LintEngine(options).AnalyzeTexts(files);
    }

    public LintResult Lint(bool includeInconclusive = false) => Lint(Build(), includeInconclusive);

    /// <summary>The violations (not suppressed) of every rule, for "only this rule" assertions.</summary>
    public static List<Finding> Violations(LintResult result) =>
        result.Findings.Where(f => f.Kind == FindingKind.Violation && !f.IsSuppressed).ToList();

    /// <summary>The 1-based position of the first <paramref name="needle"/> after the first <paramref name="after"/>.</summary>
    public static (int Line, int Column) Locate(string text, string after, string needle)
    {
        int from = text.IndexOf(after, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{after}' not found in the file");
        int at = text.IndexOf(needle, from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' not found after '{after}'");
        int line = 1 + text.Take(at).Count(c => c == '\n');
        int lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        if (at == 0)
        {
            lineStart = 0;
        }

        return (line, at - lineStart + 1);
    }

    /// <summary>
    /// Asserts that every violation is of <paramref name="ruleId"/>, that there are <paramref name="count"/> of them, and that
    /// one is at <paramref name="expected"/> (in <paramref name="path"/>) with <paramref name="level"/>; returns that one.
    /// </summary>
    public static Finding Only(LintResult result, string ruleId, Level level, (int Line, int Column) expected, string path = MainPath, int count = 1)
    {
        var violations = Violations(result);
        string all = CmkLint.Rules.Tests.Lint.Describe(result);
        Assert.True(violations.All(f => f.RuleId == ruleId) && violations.Count == count, $"{count} × {ruleId} expected, expected at {expected}:{Environment.NewLine}{all}");
        var finding = violations.FirstOrDefault(f => (f.Span.StartPosition.Line, f.Span.StartPosition.Column) == expected && f.Span.File!.Path.Replace('\\', '/').EndsWith(path.TrimStart('/'), StringComparison.Ordinal));
        Assert.True(finding is not null, $"{ruleId} expected at {path}{expected}:{Environment.NewLine}{all}");
        Assert.Equal(level, finding!.Level);
        return finding;
    }

    /// <summary>Asserts the template is clean: no finding of <paramref name="ruleId"/> at all (violation or inconclusive), and no violation of any rule.</summary>
    public static void Clean(LintResult result, string ruleId)
    {
        string all = CmkLint.Rules.Tests.Lint.Describe(result);
        Assert.True(Violations(result).Count == 0, $"no violation expected:{Environment.NewLine}{all}");
        Assert.True(result.Findings.All(f => f.RuleId != ruleId), $"no {ruleId} finding expected:{Environment.NewLine}{all}");
    }
}
