using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CmkLint.Analyzers.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>C# findings speak the SDK the code uses: its types, properties and enum members, never ARM property paths or ARM expressions.</summary>
public class MessageLanguageTests
{
    private const string ProvisioningVault = """

                var vault = new KeyVaultService("kv")
                {
                    Name = "kv",
                    Properties = new KeyVaultProperties
                    {
                        EnableSoftDelete = true,
                        EnablePurgeProtection = PURGE,
                        EnableRbacAuthorization = true,NETWORK
                    },
                };
                vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
                registry.DependsOn.Add(vault);
        """;

    [Theory]
    [InlineData(Sdk.Provisioning11, "ContainerRegistrySkuName.Standard", "(Sku.Name = ContainerRegistrySkuName.Premium).")]
    [InlineData(Sdk.Pulumi, "SkuName.Standard", "(Sku.Name = SkuName.Premium).")]
    [InlineData(Sdk.ResourceManager, "ContainerRegistrySkuName.Standard", "(Sku.Name = ContainerRegistrySkuName.Premium).")]
    public async Task Cmk001_names_the_premium_sku_by_the_sdks_enum(Sdk sdk, string standard, string expected)
    {
        string source = sdk switch
        {
            Sdk.Pulumi => Snippets.Pulumi(sku: standard),
            Sdk.ResourceManager => Snippets.ResourceManager(sku: standard),
            _ => Snippets.Provisioning(sku: standard),
        };
        string message = Single(await MessagesAsync(sdk, source), "CMK001");
        Assert.EndsWith("but its SKU is " + standard + "; CMK requires the Premium SKU " + expected, message);
    }

    [Theory]
    [InlineData(Sdk.Provisioning11, "identity.PrincipalId.ToString()", "'acrIdentity' (acrIdentity.PrincipalId), not a client ID; use acrIdentity.ClientId.")]
    [InlineData(Sdk.Pulumi, "identity.PrincipalId", "'acr-identity' (acr-identity.PrincipalId), not a client ID; use acr-identity.ClientId.")]
    public async Task Cmk003_names_the_identitys_outputs_by_their_sdk_properties(Sdk sdk, string principal, string expected)
    {
        string source = sdk == Sdk.Pulumi ? Snippets.Pulumi(encryptionIdentity: principal) : Snippets.Provisioning(encryptionIdentity: principal);
        string message = Single(await MessagesAsync(sdk, source), "CMK003");
        Assert.StartsWith("Registry 'acr' sets Encryption.KeyVaultProperties.Identity to the principal (object) ID of identity ", message);
        Assert.EndsWith(expected, message);
    }

    [Theory]
    [InlineData(Sdk.Provisioning11, "\n            Policies = new ContainerRegistryPolicies { TrustPolicy = new ContainerRegistryTrustPolicy { Status = ContainerRegistryPolicyStatus.Enabled } },", "Set Policies.TrustPolicy.Status = ContainerRegistryPolicyStatus.Disabled.")]
    [InlineData(Sdk.Pulumi, "\n            Policies = new PoliciesArgs { TrustPolicy = new TrustPolicyArgs { Status = PolicyStatus.Enabled } },", "Set Policies.TrustPolicy.Status = PolicyStatus.Disabled.")]
    public async Task Cmk006_says_how_to_turn_content_trust_off_in_the_sdks_terms(Sdk sdk, string policies, string expected)
    {
        string source = sdk == Sdk.Pulumi ? Snippets.Pulumi(extra: policies) : Snippets.Provisioning(extra: policies);
        Assert.EndsWith(expected, Single(await MessagesAsync(sdk, source), "CMK006"));
    }

