using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.WriteBack;

[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WriteBackPatchTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
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
    public async Task Run_TargetSupportsPatch_SendsJsonPatchWithIfMatchNoPut()
    {
        var (id, v1) = await _wb.CreatePatientAsync();

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehrpatch", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        Assert.Equal(("written", $"Patient/{id}/_history/2"), (result.Outcome, result.Location));
        var patient = await _wb.ReadPatientAsync(id);
        Assert.Equal(["555-0100", "555-0199"], patient["telecom"]!.AsArray().Select(t => t!["value"]!.GetValue<string>()));
        Assert.Equal("Springfield", patient["address"]![0]!["city"]!.GetValue<string>());
        var log = await fhir.RequestLogAsync();
        var patch = Assert.Single(log, r => (string?)r!["method"] == "PATCH");
        Assert.Equal($"/fhir/Patient/{id}", (string?)patch!["path"]);
        Assert.Contains("1", (string?)patch["ifMatch"], StringComparison.Ordinal);
        Assert.Equal(0, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
    }

    [Fact]
    public async Task Run_PatchStale_ReReadsAndPatchesOnTopOfTheirs()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        await fhir.InjectFaultAsync("412", count: 2, method: "PATCH", pathPrefix: $"/fhir/Patient/{id}");

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehrpatch", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        Assert.Equal("written", result.Outcome);
        Assert.Equal(3, await WriteBackHarness.CountAsync(fhir, "PATCH", $"/fhir/Patient/{id}", storedOnly: false));
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "PATCH", $"/fhir/Patient/{id}"));
    }

    [Fact]
    public async Task Run_ServerRefusesPatchMediaType_FailsWb008WithoutPutFallback()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        await fhir.InjectFaultAsync("415", count: 1, method: "PATCH", pathPrefix: $"/fhir/Patient/{id}");

        var result = await _wb.RunAsync(WriteBackHarness.Request("ehrpatch", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms)));

        Assert.Equal(("failed", WriteBackCodes.ProfileMismatch), (result.Outcome, result.Code));
        Assert.Equal(0, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
        Assert.Single((await _wb.ReadPatientAsync(id))["telecom"]!.AsArray());
    }

    [Fact]
    public async Task Run_PatchedResourceBreaksServerInvariant_Wb011Review()
    {
        // The server checks invariants on the patched result (422): the write goes to review, like a PUT's 422.
        var (id, v1) = await _wb.CreatePatientAsync();
        await fhir.InjectFaultAsync("422", count: 1, method: "PATCH", pathPrefix: $"/fhir/Patient/{id}");
        var instance = (await _wb.SubmitAsync(WriteBackHarness.Request("ehrpatch", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Sms))))!;

        var review = await _wb.PendingReviewAsync(instance);

        Assert.Equal(ReviewReason.ValidationFailure, review.Reason);
        Assert.Single((await _wb.ReadPatientAsync(id))["telecom"]!.AsArray());
        await _wb.App.Get<Functions.WriteBack.ReviewDecisions>().DecideAsync(
            _wb.Client, review.ReviewId, new Functions.WriteBack.ReviewDecisionRequest(ReviewVerdict.Reject, review.Version!, "reviewer-1", null), default);
        Assert.Equal(WriteBackCodes.ReviewRejected, (await _wb.CompletionAsync(instance)).Code);
    }

    [Fact]
    public async Task Run_MergedResourceBreaksCoreInvariant_ReviewBeforeAnyWrite()
    {
        // cpt-2: a ContactPoint with a value needs a system. Caught offline, before the target sees it.
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = (await _wb.SubmitAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", """{"value":"555-0123"}"""))))!;

        var review = await _wb.PendingReviewAsync(instance);

        Assert.Equal(ReviewReason.ValidationFailure, review.Reason);
        Assert.Equal(0, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
        var audit = await _wb.App.Get<IWriteBackAuditLog>().ReadAsync(instance, default);
        Assert.Contains(audit, a => a.State == "validation-failed" && a.Code == WriteBackCodes.ValidationFailed);
        await _wb.App.Get<Functions.WriteBack.ReviewDecisions>().DecideAsync(
            _wb.Client, review.ReviewId, new Functions.WriteBack.ReviewDecisionRequest(ReviewVerdict.Reject, review.Version!, "reviewer-1", null), default);
        Assert.Equal(WriteBackCodes.ReviewRejected, (await _wb.CompletionAsync(instance)).Code);
    }
}
