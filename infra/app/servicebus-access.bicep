// Data-plane role assignment on the outbound Service Bus topic for one principal.
// Switchboard only publishes, so it gets Azure Service Bus Data Sender, scoped to
// the topic (not the namespace): it can neither receive nor manage entities.

@description('Name of the existing Service Bus namespace.')
param serviceBusNamespaceName string

@description('Name of the existing topic the principal publishes to.')
param topicName string

@description('Object (principal) ID that receives the role.')
param principalId string

@description('Type of the principal: the app identity is a ServicePrincipal; the deploying developer is usually a User.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

// Azure Service Bus Data Sender
var serviceBusDataSenderRoleId = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName

  resource topic 'topics' existing = {
    name: topicName
  }
}

resource senderRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::topic.id, principalId, serviceBusDataSenderRoleId)
  scope: namespace::topic
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataSenderRoleId)
    description: 'Switchboard: azureServiceBusDataSender'
  }
}

output roleAssignmentId string = senderRoleAssignment.id
