using System.Diagnostics;
using System.Text.Json.Nodes;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;
using Switchboard.Functions.WriteBack;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.WriteBack;

[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WriteBackOrchestratorTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private const string Sms = """{"system":"sms","value":"555-0199"}""";
    private WriteBackHarness _wb = null!;

    public async Task InitializeAsync()
    {
        await fhir.ResetAsync();
        _wb = await WriteBackHarness.StartAsync(azurite, fhir);
    }

    public async Task DisposeAsync() => await _wb.DisposeAsync();

    [Fact]
    public async Task Run_DisjointConcurrentWriters_BothChangesLand()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var crm = WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms));
        var ehr = WriteBackHarness.Request("ehr", "Patient", id, v1, "ehr", new FieldChange(ChangeOperation.Set, "Patient.birthDate", "\"1981-02-03\""));

        var results = await Task.WhenAll(_wb.RunAsync(crm), _wb.RunAsync(ehr));

        Assert.All(results, r => Assert.Equal("written", r.Outcome));
        var patient = await _wb.ReadPatientAsync(id);
        Assert.Equal("1981-02-03", patient["birthDate"]!.GetValue<string>());
        Assert.Equal(2, patient["telecom"]!.AsArray().Count);
        Assert.Equal(2, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}"));
    }

    [Fact]
    public async Task Run_SameFieldChangedSinceBase_GoesToReviewAndApproveOverrides()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var first = await _wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "ehr", new FieldChange(ChangeOperation.Set, "Patient.address", """[{"city":"Shelbyville"}]""")));
        Assert.Equal("written", first.Outcome);
        var second = WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Set, "Patient.address", """[{"city":"Capital City"}]"""));

        var instance = (await _wb.SubmitAsync(second))!;
        var review = await _wb.PendingReviewAsync(instance);

        Assert.Equal(ReviewReason.Conflict, review.Reason);
        Assert.Equal(["Patient.address"], review.Paths);
        Assert.Equal("Shelbyville", (await _wb.ReadPatientAsync(id))["address"]![0]!["city"]!.GetValue<string>());
        var decisions = _wb.App.Get<ReviewDecisions>();
        var decided = await decisions.DecideAsync(_wb.Client, review.ReviewId, new ReviewDecisionRequest(ReviewVerdict.Approve, review.Version!, "reviewer-1", null), default);
        Assert.Equal(ReviewDecisionResult.Recorded, decided);
        Assert.Equal("written", (await _wb.CompletionAsync(instance)).Outcome);
        Assert.Equal("Capital City", (await _wb.ReadPatientAsync(id))["address"]![0]!["city"]!.GetValue<string>());

        // The same decision again (stale version, item no longer pending): 409 at the endpoint.
        var stale = await decisions.DecideAsync(_wb.Client, review.ReviewId, new ReviewDecisionRequest(ReviewVerdict.Reject, review.Version!, "reviewer-2", null), default);
        Assert.Equal(ReviewDecisionResult.Stale, stale);
    }

    [Fact]
    public async Task Run_SameFieldWithRejectPolicy_RejectsAndKeepsTheirs()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        await _wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "ehr", new FieldChange(ChangeOperation.Set, "Patient.gender", "\"male\"")));

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "ehr", new FieldChange(ChangeOperation.Set, "Patient.gender", "\"other\"")));

        Assert.Equal(("rejected", WriteBackCodes.ConflictRejected), (result.Outcome, result.Code));
        Assert.Equal("male", (await _wb.ReadPatientAsync(id))["gender"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Patient.birthDate", "\"2001-01-01\"", WriteBackCodes.Mirror)]
    [InlineData("Patient.text", """{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"}""", WriteBackCodes.Derived)]
    public async Task Run_MirrorOrDerivedField_RejectedWithoutWrite(string path, string value, string code)
    {
        var (id, v1) = await _wb.CreatePatientAsync();

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Set, path, value)));

        Assert.Equal(("rejected", code), (result.Outcome, result.Code));
        Assert.Equal(0, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
    }

    [Fact]
    public async Task Run_PreconditionStorm_RetriesUntilWritten()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        await fhir.InjectFaultAsync("412", count: 3, method: "PUT", pathPrefix: $"/fhir/Patient/{id}");

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        Assert.Equal("written", result.Outcome);
        Assert.Equal(4, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}"));
    }

    [Fact]
    public async Task Run_PreconditionStormPastBound_FailsWithWb013()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        await fhir.InjectFaultAsync("412", count: 20, method: "PUT", pathPrefix: $"/fhir/Patient/{id}");

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        Assert.Equal(("failed", WriteBackCodes.PreconditionExhausted), (result.Outcome, result.Code));
        Assert.Equal(8, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
        await fhir.ResetAsync();
    }

    [Fact]
    public async Task Run_ThrottledWithRetryAfterThenUnavailable_WaitsAndWritesOnce()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        await fhir.InjectFaultAsync("429", count: 1, method: "PUT", pathPrefix: $"/fhir/Patient/{id}", retryAfterSeconds: 2);
        await fhir.InjectFaultAsync("503", count: 1, method: "PUT", pathPrefix: $"/fhir/Patient/{id}");
        var clock = Stopwatch.StartNew();

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        Assert.Equal("written", result.Outcome);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"Retry-After of 2 s not honoured: {clock.Elapsed}");
        Assert.Equal(3, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}"));
    }

    [Fact]
    public async Task Run_WriteTimesOutButLands_ConvergesWithoutSecondWriteAndRecordsProvenance()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        // The server applies the PUT but answers after the 2 s target time-out: outcome unknown to us.
        await fhir.InjectFaultAsync("delay", count: 1, method: "PUT", pathPrefix: $"/fhir/Patient/{id}", delayMs: 3000);

        var request = WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms));
        var result = await _wb.RunAsync(request);

        // Whichever of the late PUT and the retry reaches the server first wins; the other is stale (If-Match) or,
        // after a re-read, finds our item already there. Either way the item is added once, and it is attributed.
        Assert.Equal("written", result.Outcome);
        Assert.Equal(2, (await _wb.ReadPatientAsync(id))["telecom"]!.AsArray().Count);
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}"));
        var instance = WriteBackIds.InstanceId("crm", request.IdempotencyKey);
        var provenance = (await _wb.Fhir.ReadAsync("Provenance", instance, null, default))?.Resource;
        Assert.NotNull(provenance);
        Assert.Equal(result.Location, provenance["target"]![0]!["reference"]!.GetValue<string>());
        Assert.Equal($"Patient/{id}/_history/2", result.Location);
    }

    [Fact]
    public async Task Submit_DuplicateRequest_SameInstanceOneWrite()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var request = WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms));

        var ids = await Task.WhenAll(_wb.SubmitAsync(request), _wb.SubmitAsync(request), _wb.SubmitAsync(request));
        await _wb.CompletionAsync(ids[0]!);
        var again = await _wb.SubmitAsync(request);
        var reused = await _wb.SubmitAsync(request with { Reason = "different" });

        Assert.All(ids.Append(again), i => Assert.Equal(WriteBackIds.InstanceId("crm", request.IdempotencyKey), i));
        Assert.Null(reused);
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}"));
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Provenance/{ids[0]}"));
    }

    [Fact]
    public async Task Run_Written_RecordsProvenanceAndAudit()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = (await _wb.SubmitAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms))))!;

        var result = await _wb.CompletionAsync(instance);

        Assert.Equal($"Patient/{id}/_history/2", result.Location);
        var provenance = (await _wb.Fhir.ReadAsync("Provenance", instance, null, default))!.Resource;
        Assert.Equal(result.Location, provenance["target"]![0]!["reference"]!.GetValue<string>());
        Assert.Equal("urn:switchboard:ownership:Patient.telecom", provenance["policy"]![0]!.GetValue<string>());
        Assert.Equal("user-7", provenance["agent"]![0]!["onBehalfOf"]!["identifier"]!["value"]!.GetValue<string>());
        var states = (await _wb.App.Get<IWriteBackAuditLog>().ReadAsync(instance, default)).Select(a => a.State).ToList();
        Assert.Equal(["authorized", "written", "provenance"], states.Take(3));
        Assert.Equal("written", states[^1]);
    }
}
