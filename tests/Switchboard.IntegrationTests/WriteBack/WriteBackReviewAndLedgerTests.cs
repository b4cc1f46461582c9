using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;
using Switchboard.Functions.WriteBack;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.WriteBack;

[Collection(ServersCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WriteBackReviewAndLedgerTests(AzuriteFixture azurite, FhirServerFixture fhir) : IAsyncLifetime
{
    private const string Email = """{"system":"email","value":"pat@example.org"}""";
    private WriteBackHarness _wb = null!;

    public async Task InitializeAsync()
    {
        await fhir.ResetAsync();
        _wb = await WriteBackHarness.StartAsync(azurite, fhir, reviewTimeout: TimeSpan.FromSeconds(4));
    }

    public async Task DisposeAsync() => await _wb.DisposeAsync();

    private static WriteBackRequest Allergy(string proposer = "clinic") => WriteBackHarness.Request(
        "epic", "AllergyIntolerance", null, null, proposer,
        new FieldChange(ChangeOperation.Set, "AllergyIntolerance.patient", """{"reference":"Patient/example"}"""),
        new FieldChange(ChangeOperation.Set, "AllergyIntolerance.code", """{"text":"peanut"}"""),
        new FieldChange(ChangeOperation.Set, "AllergyIntolerance.clinicalStatus", """{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}"""));

    [Fact]
    public async Task Run_SuggestionRejected_NothingWritten()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = (await _wb.SubmitAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "portal", new FieldChange(ChangeOperation.Add, "Patient.telecom", Email))))!;
        var review = await _wb.PendingReviewAsync(instance);

        await _wb.App.Get<ReviewDecisions>().DecideAsync(_wb.Client, review.ReviewId, new ReviewDecisionRequest(ReviewVerdict.Reject, review.Version!, "reviewer-1", null), default);

        Assert.Equal(ReviewReason.Suggestion, review.Reason);
        Assert.Equal(("rejected", WriteBackCodes.ReviewRejected), ((await _wb.CompletionAsync(instance)).Outcome, (await _wb.CompletionAsync(instance)).Code));
        Assert.Equal(0, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
    }

    [Fact]
    public async Task Run_SuggestionEditedAndApproved_WritesEditedValue()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = (await _wb.SubmitAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "portal", new FieldChange(ChangeOperation.Add, "Patient.telecom", Email))))!;
        var review = await _wb.PendingReviewAsync(instance);
        var edited = new FieldChange(ChangeOperation.Add, "Patient.telecom", """{"system":"email","value":"fixed@example.org"}""");

        var decided = await _wb.App.Get<ReviewDecisions>().DecideAsync(_wb.Client, review.ReviewId, new ReviewDecisionRequest(ReviewVerdict.EditAndApprove, review.Version!, "reviewer-1", [edited]), default);

        Assert.Equal(ReviewDecisionResult.Recorded, decided);
        Assert.Equal("written", (await _wb.CompletionAsync(instance)).Outcome);
        var values = (await _wb.ReadPatientAsync(id))["telecom"]!.AsArray().Select(t => t!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(["555-0100", "fixed@example.org"], values);
    }

    [Fact]
    public async Task Run_SuggestionNotDecidedInTime_EscalatedAndLateDecisionIs409()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = (await _wb.SubmitAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "portal", new FieldChange(ChangeOperation.Add, "Patient.telecom", Email))))!;
        var review = await _wb.PendingReviewAsync(instance);

        var result = await _wb.CompletionAsync(instance, TimeSpan.FromSeconds(30));
        var late = await _wb.App.Get<ReviewDecisions>().DecideAsync(_wb.Client, review.ReviewId, new ReviewDecisionRequest(ReviewVerdict.Approve, review.Version!, "reviewer-1", null), default);

        Assert.Equal(("escalated", WriteBackCodes.ReviewEscalated), (result.Outcome, result.Code));
        Assert.Equal(ReviewStatus.Escalated, (await _wb.App.Get<IReviewStore>().GetAsync(review.ReviewId, default))!.Status);
        Assert.Equal(ReviewDecisionResult.Stale, late);
        Assert.Equal(0, await WriteBackHarness.CountAsync(fhir, "PUT", $"/fhir/Patient/{id}", storedOnly: false));
    }

    [Fact]
    public async Task Escalate_ReviewTimesOut_PutsIdsOnlyMessageOnEscalationQueue()
    {
        var (id, v1) = await _wb.CreatePatientAsync();
        var instance = (await _wb.SubmitAsync(WriteBackHarness.Request("ehr", "Patient", id, v1, "portal", new FieldChange(ChangeOperation.Add, "Patient.telecom", Email))))!;
        var review = await _wb.PendingReviewAsync(instance);
        Assert.DoesNotContain(await _wb.EscalationsAsync(), m => (string?)m["reviewId"] == review.ReviewId);

        Assert.Equal("escalated", (await _wb.CompletionAsync(instance, TimeSpan.FromSeconds(30))).Outcome);

        var message = Assert.Single(await _wb.EscalationsAsync(), m => (string?)m["reviewId"] == review.ReviewId);
        Assert.Equal(instance, (string?)message["instanceId"]);
        Assert.Equal(("ehr", "Patient", "suggestion", WriteBackCodes.ReviewEscalated),
            ((string?)message["targetSystem"], (string?)message["resourceType"], (string?)message["reason"], (string?)message["code"]));
        Assert.DoesNotContain("pat@example.org", message.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(id, message.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CreateOnlyTarget_CreatesOnceWithBusinessIdentifier()
    {
        var instance = (await _wb.SubmitAsync(Allergy()))!;

        var result = await _wb.CompletionAsync(instance);

        var audit = (await _wb.App.Get<IWriteBackAuditLog>().ReadAsync(instance, default)).Select(a => $"{a.State}:{a.Code}");
        Assert.True(result.Outcome == "written", string.Join(" ", audit));
        var ids = await _wb.Fhir.FindByIdentifierAsync("AllergyIntolerance", WriteBackIds.IdentifierSystem, instance, default);
        Assert.Single(ids);
        Assert.Equal(LedgerState.Confirmed, (await _wb.App.Get<IWriteLedger>().GetAsync(instance, default))!.State);
    }

    [Fact]
    public async Task Run_CreateResponseDropped_ResolvedBySearchWithoutSecondPost()
    {
        await fhir.InjectFaultAsync("drop-after", count: 1, method: "POST", pathPrefix: "/fhir/AllergyIntolerance");
        var instance = (await _wb.SubmitAsync(Allergy()))!;

        var result = await _wb.CompletionAsync(instance);

        Assert.Equal("written", result.Outcome);
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "POST", "/fhir/AllergyIntolerance", storedOnly: false));
        Assert.Single(await _wb.Fhir.FindByIdentifierAsync("AllergyIntolerance", WriteBackIds.IdentifierSystem, instance, default));
        var states = (await _wb.App.Get<IWriteBackAuditLog>().ReadAsync(instance, default)).Select(a => a.State).ToList();
        Assert.Contains("outcome-unknown", states);
        Assert.Contains("confirmed-by-search", states);
    }

    [Fact]
    public async Task Run_CreateDroppedAndNotFound_ReviewThenApprovedResendCreatesOnce()
    {
        // "drop": the connection closes before the server files it, so search cannot find it.
        await fhir.InjectFaultAsync("drop", count: 1, method: "POST", pathPrefix: "/fhir/AllergyIntolerance");
        var instance = (await _wb.SubmitAsync(Allergy()))!;
        var review = await _wb.PendingReviewAsync(instance);
        Assert.Equal(ReviewReason.OutcomeUnknown, review.Reason);
        Assert.Equal(LedgerState.OutcomeUnknown, (await _wb.App.Get<IWriteLedger>().GetAsync(instance, default))!.State);

        await _wb.App.Get<ReviewDecisions>().DecideAsync(_wb.Client, review.ReviewId, new ReviewDecisionRequest(ReviewVerdict.Approve, review.Version!, "reviewer-1", null), default);

        Assert.Equal("written", (await _wb.CompletionAsync(instance)).Outcome);
        Assert.Single(await _wb.Fhir.FindByIdentifierAsync("AllergyIntolerance", WriteBackIds.IdentifierSystem, instance, default));
        Assert.Equal(2, (await _wb.App.Get<IWriteLedger>().GetAsync(instance, default))!.Attempts);
    }

    [Fact]
    public async Task Run_CreateThrottled_RetriesAndCreatesOnce()
    {
        await fhir.InjectFaultAsync("429", count: 2, method: "POST", pathPrefix: "/fhir/AllergyIntolerance", retryAfterSeconds: 1);
        var instance = (await _wb.SubmitAsync(Allergy()))!;

        Assert.Equal("written", (await _wb.CompletionAsync(instance)).Outcome);
        Assert.Equal(1, await WriteBackHarness.CountAsync(fhir, "POST", "/fhir/AllergyIntolerance"));
    }

    [Fact]
    public async Task Run_UpdateOnCreateOnlyTarget_RejectedWb007()
    {
        var (id, v1) = await _wb.CreatePatientAsync();

        var result = await _wb.RunAsync(WriteBackHarness.Request("epic", "Patient", id, v1, "crm", new FieldChange(ChangeOperation.Add, "Patient.telecom", Email)));

        Assert.Equal(("rejected", WriteBackCodes.UnknownTarget), (result.Outcome, result.Code));
    }
}