    [Theory]
    [InlineData(Sdk.Provisioning11, "ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned", "ManagedServiceIdentityType = ManagedServiceIdentityType.SystemAssigned", "has identity type ManagedServiceIdentityType.SystemAssigned; it needs a user-assigned identity (ManagedServiceIdentityType.UserAssigned)")]
    [InlineData(Sdk.Pulumi, "Type = ResourceIdentityType.UserAssigned", "Type = ResourceIdentityType.SystemAssigned", "has identity type ResourceIdentityType.SystemAssigned; it needs a user-assigned identity (ResourceIdentityType.UserAssigned)")]
    public async Task Cmk002_names_identity_types_by_the_sdks_enum(Sdk sdk, string userAssigned, string systemAssigned, string expected)
    {
        string source = (sdk == Sdk.Pulumi ? Snippets.Pulumi() : Snippets.Provisioning()).Replace(userAssigned, systemAssigned, System.StringComparison.Ordinal);
        var messages = await MessagesAsync(sdk, source);
        Assert.Contains(messages, m => m.Id == "CMK002" && m.Message.Contains(expected, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cmk012_quotes_the_key_identifier_as_a_csharp_string_without_an_arm_example()
    {
        string source = Snippets.Provisioning(keyIdentifier: "\"https://kv.vault.azure.net/secrets/acr\"");
        string message = Single(await MessagesAsync(Sdk.Provisioning11, source), "CMK012");
        Assert.Equal("Registry 'acr': KeyIdentifier \"https://kv.vault.azure.net/secrets/acr\" is a /secrets/ URI; the registry needs a /keys/ URI; use the key's URI (https://{vault}.vault.azure.net/keys/{name}).", message);
    }

    [Fact]
    public async Task Cmk005_says_how_to_turn_purge_protection_on_in_the_sdks_terms()
    {
        string message = Single(await MessagesAsync(Sdk.Provisioning11, Vault("false", string.Empty)), "CMK005");
        Assert.Contains("but sets EnablePurgeProtection to false;", message);
    }

    [Fact]
    public async Task Cmk009_names_the_vault_firewall_by_the_sdks_properties_and_enum()
    {
        const string Network = "\n                        NetworkRuleSet = new KeyVaultNetworkRuleSet { DefaultAction = KeyVaultNetworkRuleAction.Deny, Bypass = KeyVaultNetworkRuleBypassOption.None },";
        var messages = (await MessagesAsync(Sdk.Provisioning11, Vault("true", Network))).Where(m => m.Id == "CMK009").Select(m => m.Message).ToList();
        Assert.Contains(messages, m => m.EndsWith("denies public access (Properties.NetworkRuleSet.DefaultAction is Deny), but Properties.NetworkRuleSet.Bypass is KeyVaultNetworkRuleBypassOption.None; set Properties.NetworkRuleSet.Bypass = KeyVaultNetworkRuleBypassOption.AzureServices so the registry can reach the key as a trusted service.", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("denies public access (Properties.NetworkRuleSet.DefaultAction is Deny); only the registry's system-assigned identity", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Sdk.Provisioning11)]
    [InlineData(Sdk.Pulumi)]
    [InlineData(Sdk.ResourceManager)]
    public async Task No_csharp_message_shows_an_arm_property_path_or_expression(Sdk sdk)
    {
        string source = sdk switch
        {
            Sdk.Pulumi => Snippets.Pulumi(sku: "SkuName.Basic", encryptionIdentity: "identity.PrincipalId", extra: "\n            Policies = new PoliciesArgs { TrustPolicy = new TrustPolicyArgs { Status = PolicyStatus.Enabled } },"),
            Sdk.ResourceManager => Snippets.ResourceManager(sku: "ContainerRegistrySkuName.Basic", extra: "\n            Policies = new ContainerRegistryPolicies { TrustPolicy = new ContainerRegistryTrustPolicy { Status = ContainerRegistryPolicyStatus.Enabled } },"),
            _ => Vault("false", "\n                        NetworkRuleSet = new KeyVaultNetworkRuleSet { DefaultAction = KeyVaultNetworkRuleAction.Deny, Bypass = KeyVaultNetworkRuleBypassOption.None },")
                .Replace("ContainerRegistrySkuName.Premium", "ContainerRegistrySkuName.Basic", System.StringComparison.Ordinal)
                .Replace("Identity = identity.ClientId.ToString()", "Identity = identity.PrincipalId.ToString()", System.StringComparison.Ordinal),
        };
        var messages = await MessagesAsync(sdk, source);
        Assert.True(messages.Count >= 2, string.Join("\n", messages));
        foreach (var (id, message) in messages)
        {
            Assert.DoesNotContain("properties.", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("reference(", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("keyVaultProperties", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("trustPolicy", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("networkAcls", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("\"sku\"", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("sku:", message, System.StringComparison.Ordinal);
            Assert.False(id.Length == 0);
        }
    }

    /// <summary>The Azure.Provisioning chain with an RBAC vault (purge protection <paramref name="purge"/>, optional network rules) the registry depends on.</summary>
    private static string Vault(string purge, string network) =>
        Snippets.ProvisioningWithVault(ProvisioningVault.Replace("PURGE", purge, System.StringComparison.Ordinal).Replace("NETWORK", network, System.StringComparison.Ordinal));

    private static string Single(IReadOnlyList<(string Id, string Message)> messages, string id)
    {
        var matching = messages.Where(m => m.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id} in:\n" + string.Join("\n", messages));
        return matching[0].Message;
    }

    /// <summary>The analyzer's findings (ID and message) on <paramref name="source"/> compiled with the stubs of <paramref name="sdk"/>.</summary>
    private static async Task<IReadOnlyList<(string Id, string Message)>> MessagesAsync(Sdk sdk, string source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, path: "/src/Infrastructure.cs") };
        foreach (var (name, text) in Verify.Stubs(sdk))
        {
            trees.Add(CSharpSyntaxTree.ParseText(text, path: name));
        }

        var compilation = CSharpCompilation.Create("Infrastructure", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InfrastructureCodeAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => (d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
