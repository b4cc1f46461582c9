using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests;

/// <summary>One Azurite and one FHIR server shared by every integration test class (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<FhirServerFixture>
{
    public const string Name = "servers";
}
