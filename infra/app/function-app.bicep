// Switchboard Function App on the Flex Consumption plan (FC1), .NET 10 isolated
// worker. Every connection is identity-based through the user-assigned managed
// identity: the app settings contain no account keys, SAS tokens or Service Bus
// connection strings. The deployment package is pulled from blob storage with
// the same identity.

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption (FC1) App Service plan.')
param planName string

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('azd service name (azure.yaml) that this app hosts; tagged as azd-service-name.')
param serviceName string

@description('Resource ID of the user-assigned managed identity.')
param identityId string

@description('Client ID of the user-assigned managed identity.')
param identityClientId string

@description('Name of the storage account used for AzureWebJobsStorage, Durable Functions and the deployment package.')
param storageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Service Bus fully qualified namespace (host name only, no keys).')
param serviceBusFullyQualifiedNamespace string

@description('Service Bus topic for outbound events.')
param serviceBusTopicName string

@description('Key Vault URI (for @Microsoft.KeyVault references and SDK access).')
param keyVaultUri string

@description('Blob container holding raw inbound messages.')
param rawMessagesContainerName string

@description('Base URL of the FHIR server Switchboard writes to.')
param fhirBaseUrl string

@description('Durable Functions task hub name (Azure Storage backend: 3-45 alphanumeric characters, starting with a letter).')
@minLength(3)
@maxLength(45)
param taskHubName string

@description('.NET isolated worker runtime version.')
param runtimeVersion string = '10.0'

@description('Memory per instance in MB (Flex Consumption).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Maximum number of instances the app scales out to (Flex Consumption).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Extra app settings merged over the defaults (must not contain secrets; use Key Vault references).')
param appSettings object = {}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }

  // Flex Consumption sets FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION
  // from functionAppConfig; they must not appear here.
  resource settings 'config' = {
    name: 'appsettings'
    properties: union(
      {
        // Host storage + Durable Functions (Azure Storage backend), identity-based.
        AzureWebJobsStorage__accountName: storage.name
        AzureWebJobsStorage__credential: 'managedidentity'
        AzureWebJobsStorage__clientId: identityClientId

        // Switchboard's own storage (raw payloads, tables, stage queues and their queue triggers), identity-based.
        // Stage queue names are fixed in code (PipelineQueues) so triggers and infrastructure cannot disagree.
        Storage__accountName: storage.name
        Storage__credential: 'managedidentity'
        Storage__clientId: identityClientId

        // Service Bus output bindings / ServiceBusClient, identity-based.
        ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
        ServiceBus__credential: 'managedidentity'
        ServiceBus__clientId: identityClientId

        // Azure SDK DefaultAzureCredential picks the user-assigned identity.
        AZURE_CLIENT_ID: identityClientId

        // The connection string only locates the ingestion endpoint: with local
        // auth disabled on the component it cannot be used to send telemetry
        // without an Entra token (Authorization=AAD below).
        APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

        // Switchboard configuration (bound to options in the app).
        Switchboard__Fhir__BaseUrl: fhirBaseUrl
        Switchboard__TaskHub: taskHubName
        Switchboard__Storage__RawContainer: rawMessagesContainerName
        Switchboard__ServiceBus__TopicName: serviceBusTopicName
        Switchboard__KeyVault__Uri: keyVaultUri
      },
      appSettings
    )
  }
}

// Disable basic (publishing-profile) authentication for FTP and SCM: deployments
// (azd / One Deploy) go through Entra ID only.
resource ftpPublishingPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishingPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output id string = functionApp.id
output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output planId string = plan.id
output planName string = plan.name
