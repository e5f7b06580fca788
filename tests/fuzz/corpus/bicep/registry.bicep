// CMK001: a customer-managed key needs the Premium SKU; this registry is Standard, so the
// deployment fails. CmkLint reports the error on the 'Standard' value below.

param location string = resourceGroup().location

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'acr-cmk-identity'
  location: location
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard'
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
        keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'
      }
    }
  }
}
