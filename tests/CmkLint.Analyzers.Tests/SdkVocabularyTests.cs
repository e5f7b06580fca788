using CmkLint.Analyzers.CSharp;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>C# findings name SDK properties, not ARM paths, in every rule's message.</summary>
public sealed class SdkVocabularyTests
{
    private const string FirewallMessage = "Vault 'kv' holds the customer-managed key of registry 'acr' and denies public access (networkAcls.defaultAction is Deny), but networkAcls.bypass is 'None'; set it to 'AzureServices' so the registry can reach the key as a trusted service.";

    [Theory]
    [InlineData("Provisioning", "(Properties.NetworkRuleSet.DefaultAction is Deny), but Properties.NetworkRuleSet.Bypass is 'None'")]
    [InlineData("ResourceManager", "(Properties.NetworkRuleSet.DefaultAction is Deny), but Properties.NetworkRuleSet.Bypass is 'None'")]
    [InlineData("Pulumi", "(Properties.NetworkAcls.DefaultAction is Deny), but Properties.NetworkAcls.Bypass is 'None'")]
    public void Cmk009_names_the_vault_firewall_by_its_sdk_properties(string family, string expected)
    {
        string message = SdkVocabulary.Phrase(FirewallMessage, System.Enum.Parse<SdkFamily>(family));
        Assert.Contains(expected, message);
        Assert.DoesNotContain("networkAcls", message);
    }

    [Fact]
    public void Cmk009_names_public_network_access_by_its_sdk_property()
    {
        string message = SdkVocabulary.Phrase("Registry 'acr' reaches its key through a user-assigned identity, but vault 'kv' denies public access (publicNetworkAccess is Disabled); only the registry's system-assigned identity passes the firewall as a trusted service.", SdkFamily.Provisioning);
        Assert.Contains("(Properties.PublicNetworkAccess is Disabled)", message);
    }
}
