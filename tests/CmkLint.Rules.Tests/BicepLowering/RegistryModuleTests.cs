using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Bicep.Modules;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using Xunit;

namespace CmkLint.Rules.Tests.BicepLowering;

/// <summary>
/// Registry (<c>br:</c>) and template spec (<c>ts:</c>) modules read from the Bicep module cache.
/// The cache fixture is built at test time from the real compiled AVM registry module
/// (<c>corpus/avm/res/container-registry/registry/main.json</c>) in the layout the Bicep CLI writes.
/// </summary>
public sealed class RegistryModuleTests
{
    private const string Project = "/virtual/repo";
    private const string CacheRoot = "/virtual/bicep-cache";
    private const string AvmReference = "br/public:avm/res/container-registry/registry:0.12.0";

    /// <summary>Where Bicep 0.49.2 restored the AVM module for <see cref="AvmReference"/> (see the pinned layout test).</summary>
    private static readonly string AvmCachedFile = CacheRoot + "/br/mcr.microsoft.com/bicep$avm$res$container-registry$registry/0.12.0$/main.json";

    private static string AvmRegistryTemplate() =>
        File.ReadAllText(Path.Combine(Lint.SharedRoot(), "corpus", "avm", "res", "container-registry", "registry", "main.json"));

    private static string Caller(string registryArguments, string vaultProperties = "enablePurgeProtection: true", string policyObjectId = "uai.properties.principalId", string identityArguments = "managedIdentities: { userAssignedResourceIds: [ uai.id ] }", string keyIdentity = "userAssignedIdentityResourceId: uai.id") => $$"""
        resource uai 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'uai'
          location: 'westeurope'
        }

        resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
          name: 'kv'
          location: 'westeurope'
          properties: {
            tenantId: tenant().tenantId
            sku: { family: 'A', name: 'standard' }
            enableSoftDelete: true
            {{vaultProperties}}
            enableRbacAuthorization: false
            accessPolicies: [
              {
                tenantId: tenant().tenantId
                objectId: {{policyObjectId}}
                permissions: { keys: [ 'get', 'wrapKey', 'unwrapKey' ] }
              }
            ]
          }
        }

        resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
          parent: kv
          name: 'key'
          properties: { kty: 'RSA' }
        }

        module registry '{{AvmReference}}' = {
          params: {
            name: 'myacr'
            {{registryArguments}}
            {{identityArguments}}
            customerManagedKey: {
              keyVaultResourceId: kv.id
              keyName: key.name
              {{keyIdentity}}
            }
          }
        }
        """;

    private static LintResult Run(string main, string? config = null, Dictionary<string, string>? extra = null, string? home = null)
    {
        var files = new Dictionary<string, string>
        {
            [Project + "/infra/main.bicep"] = main,
            [Project + "/bicepconfig.json"] = config ?? $$"""{ "cacheRootDirectory": "{{CacheRoot}}" }""",
            [AvmCachedFile] = AvmRegistryTemplate(),
        };
        foreach (var pair in extra ?? new Dictionary<string, string>())
        {
            files[pair.Key] = pair.Value;
        }

        return Lint.Files(files, includeInconclusive: true, configure: o => o.BicepHomeDirectory = home ?? "/virtual/no-home");
    }

    private static void AssertAtCaller(Finding finding, string main, string needle)
    {
        Assert.EndsWith("/infra/main.bicep", finding.Path);
        Assert.Equal(Lint.Locate(main, needle), finding.Position());
        Assert.Contains(finding.Related, r => r.Span.File!.Path.EndsWith("main.json") && r.Message.Contains(AvmReference));
    }

    [Fact]
    public void Standard_sku_with_customer_managed_key_is_CMK001_at_the_callers_argument()
    {
        string main = Caller("acrSku: 'Standard'");
        var findings = Run(main).Of("CMK001");
        var finding = Assert.Single(findings);
        AssertAtCaller(finding, main, "'Standard'");
        Assert.Contains("from parameter 'acrSku' in the caller", finding.Message);
    }

    [Fact]
    public void Content_trust_with_customer_managed_key_is_CMK006_at_the_callers_argument()
    {
        string main = Caller("acrSku: 'Premium'\n    trustPolicyStatus: 'enabled'");
        var finding = Assert.Single(Run(main).Of("CMK006"));
        AssertAtCaller(finding, main, "'enabled'");
    }

