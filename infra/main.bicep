// Switchboard infrastructure (azd-compatible).
//
// targetScope is 'subscription' so that `azd provision` creates (and `azd down`
// removes) the environment's resource group itself, as in the Azure-Samples
// functions quickstarts; every resource is then deployed into that resource
// group through modules. An existing group can be used via resourceGroupName.
targetScope = 'subscription'

// ---------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('azd environment name; used for the resource-name token and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Primary Azure region for all resources (must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object ID of the deploying user or service principal; when set, it gets the same data-plane roles as the app (for local development). Leave empty to skip.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

// ---------------------------------------------------------------------------
// Optional name overrides (empty = abbreviation + unique token)
// ---------------------------------------------------------------------------

@description('Resource group name override.')
param resourceGroupName string = ''

@description('Function App name override.')
param functionAppName string = ''

@description('Flex Consumption plan name override.')
param appServicePlanName string = ''

@description('Storage account name override (3-24 lowercase letters and digits).')
param storageAccountName string = ''

@description('User-assigned managed identity name override.')
param identityName string = ''

@description('Service Bus namespace name override.')
param serviceBusNamespaceName string = ''

@description('Log Analytics workspace name override.')
param logAnalyticsName string = ''

@description('Application Insights name override.')
param applicationInsightsName string = ''

@description('Key Vault name override (3-24 characters).')
param keyVaultName string = ''

// ---------------------------------------------------------------------------
// Switchboard settings
// ---------------------------------------------------------------------------

@description('azd service name of the Function App in azure.yaml (azd-service-name tag).')
param functionServiceName string = 'switchboard'

@description('Base URL of the FHIR server Switchboard writes to (Switchboard__Fhir__BaseUrl). Placeholder until a FHIR server is chosen.')
param fhirBaseUrl string = ''

@description('Durable Functions task hub name (Azure Storage backend: 3-45 alphanumeric characters, starting with a letter).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'SwitchboardHub'

// Storage queue names are 3-63 characters; 56 at most leaves room for the
// "-poison" queue the Functions runtime creates next to each trigger queue.
@description('Storage queue receiving inbound messages.')
@minLength(3)
@maxLength(56)
param inboundQueueName string = 'switchboard-inbound'

@description('Storage queue of the translate stage.')
@minLength(3)
@maxLength(56)
param translateQueueName string = 'switchboard-translate'

@description('Storage queue of the identity (patient matching) stage.')
@minLength(3)
@maxLength(56)
param identityQueueName string = 'switchboard-identity'

@description('Storage queue of the route stage.')
@minLength(3)
@maxLength(56)
param routeQueueName string = 'switchboard-route'

@description('Storage queue of the deliver stage.')
@minLength(3)
@maxLength(56)
param deliverQueueName string = 'switchboard-deliver'

@description('Blob container for raw inbound messages.')
@minLength(3)
@maxLength(63)
param rawMessagesContainerName string = 'raw-messages'

@description('Service Bus topic for outbound events.')
param serviceBusTopicName string = 'switchboard-events'

@description('Example subscription created on the outbound topic.')
param serviceBusSubscriptionName string = 'example-consumer'

@description('Flex Consumption memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Flex Consumption maximum instance count.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

// ---------------------------------------------------------------------------
// Names and tags
// ---------------------------------------------------------------------------

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Resource names are resolved here, from parameters only, so that they are known
// when the deployment starts: modules that reference a resource created by
// another module get the name from these variables (plus an explicit dependsOn)
// instead of from the other module's outputs, which keeps What-If precise.
var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  functionApp: !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}${resourceToken}'
  appServicePlan: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
  storageAccount: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
  identity: !empty(identityName) ? identityName : '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  serviceBusNamespace: !empty(serviceBusNamespaceName)
    ? serviceBusNamespaceName
    : '${abbrs.serviceBusNamespaces}${resourceToken}'
  logAnalytics: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: !empty(applicationInsightsName)
    ? applicationInsightsName
    : '${abbrs.insightsComponents}${resourceToken}'
  keyVault: !empty(keyVaultName) ? keyVaultName : '${abbrs.keyVaultVaults}${resourceToken}'
}
var deploymentContainerName = 'app-package-${take(toLower(names.functionApp), 32)}-${take(resourceToken, 7)}'

var queueNames = {
  inbound: inboundQueueName
  translate: translateQueueName
  identity: identityQueueName
  route: routeQueueName
  deliver: deliverQueueName
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storageAccount
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    rawMessagesContainerName: rawMessagesContainerName
    queueNames: [
      queueNames.inbound
      queueNames.translate
      queueNames.identity
      queueNames.route
      queueNames.deliver
    ]
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: names.serviceBusNamespace
    location: location
    tags: tags
    topicName: serviceBusTopicName
    subscriptionName: serviceBusSubscriptionName
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
  }
}

