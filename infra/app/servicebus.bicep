// Service Bus namespace for outbound publishing. Local (SAS) authentication is
// disabled: publishers and subscribers authenticate with Entra ID only, see
// servicebus-access.bicep.

@description('Name of the Service Bus namespace.')
param name string

@description('Azure region for the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags object = {}

@description('Service Bus tier. Topics need Standard or Premium.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string = 'Standard'

@description('Topic that Switchboard publishes outbound events to.')
param topicName string = 'switchboard-events'

@description('Example subscription on the topic (for a downstream consumer).')
param subscriptionName string = 'example-consumer'

@description('Duplicate-detection window on the topic (ISO 8601 duration).')
param duplicateDetectionWindow string = 'PT10M'

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    supportOrdering: true
    enableBatchedOperations: true
    defaultMessageTimeToLive: 'P14D'
    maxSizeInMegabytes: 1024
  }
}

resource subscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2026-01-01' = {
  parent: topic
  name: subscriptionName
  properties: {
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
    maxDeliveryCount: 10
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
    requiresSession: false
  }
}

output id string = namespace.id
output name string = namespace.name
// Host name only (no keys), e.g. <name>.servicebus.windows.net, parsed from the
// endpoint 'https://<host>:443/' so no cloud-specific DNS suffix is hard-coded.
output fullyQualifiedNamespace string = split(
  split(split(namespace.properties.serviceBusEndpoint, '//')[1], '/')[0],
  ':'
)[0]
output topicName string = topic.name
output topicId string = topic.id
output subscriptionName string = subscription.name
