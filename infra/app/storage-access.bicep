// Data-plane role assignments on the storage account for one principal.
// The Functions host, Durable Functions (Azure Storage backend) and the
// Flex Consumption deployment all use identity-based connections, which need:
//   - Storage Blob Data Owner        (host leases/secrets, task-hub blobs, deployment package, raw-messages)
//   - Storage Queue Data Contributor (queue triggers, pipeline stage queues, Durable control/work-item queues)
//   - Storage Table Data Contributor (Durable Functions history and instance tables)
// Nothing broader (no Contributor, no account-key roles) is granted.

@description('Name of the existing storage account.')
param storageAccountName string

@description('Object (principal) ID that receives the roles.')
param principalId string

@description('Type of the principal: the app identity is a ServicePrincipal; the deploying developer is usually a User.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

var roleDefinitionIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roleDefinitionIds): {
    name: guid(storage.id, principalId, role.value)
    scope: storage
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      description: 'Switchboard: ${role.key}'
    }
  }
]

output roleAssignmentIds array = [for (role, i) in items(roleDefinitionIds): roleAssignments[i].id]
