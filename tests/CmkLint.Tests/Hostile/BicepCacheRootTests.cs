using System.IO;
using Xunit;

namespace CmkLint.Tests.Hostile;

/// <summary>
/// The Bicep module cache lives outside the repository; only the default <c>~/.bicep</c> and folders the
/// command line names (<c>--bicep-cache</c>) may be read, never a <c>cacheRootDirectory</c> that a pull
/// request's <c>bicepconfig.json</c> points somewhere else.
/// </summary>
public sealed class BicepCacheRootTests
{
    private const string CachedModule = "br/mcr.microsoft.com/bicep$avm$res$container-registry$registry/0.12.0$/main.json";

    private const string Caller = """
        module registry 'br/public:avm/res/container-registry/registry:0.12.0' = {
          params: {
            name: 'myacr'
            acrSku: 'Standard'
            managedIdentities: { userAssignedResourceIds: [ uai.id ] }
            customerManagedKey: {
              keyVaultResourceId: kv.id
              keyName: 'key'
              userAssignedIdentityResourceId: uai.id
            }
          }
        }

        resource uai 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'uai'
          location: 'westeurope'
        }

        resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
          name: 'kv'
        }
        """;

    private static (TempTree repo, TempTree cache) Layout()
    {
        var repo = new TempTree();
        var cache = new TempTree();
        Directory.CreateDirectory(Path.Combine(repo.Root, ".git"));
        cache.Write(CachedModule, File.ReadAllText(Path.Combine(Repository.Shared, "corpus", "avm", "res", "container-registry", "registry", "main.json")));
        repo.Write("bicepconfig.json", $$"""{ "cacheRootDirectory": "{{cache.Root.Replace("\\", "/")}}" }""");
        repo.Write("main.bicep", Caller);
        return (repo, cache);
    }

    [Fact]
    public void A_cache_root_outside_the_repository_is_read_only_when_the_command_line_allows_it()
    {
        var (repo, cache) = Layout();
        using (repo)
        using (cache)
        {
            var allowed = repo.Run("main.bicep", "--bicep-cache", cache.Root, "--format", "json");
            Assert.Equal(1, allowed.ExitCode);
            Assert.Contains("\"CMK001\"", allowed.Out);

            var refused = repo.Run("main.bicep", "--format", "json");
            Assert.DoesNotContain("\"CMK001\"", refused.Out);
            Assert.Contains("bicep restore", refused.Out);
        }
    }
}
