using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.WriteBack;

[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WriteBackCapabilityTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private const string Sms = """{"system":"sms","value":"555-0199"}""";

    // Declares Patient update without version-aware updates (no If-Match) and no PATCH.
    private const string LegacyStatement = """
        {"resourceType":"CapabilityStatement","status":"active","kind":"instance","fhirVersion":"4.0.1","format":["json"],
         "rest":[{"mode":"server","resource":[
           {"type":"Patient","versioning":"versioned","interaction":[{"code":"read"},{"code":"vread"},{"code":"update"}]},
           {"type":"Provenance","updateCreate":true,"interaction":[{"code":"update"}]}]}]}
        """;

    public Task InitializeAsync() => fhir.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Run_ProfileBackedByLocalServer_ReadsMetadataOnceAndWrites()
    {
        await using var wb = await WriteBackHarness.StartAsync(azurite, fhir);
        var (id, v1) = await wb.CreatePatientAsync();

        var first = await wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));
        var second = await wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, "2", "ehr", new FieldChange(ChangeOperation.Set, "Patient.gender", "\"male\"")));

        Assert.Equal(("written", "written"), (first.Outcome, second.Outcome));
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "GET", "/fhir/metadata"));
    }

    [Fact]
    public async Task Run_ProfileClaimsIfMatchServerDeclaresNone_RefusedWb008WithoutWrite()
    {
        using var legacy = new CapabilityStatementStub(LegacyStatement);
        await using var wb = await WriteBackHarness.StartAsync(azurite, fhir, extraSettings: new Dictionary<string, string?>
        {
            ["Switchboard:WriteBack:Targets:legacy:BaseUrl"] = legacy.BaseUrl.ToString(),
            ["Switchboard:WriteBack:Targets:legacy:RequiresIfMatch"] = "true",
        });

        var result = await wb.RunAsync(WriteBackHarness.Request("legacy", "Patient", "p1", "1", "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));
        var again = await wb.RunAsync(WriteBackHarness.Request("legacy", "Patient", "p1", "1", "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        Assert.Equal(("rejected", WriteBackCodes.ProfileMismatch), (result.Outcome, result.Code));
        Assert.Equal(("rejected", WriteBackCodes.ProfileMismatch), (again.Outcome, again.Code));
        Assert.Equal((1, 0), (legacy.MetadataRequests, legacy.OtherRequests));
    }

    [Fact]
    public async Task Run_ConservativeProfileOnLegacyServer_NotRefusedByCheck()
    {
        using var legacy = new CapabilityStatementStub(LegacyStatement);
        await using var wb = await WriteBackHarness.StartAsync(azurite, fhir, extraSettings: new Dictionary<string, string?>
        {
            ["Switchboard:WriteBack:Targets:legacy:BaseUrl"] = legacy.BaseUrl.ToString(),
            ["Switchboard:WriteBack:Targets:legacy:SupportsIfMatch"] = "false",
            ["Switchboard:WriteBack:Targets:legacy:Timeout"] = "00:00:02",
            ["Switchboard:WriteBack:MaxTransientAttempts"] = "1",
        });

        var result = await wb.RunAsync(WriteBackHarness.Request("legacy", "Patient", "p1", "1", "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        // The check passed, so the activity went on to read the resource (the stub answers 500: transient, bounded).
        Assert.NotEqual(WriteBackCodes.ProfileMismatch, result.Code);
        Assert.True(legacy.OtherRequests > 0);
    }
}
