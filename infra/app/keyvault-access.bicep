// Data-plane role assignment on the Key Vault for one principal.
// Key Vault Secrets User: read secret values only (no list of keys/certificates,
// no write, no management).

@description('Name of the existing Key Vault.')
param keyVaultName string

@description('Object (principal) ID that receives the role.')
param principalId string

@description('Type of the principal: the app identity is a ServicePrincipal; the deploying developer is usually a User.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

// Key Vault Secrets User
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource secretsUserRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    description: 'Switchboard: keyVaultSecretsUser'
  }
}

output roleAssignmentId string = secretsUserRoleAssignment.id
