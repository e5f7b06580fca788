// A quickstart-style registry (quickstarts/microsoft.containerregistry/container-registry) with a
// customer-managed key added, and every mistake --fix corrects.
@minLength(5)
@maxLength(50)
@description('Name of the azure container registry (must be globally unique)')
param acrName string = 'acr${uniqueString(resourceGroup().id)}'

@description('Location for all resources.')
param location string = resourceGroup().location

@allowed([
  'Basic'
  'Standard'
])
@description('Tier of your Azure Container Registry.')
param acrSku string = 'Basic'

@description('Content trust (Notary) for signed images.')
param trustStatus string = 'enabled'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'acr-cmk-identity'
  location: location
}

// An old vault API version: soft delete is off unless set.
resource vault 'Microsoft.KeyVault/vaults@2018-02-14' = {
  name: 'kv-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
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

  resource key 'keys' = {
    name: 'acr-cmk'
    properties: {
      kty: 'RSA'
      keySize: 3072
    }
  }
}

// azure container registry
resource acr 'Microsoft.ContainerRegistry/registries@2021-09-01' = {
  name: acrName
  location: location
  tags: {
    displayName: 'Container Registry'
    'container.registry': acrName
  }
  sku: {
    name: acrSku // the tier
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    adminUserEnabled: false
    policies: {
      trustPolicy: {
        type: 'Notary'
        status: trustStatus
      }
    }
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: identity.properties.principalId
        keyIdentifier: vault::key.properties.keyUriWithVersion
      }
    }
  }
  dependsOn: [
    vault
  ]
}

output acrLoginServer string = acr.properties.loginServer
