namespace CmkLint.Rules.Tests.Modular;

/// <summary>
/// A CMK chain split like the AVM modules: a dependencies module creates identity, vault, key and
/// role assignment and outputs their IDs; the registry module takes the IDs and reads the
/// resources back as <c>existing</c>, name and scope computed from the ID.
/// </summary>
internal static class ModularChain
{
    public static string Dependencies(string kty = "'RSA'", string purgeProtection = "true") => $$"""
        param kty string = {{kty}}
        param location string = 'westeurope'

        resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'uami1'
          location: location
        }

        resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
          name: 'kv1'
          location: location
          properties: {
            tenantId: tenant().tenantId
            sku: {
              family: 'A'
              name: 'standard'
            }
            enableSoftDelete: true
            enablePurgeProtection: {{purgeProtection}}
            enableRbacAuthorization: true
          }

          resource key 'keys' = {
            name: 'cmk'
            properties: {
              kty: kty
            }
          }
        }

        resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(vault::key.id, uami.id)
          scope: vault::key
          properties: {
            principalId: uami.properties.principalId
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'e147488a-f6f5-4113-8e2d-b22465e65bf6')
            principalType: 'ServicePrincipal'
          }
        }

        output vaultId string = vault.id
        output keyName string = vault::key.name
        output identityId string = uami.id
        """;

    public const string Registry = """
        param vaultId string
        param keyName string
        param identityId string
        param name string = 'acr1'

        resource cmkVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
          name: last(split(vaultId, '/'))
          scope: resourceGroup(split(vaultId, '/')[2], split(vaultId, '/')[4])

          resource cmkKey 'keys' existing = {
            name: keyName
          }
        }

        resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
          name: last(split(identityId, '/'))
          scope: resourceGroup(split(identityId, '/')[2], split(identityId, '/')[4])
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: name
          location: 'westeurope'
          sku: {
            name: 'Premium'
          }
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${cmkIdentity.id}': {}
            }
          }
          properties: {
            encryption: {
              status: 'enabled'
              keyVaultProperties: {
                identity: !empty(identityId) ? cmkIdentity.properties.clientId : null
                keyIdentifier: cmkVault::cmkKey.properties.keyUri
              }
            }
          }
        }
        """;

    /// <summary>A resource-group caller: the registry module waits for the dependencies module by reading its outputs.</summary>
    public static string Caller(string depsParams = "") => $$"""
        module deps 'deps.bicep' = {
          name: 'deps'
          params: {
            {{depsParams}}
          }
        }

        module registry 'registry.bicep' = {
          name: 'registry'
          params: {
            vaultId: deps.outputs.vaultId
            keyName: deps.outputs.keyName
            identityId: deps.outputs.identityId
          }
        }
        """;

    /// <summary>A subscription-scope caller that creates the resource group and deploys both modules into it.</summary>
    public const string SubscriptionCaller = """
        targetScope = 'subscription'

        resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
          name: 'rg-cmk'
          location: 'westeurope'
        }

        module deps 'deps.bicep' = {
          scope: rg
          name: 'deps'
        }

        module registry 'registry.bicep' = {
          scope: rg
          name: 'registry'
          params: {
            vaultId: deps.outputs.vaultId
            keyName: deps.outputs.keyName
            identityId: deps.outputs.identityId
          }
        }
        """;
}
