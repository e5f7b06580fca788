using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class BicepFileTests
{
    private const string Chain = """
        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'acr-id'
          location: 'westeurope'
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acr'
          location: 'westeurope'
          sku: {
            name: SKU
          }
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${identity.id}': {}
            }
          }
          properties: {
            encryption: {
              status: 'enabled'
              keyVaultProperties: {
                identity: identity.properties.clientId
                keyIdentifier: 'https://kv.vault.azure.net/keys/acr'
              }
            }
          }
        }

        """;

    [Fact]
    public Task Cmk001_standard_sku_is_reported_in_the_bicep_file() =>
        Verify.TemplatesAsync(("/infra/main.bicep", Chain.Replace("SKU", "{|CMK001:'Standard'|}", System.StringComparison.Ordinal)));

    [Fact]
    public Task Cmk001_premium_sku_in_bicep_is_not_reported() =>
        Verify.TemplatesAsync(("/infra/main.bicep", Chain.Replace("SKU", "'Premium'", System.StringComparison.Ordinal)));
}
