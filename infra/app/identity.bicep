// User-assigned managed identity used by the Function App for every data-plane
// connection (storage, Service Bus, Key Vault, Application Insights) and for
// pulling the deployment package. A user-assigned identity (rather than a
// system-assigned one) lets the role assignments exist before the app starts.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region for the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
