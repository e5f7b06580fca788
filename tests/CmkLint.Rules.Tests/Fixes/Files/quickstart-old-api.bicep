// A registry on an API version without properties.encryption (CMK014), with a literal versioned key URI (CMK013).
param location string = resourceGroup().location

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'acr-cmk-identity'
  location: location
}

resource acr 'Microsoft.ContainerRegistry/registries@2019-05-01' = {
  name: 'acr${uniqueString(resourceGroup().id)}'
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
        keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk/0123456789abcdef0123456789abcdef'
      }
    }
  }
}