    [Fact]
    public void No_user_assigned_identity_is_CMK002_at_the_module_call()
    {
        string main = Caller("acrSku: 'Premium'", identityArguments: string.Empty, keyIdentity: string.Empty);
        var findings = Run(main).Of("CMK002").Where(f => f.Kind == FindingKind.Violation).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => AssertAtCaller(f, main, "'" + AvmReference + "'"));
    }

    [Fact]
    public void Client_id_where_the_principal_id_belongs_is_CMK004_in_the_caller()
    {
        string main = Caller("acrSku: 'Premium'", policyObjectId: "uai.properties.clientId");
        var finding = Assert.Single(Run(main).Of("CMK004"));
        Assert.EndsWith("/infra/main.bicep", finding.Path);
        Assert.Equal(Lint.Locate(main, "uai.properties.clientId"), finding.Position());
    }

    [Fact]
    public void Vault_without_purge_protection_declared_in_the_caller_is_CMK005()
    {
        string main = Caller("acrSku: 'Premium'", vaultProperties: string.Empty);
        var finding = Assert.Single(Run(main).Of("CMK005"));
        Assert.EndsWith("/infra/main.bicep", finding.Path);
        Assert.Equal(Lint.Locate(main, "kv '"), finding.Position());
    }

    [Fact]
    public void Key_declared_in_the_caller_is_the_one_the_module_reads_by_ID()
    {
        string main = Caller("acrSku: 'Premium'").Replace("kty: 'RSA'", "kty: 'EC'");
        var finding = Assert.Single(Run(main).Of("CMK011"));
        Assert.EndsWith("/infra/main.bicep", finding.Path);
        Assert.Equal(Lint.Locate(main, "'EC'").Line, finding.Position().Line);
        Assert.Equal(FindingKind.Violation, finding.Kind);
    }

    [Fact]
    public void A_correct_call_has_no_violation_and_nothing_points_into_the_cache()
    {
        var result = Run(Caller("acrSku: 'Premium'"));
        Assert.DoesNotContain(result.Findings, f => f.Kind == FindingKind.Violation && f.Level >= Level.Warning);
        Assert.DoesNotContain(result.Findings, f => f.Path.StartsWith(CacheRoot));
        Assert.DoesNotContain(result.Findings, f => f.Kind == FindingKind.Inconclusive);
    }

    [Fact]
    public void Without_cacheRootDirectory_the_cache_is_dot_bicep_in_the_home_folder()
    {
        string main = Caller("acrSku: 'Standard'");
        var files = new Dictionary<string, string> { ["/virtual/home/.bicep/br/mcr.microsoft.com/bicep$avm$res$container-registry$registry/0.12.0$/main.json"] = AvmRegistryTemplate() };
        var result = Run(main, config: "{}", extra: files, home: "/virtual/home");
        AssertAtCaller(Assert.Single(result.Of("CMK001")), main, "'Standard'");
    }

    [Fact]
    public void Custom_br_alias_from_the_nearest_bicepconfig_json()
    {
        string main = Caller("acrSku: 'Standard'").Replace(AvmReference, "br/contoso:registry:V2");
        string config = $$"""
            {
              // the nearest file wins: the one in the repository root is not read
              "cacheRootDirectory": "{{CacheRoot}}",
              "moduleAliases": { "br": { "contoso": { "registry": "contoso.azurecr.io:443", "modulePath": "bicep/modules" } } }
            }
            """;
        var files = new Dictionary<string, string>
        {
            [Project + "/infra/bicepconfig.json"] = config,
            [CacheRoot + "/br/contoso.azurecr.io$443/bicep$modules$registry/V2$1/main.json"] = AvmRegistryTemplate(),
        };
        var result = Run(main, config: "{ \"cacheRootDirectory\": \"/nowhere\" }", extra: files);
        var finding = Assert.Single(result.Of("CMK001"));
        Assert.Equal(Lint.Locate(main, "'Standard'"), finding.Position());
    }

    [Fact]
    public void Template_spec_alias_reads_mainTemplate_of_the_cached_version()
    {
        string main = """
            module registry 'ts/specs:RegistrySpec:V1' = {
              params: {
                sku: 'Basic'
              }
            }
            """;
        string config = $$"""
            { "cacheRootDirectory": "{{CacheRoot}}", "moduleAliases": { "ts": { "specs": { "subscription": "00000000-0000-0000-0000-0000000000AB", "resourceGroup": "Shared-RG" } } } }
            """;
        string spec = """
            {
              "id": "/subscriptions/00000000-0000-0000-0000-0000000000ab/resourceGroups/Shared-RG/providers/Microsoft.Resources/templateSpecs/RegistrySpec/versions/V1",
              "type": "Microsoft.Resources/templateSpecs/versions",
              "properties": {
                "mainTemplate": {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": { "sku": { "type": "string", "defaultValue": "Premium" } },
                  "resources": [
                    {
                      "type": "Microsoft.ContainerRegistry/registries",
                      "apiVersion": "2023-07-01",
                      "name": "acr",
                      "location": "westeurope",
                      "sku": { "name": "[parameters('sku')]" },
                      "properties": { "encryption": { "status": "enabled", "keyVaultProperties": { "identity": "11111111-1111-1111-1111-111111111111", "keyIdentifier": "https://kv.vault.azure.net/keys/k" } } }
                    }
                  ]
                }
              }
            }
            """;
        var files = new Dictionary<string, string> { [CacheRoot + "/ts/00000000-0000-0000-0000-0000000000ab/shared-rg/registryspec/v1/main.json"] = spec };
        var result = Run(main, config: config, extra: files);
        var finding = Assert.Single(result.Of("CMK001"));
        Assert.Equal(Lint.Locate(main, "'Basic'"), finding.Position());
    }

    [Fact]
    public void A_relevant_module_missing_from_the_cache_is_one_note_per_call_saying_to_restore()
    {
        string main = """
            module acr1 'br/public:avm/res/container-registry/registry:0.9.3' = {
              params: { name: 'a' }
            }
            module acr2 'br/public:avm/res/container-registry/registry:0.9.3' = {
              params: { name: 'b' }
            }
            module vnet 'br/public:avm/res/network/virtual-network:0.7.0' = {
              params: { name: 'vnet', addressPrefixes: [ '10.0.0.0/16' ] }
            }
            import { lockType } from 'br/public:avm/utl/types/avm-common-types:0.5.1'
            """;
        var notes = Run(main).Of("CMK901");
        Assert.Equal(2, notes.Count);
        Assert.Equal(Lint.Locate(main, "'br/public:avm/res/container-registry/registry:0.9.3'"), notes[0].Position());
        Assert.Equal(Lint.Locate(main, "'br/public:avm/res/container-registry/registry:0.9.3'", 1), notes[1].Position());
        Assert.All(notes, n => Assert.Contains("bicep restore", n.Message));
    }

    [Fact]
    public void A_missing_module_given_cmk_arguments_is_a_note_and_a_value_import_is_one_too()
    {
        string main = """
            import { cmkSettings } from 'br:contoso.azurecr.io/bicep/shared/settings:1.0'
            resource uai 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'uai'
              location: 'westeurope'
            }
            module app 'br:contoso.azurecr.io/bicep/app/web:1.0' = {
              params: { identityId: uai.id }
            }
            resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
              name: 'acr'
              location: 'westeurope'
              sku: { name: 'Premium' }
              properties: { encryption: cmkSettings }
            }
            module other 'br:contoso.azurecr.io/bicep/app/web:1.0' = {
              params: { customerManagedKey: { keyName: 'k' } }
            }
            """;
        var notes = Run(main).Of("CMK901").Where(n => n.Message.Contains("bicep restore")).ToList();
        Assert.Equal(3, notes.Count);
        Assert.Equal(Lint.Locate(main, "'br:contoso.azurecr.io/bicep/shared/settings:1.0'"), notes[0].Position());
        Assert.Equal(Lint.Locate(main, "'br:contoso.azurecr.io/bicep/app/web:1.0'"), notes[1].Position());
        Assert.Equal(Lint.Locate(main, "'br:contoso.azurecr.io/bicep/app/web:1.0'", 1), notes[2].Position());
    }

    [Fact]
    public void Malformed_bicepconfig_json_is_CMK900_at_its_line_and_column()
    {
        string config = "{\n  \"cacheRootDirectory\": \"relative/cache\",\n  \"moduleAliases\": { \"br\": { \"x\": { \"registry\": 5 } } }\n}";
        var result = Run(Caller("acrSku: 'Premium'"), config: config);
        var errors = result.Of("CMK900").Where(f => f.Path.EndsWith("bicepconfig.json")).OrderBy(f => f.Span.Start).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(Lint.Locate(config, "\"relative/cache\""), errors[0].Position());
        Assert.Equal(Lint.Locate(config, "5"), errors[1].Position());

        var broken = Run(Caller("acrSku: 'Premium'"), config: "{ \"cacheRootDirectory\": ");
        var syntax = Assert.Single(broken.Of("CMK900"), f => f.Path.EndsWith("bicepconfig.json"));
        Assert.Equal(1, syntax.Position().Line);
    }

    /// <summary>
    /// The layout observed with the real Bicep CLI 0.49.2: modules published with <c>bicep publish</c>
    /// to a local registry (docker-registry on 127.0.0.1, TLS), then <c>bicep restore</c>; these are
    /// the folders it wrote under <c>~/.bicep</c>.
    /// </summary>
    [Theory]
    [InlineData("br:127.0.0.1:5123/bicep/modules/acr:V1.0-Beta", "br/127.0.0.1$5123/bicep$modules$acr/V1.0-Beta$21")]
    [InlineData("br/local:acr:v2", "br/127.0.0.1$5123/bicep$modules$acr/v2$")]
    [InlineData("br/bare:bicep/modules/acr@sha256:509b0bdff398c1efbe1de60452b2ef16ea5e7c4b111af14d69cb0c2a3756c129", "br/localhost$5123/bicep$modules$acr/sha256#509b0bdff398c1efbe1de60452b2ef16ea5e7c4b111af14d69cb0c2a3756c129")]
    [InlineData("br:127.0.0.1:5123/bicep/avm/res/container-registry/registry:0.9.3", "br/127.0.0.1$5123/bicep$avm$res$container-registry$registry/0.9.3$")]
    [InlineData("br/public:avm/res/key-vault/vault:0.13.3", "br/mcr.microsoft.com/bicep$avm$res$key-vault$vault/0.13.3$")]
    [InlineData("ts:00000000-0000-0000-0000-0000000000AB/My-RG/MySpec:V1", "ts/00000000-0000-0000-0000-0000000000ab/my-rg/myspec/v1")]
    public void Cache_folder_is_where_the_Bicep_CLI_restores_the_module(string text, string folder)
    {
        string config = """
            { "moduleAliases": { "br": { "local": { "registry": "127.0.0.1:5123", "modulePath": "bicep/modules" }, "bare": { "registry": "localhost:5123" } } } }
            """;
        var configuration = BicepConfiguration.Read(new CmkLint.Text.SourceFile("bicepconfig.json", config), "/p/bicepconfig.json");
        var reference = ModuleReference.Parse(text, configuration, out var error);
        Assert.Null(error);
        Assert.Equal(folder, string.Join("/", reference!.CacheFolder()));
    }

    [Theory]
    [InlineData("br:example.azurecr.io/Bicep/modules/x:v1", "Bicep")]
    [InlineData("br:example.azurecr.io/bicep/x", "no tag or digest")]
    [InlineData("br/missing:x:v1", "not defined")]
    [InlineData("br:example.azurecr.io/x@sha256:ABC", "digest")]
    [InlineData("ts:not-a-guid/rg/spec:v1", "GUID")]
    public void References_the_Bicep_CLI_rejects_are_rejected_with_its_reason(string text, string reason)
    {
        Assert.Null(ModuleReference.Parse(text, BicepConfiguration.BuiltIn, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Tag_encoding_marks_upper_case_characters_as_the_Bicep_CLI_does()
    {
        Assert.Equal("v1$", ModuleReference.EncodeTag("v1"));
        Assert.Equal("V1.0-Beta$21", ModuleReference.EncodeTag("V1.0-Beta"));

        // Character 64 is upper case: the second 64-bit word is written first, the first padded to 16 digits.
        string tag = new string('a', 64) + "B";
        Assert.Equal(tag + "$10000000000000000", ModuleReference.EncodeTag(tag));
    }
}
