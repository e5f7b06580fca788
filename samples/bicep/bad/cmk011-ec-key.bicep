// CMK011: the key is an elliptic-curve key; a registry's customer-managed key must be an RSA key.

@description('Where every resource goes.')
param location string = resourceGroup().location

@description('The registry name (globally unique, alphanumeric).')
param registryName string = 'acr${uniqueString(resourceGroup().id)}'

@description('The Key Vault name (globally unique).')
param vaultName string = 'kv-${uniqueString(resourceGroup().id)}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'acr-cmk-identity'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableSoftDelete: true
    enablePurgeProtection: true
    enableRbacAuthorization: false
    accessPolicies: []
  }

  resource key 'keys' = {
    name: 'acr-cmk'
    properties: {
      kty: 'EC'
      curveName: 'P-256'
      keyOps: [
        'wrapKey'
        'unwrapKey'
      ]
    }
  }

  // The identity's principal (object) ID gets key access; the registry names the client ID.
  resource grant 'accessPolicies' = {
    name: 'add'
    properties: {
      accessPolicies: [
        {
          tenantId: subscription().tenantId
          objectId: identity.properties.principalId
          permissions: {
            keys: [
              'get'
              'wrapKey'
              'unwrapKey'
            ]
          }
        }
      ]
    }
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  sku: {
    name: 'Premium'
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
        keyIdentifier: vault::key.properties.keyUri
      }
    }
  }
  dependsOn: [
    vault::grant
  ]
}

output loginServer string = registry.properties.loginServer