// ---------------------------------------------------------------------------
// Role assignments: the app's managed identity (always) ...
//
// Role-assignment names are guid(scope, principalId, roleId). For the app's
// identity the principalId is a runtime value (the identity is created in this
// very deployment), which the what-if-short-circuiting rule reports. That is
// deliberate and suppressed line by line: including the principalId means a
// re-created identity gets new assignments instead of colliding with orphaned
// ones; the cost is a less precise What-If preview of these assignments only.
// ---------------------------------------------------------------------------

module storageAccessApp 'app/storage-access.bicep' = {
  name: 'storage-access-app'
  scope: rg
  params: {
    storageAccountName: names.storageAccount
    #disable-next-line what-if-short-circuiting // runtime principalId: see the note above
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
  }
  dependsOn: [
    storage
  ]
}

module serviceBusAccessApp 'app/servicebus-access.bicep' = {
  name: 'servicebus-access-app'
  scope: rg
  params: {
    serviceBusNamespaceName: names.serviceBusNamespace
    topicName: serviceBusTopicName
    #disable-next-line what-if-short-circuiting // runtime principalId: see the note above
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
  }
  dependsOn: [
    serviceBus
  ]
}

module keyVaultAccessApp 'app/keyvault-access.bicep' = {
  name: 'keyvault-access-app'
  scope: rg
  params: {
    keyVaultName: names.keyVault
    #disable-next-line what-if-short-circuiting // runtime principalId: see the note above
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
  }
  dependsOn: [
    keyVault
  ]
}

module monitoringAccessApp 'app/monitoring-access.bicep' = {
  name: 'monitoring-access-app'
  scope: rg
  params: {
    applicationInsightsName: names.applicationInsights
    #disable-next-line what-if-short-circuiting // runtime principalId: see the note above
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
  }
  dependsOn: [
    monitoring
  ]
}

// ... and the deploying principal (optional, for local development).

module storageAccessUser 'app/storage-access.bicep' = if (!empty(principalId)) {
  name: 'storage-access-user'
  scope: rg
  params: {
    storageAccountName: names.storageAccount
    principalId: principalId
    principalType: principalType
  }
  dependsOn: [
    storage
  ]
}

module serviceBusAccessUser 'app/servicebus-access.bicep' = if (!empty(principalId)) {
  name: 'servicebus-access-user'
  scope: rg
  params: {
    serviceBusNamespaceName: names.serviceBusNamespace
    topicName: serviceBusTopicName
    principalId: principalId
    principalType: principalType
  }
  dependsOn: [
    serviceBus
  ]
}

module keyVaultAccessUser 'app/keyvault-access.bicep' = if (!empty(principalId)) {
  name: 'keyvault-access-user'
  scope: rg
  params: {
    keyVaultName: names.keyVault
    principalId: principalId
    principalType: principalType
  }
  dependsOn: [
    keyVault
  ]
}

module monitoringAccessUser 'app/monitoring-access.bicep' = if (!empty(principalId)) {
  name: 'monitoring-access-user'
  scope: rg
  params: {
    applicationInsightsName: names.applicationInsights
    principalId: principalId
    principalType: principalType
  }
  dependsOn: [
    monitoring
  ]
}

// ---------------------------------------------------------------------------
// Function App
// ---------------------------------------------------------------------------

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.appServicePlan
    location: location
    tags: tags
    serviceName: functionServiceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storageAccount
    deploymentContainerName: storage.outputs.deploymentContainerName
    rawMessagesContainerName: storage.outputs.rawMessagesContainerName
    applicationInsightsName: names.applicationInsights
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    serviceBusTopicName: serviceBus.outputs.topicName
    keyVaultUri: keyVault.outputs.uri
    fhirBaseUrl: fhirBaseUrl
    taskHubName: taskHubName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // The host needs its storage and telemetry roles before it first starts;
  // these (and the Application Insights component, referenced by name) are not
  // implied by any output reference above.
  dependsOn: [
    monitoring
    storageAccessApp
    monitoringAccessApp
  ]
}

// ---------------------------------------------------------------------------
// Outputs (azd writes them to .azure/<env>/.env). Names and endpoints only:
// no keys, connection strings or other secrets.
// ---------------------------------------------------------------------------

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOST_NAME string = functionApp.outputs.defaultHostName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.primaryBlobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.primaryQueueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.primaryTableEndpoint
output AZURE_STORAGE_DEPLOYMENT_CONTAINER string = storage.outputs.deploymentContainerName
output SWITCHBOARD_RAW_MESSAGES_CONTAINER string = storage.outputs.rawMessagesContainerName
output SWITCHBOARD_QUEUE_NAMES array = storage.outputs.queueNames
output SWITCHBOARD_TASK_HUB_NAME string = taskHubName
output SERVICEBUS_NAMESPACE_NAME string = serviceBus.outputs.name
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICEBUS_TOPIC_NAME string = serviceBus.outputs.topicName
output SERVICEBUS_SUBSCRIPTION_NAME string = serviceBus.outputs.subscriptionName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.logAnalyticsWorkspaceName
