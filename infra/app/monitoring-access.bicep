// Role assignment on the Application Insights component for one principal.
// Application Insights has local auth disabled, so telemetry ingestion needs an
// Entra token from a principal holding Monitoring Metrics Publisher.

@description('Name of the existing Application Insights component.')
param applicationInsightsName string

@description('Object (principal) ID that receives the role.')
param principalId string

@description('Type of the principal: the app identity is a ServicePrincipal; the deploying developer is usually a User.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

// Monitoring Metrics Publisher
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource metricsPublisherRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalId, monitoringMetricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      monitoringMetricsPublisherRoleId
    )
    description: 'Switchboard: monitoringMetricsPublisher'
  }
}

output roleAssignmentId string = metricsPublisherRoleAssignment.id
