using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;
using Switchboard.Functions.WriteBack;
using Switchboard.Testing.Servers;

namespace Switchboard.IntegrationTests.WriteBack;

/// <summary>
/// The write-back orchestrator in the in-process Durable test host, registered under its Functions name, with
/// each activity created from the app's DI (SwitchboardHost) against Azurite and the local FHIR server.
/// Targets: <c>ehr</c> (PUT with If-Match, Provenance), <c>ehrpatch</c> (JSON Patch with If-Match) and <c>epic</c>
/// (create-only) all point at the local server.
/// </summary>
internal sealed class WriteBackHarness : IAsyncDisposable
{
    private static int _port = 31700 + (Environment.ProcessId % 1000);

    private WriteBackHarness(SwitchboardHost app, DurableTaskTestHost durable, TargetFhirClient fhir)
    {
        App = app;
        Durable = durable;
        Fhir = fhir;
    }

    public static string EscalationQueue { get; } = $"wb-escalations-{Environment.ProcessId}";

    public SwitchboardHost App { get; }

    public DurableTaskTestHost Durable { get; }

    public DurableTaskClient Client => Durable.Client;

    /// <summary>A client on the local server for arranging and checking resources.</summary>
    public TargetFhirClient Fhir { get; }

    public static async Task<WriteBackHarness> StartAsync(
        AzuriteFixture azurite, FhirServerFixture fhir, TimeSpan? reviewTimeout = null, IDictionary<string, string?>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Switchboard:WriteBack:Targets:ehr:BaseUrl"] = fhir.BaseUrl.ToString(),
            ["Switchboard:WriteBack:Targets:ehr:RequiresIfMatch"] = "true",
            ["Switchboard:WriteBack:Targets:ehr:Timeout"] = "00:00:02",
            ["Switchboard:WriteBack:Targets:ehrpatch:BaseUrl"] = fhir.BaseUrl.ToString(),
            ["Switchboard:WriteBack:Targets:ehrpatch:RequiresIfMatch"] = "true",
            ["Switchboard:WriteBack:Targets:ehrpatch:SupportsPatch"] = "true",
            ["Switchboard:WriteBack:Targets:ehrpatch:Timeout"] = "00:00:02",
            ["Switchboard:WriteBack:Targets:epic:BaseUrl"] = fhir.BaseUrl.ToString(),
            ["Switchboard:WriteBack:Targets:epic:CreateOnly"] = "true",
            ["Switchboard:WriteBack:Targets:epic:SupportsIfMatch"] = "false",
            ["Switchboard:WriteBack:Targets:epic:WriteProvenance"] = "false",
            ["Switchboard:WriteBack:Targets:epic:Timeout"] = "00:00:02",
            ["Switchboard:WriteBack:ReviewTimeout"] = (reviewTimeout ?? TimeSpan.FromSeconds(30)).ToString("c", CultureInfo.InvariantCulture),
            ["Switchboard:WriteBack:FirstRetryDelay"] = "00:00:00.200",
            ["Switchboard:WriteBack:MaxRetryDelay"] = "00:00:03",
            ["Switchboard:WriteBack:ResolveDelay"] = "00:00:00.300",
            ["Switchboard:WriteBack:MaxResolveAttempts"] = "2",
            // A queue per harness, so a test sees only its own escalations.
            ["Switchboard:WriteBack:Storage:EscalationQueue"] = EscalationQueue,
            ["Switchboard:WriteBack:Rules:Patient:0"] = "gender.exists().not() or gender != 'unknown'",
        };
        var rules = new (string Path, string Owner, DataClass Class, ConflictPolicy Policy, (string, FieldRole)[] Roles)[]
        {
            ("Patient", "ehr", DataClass.Operational, ConflictPolicy.Reject, [("crm", FieldRole.Mirror)]),
            ("Patient.telecom", "ehr", DataClass.Operational, ConflictPolicy.Rebase, [("crm", FieldRole.CoEditor), ("portal", FieldRole.Suggester)]),
            ("Patient.address", "ehr", DataClass.Operational, ConflictPolicy.Review, [("crm", FieldRole.CoEditor), ("portal", FieldRole.Suggester)]),
            ("Patient.communication", "crm", DataClass.Operational, ConflictPolicy.SourceWins, [("ehr", FieldRole.CoEditor)]),
            ("Patient.text", "ehr", DataClass.DerivedDisplay, ConflictPolicy.Reject, []),
            ("AllergyIntolerance", "ehr", DataClass.Operational, ConflictPolicy.Review, [("clinic", FieldRole.CoEditor)]),
            ("AllergyIntolerance.note", "ehr", DataClass.History, ConflictPolicy.Rebase, [("clinic", FieldRole.Creator)]),
        };
        for (var i = 0; i < rules.Length; i++)
        {
            var prefix = $"Switchboard:WriteBack:Ownership:{i}:";
            settings[prefix + "Path"] = rules[i].Path;
            settings[prefix + "SystemOfRecord"] = rules[i].Owner;
            settings[prefix + "DataClass"] = rules[i].Class.ToString();
            settings[prefix + "ConflictPolicy"] = rules[i].Policy.ToString();
            foreach (var (system, role) in rules[i].Roles)
            {
                settings[prefix + "Roles:" + system] = role.ToString();
            }
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = await SwitchboardHost.StartAsync(azurite, fhir, settings);
        var durable = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                // A lambda, not the method group: the Durable analyzers (0.2.0) crash with AD0001 on a method group here.
                registry.AddOrchestratorFunc<WriteBackResult>(nameof(WriteBackOrchestrator), context => WriteBackOrchestrator.RunAsync(context));
                registry.AddActivityFunc<string, WriteBackPlan>(nameof(AuthorizeWriteBackActivity), (_, id) => app.Create<AuthorizeWriteBackActivity>().RunAsync(id, default));
                registry.AddActivityFunc<ApplyInput, WriteOutcome>(nameof(ApplyWriteBackActivity), (_, input) => app.Create<ApplyWriteBackActivity>().RunAsync(input, default));
                registry.AddActivityFunc<CreateInput, WriteOutcome>(nameof(SendCreateActivity), (_, input) => app.Create<SendCreateActivity>().RunAsync(input, default));
                registry.AddActivityFunc<string, WriteOutcome>(nameof(ResolveCreateActivity), (_, id) => app.Create<ResolveCreateActivity>().RunAsync(id, default));
                registry.AddActivityFunc<OpenReviewInput>(nameof(OpenReviewActivity), (_, input) => app.Create<OpenReviewActivity>().RunAsync(input, default));
                registry.AddActivityFunc<string, bool>(nameof(EscalateReviewActivity), (_, id) => app.Create<EscalateReviewActivity>().RunAsync(id, default));
                registry.AddActivityFunc<StateInput>(nameof(RecordWriteBackStateActivity), (_, input) => app.Create<RecordWriteBackStateActivity>().RunAsync(input, default));
                registry.AddActivityFunc<ProvenanceInput>(nameof(RecordProvenanceActivity), (_, input) => app.Create<RecordProvenanceActivity>().RunAsync(input, default));
            },
            new DurableTaskTestHostOptions { Port = Interlocked.Increment(ref _port) });
        var target = app.Get<WriteBackTargets>().Find("ehr")!;
        return new WriteBackHarness(app, durable, target);
    }

    /// <summary>Creates a Patient directly on the server and returns its id and version.</summary>
    public async Task<(string Id, string Version)> CreatePatientAsync(string json = """{"resourceType":"Patient","gender":"female","birthDate":"1980-01-01","telecom":[{"system":"phone","value":"555-0100"}],"address":[{"city":"Springfield"}]}""")
    {
        var written = await Fhir.CreateAsync("Patient", (JsonObject)JsonNode.Parse(json)!, null, default);
        return (written.Id!, written.VersionId!);
    }

    public async Task<JsonObject> ReadPatientAsync(string id) => (await Fhir.ReadAsync("Patient", id, null, default))!.Resource;

    public static WriteBackRequest Request(string target, string type, string? id, string? version, string proposer, params FieldChange[] changes) =>
        new(target, type, id, version, changes, proposer, "user-7", "test", Guid.NewGuid().ToString("N"));

    public Task<string?> SubmitAsync(WriteBackRequest request) => App.Get<WriteBackSubmission>().SubmitAsync(Client, request, default);

    public async Task<WriteBackResult> RunAsync(WriteBackRequest request, TimeSpan? timeout = null)
    {
        var id = await SubmitAsync(request) ?? throw new InvalidOperationException("Submission refused.");
        return await CompletionAsync(id, timeout);
    }

    public async Task<WriteBackResult> CompletionAsync(string id, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(45));
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails}");
        return done.ReadOutputAs<WriteBackResult>()!;
    }

    /// <summary>Waits (bounded) until the instance waits for review, and returns the pending item.</summary>
    public async Task<ReviewItem> PendingReviewAsync(string instanceId)
    {
        var reviews = App.Get<IReviewStore>();
        for (var i = 0; i < 150; i++)
        {
            var pending = await reviews.ListAsync(ReviewStatus.Pending, 500, default);
            if (pending.FirstOrDefault(r => r.InstanceId == instanceId) is { } item)
            {
                return item;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No pending review for {instanceId} within 15 s.");
    }

    /// <summary>Requests the FHIR server logged for <paramref name="method"/> on <paramref name="path"/> that it processed.</summary>
    public static async Task<int> CountAsync(FhirServerFixture fhir, string method, string path, bool storedOnly = true)
    {
        var log = await fhir.RequestLogAsync();
        return log.Count(r => (string?)r!["method"] == method && (string?)r["path"] == path
            && (!storedOnly || ((int?)r["status"] is >= 200 and < 300)));
    }

    /// <summary>Escalation messages on this process's escalation queue (peeked, so other tests still see theirs).</summary>
    public async Task<IReadOnlyList<JsonObject>> EscalationsAsync()
    {
        var queue = App.Get<Switchboard.Azure.WriteBack.WriteBackStorage>().Escalations;
        var messages = await queue.PeekMessagesAsync(32);
        return [.. messages.Value.Select(m => (JsonObject)JsonNode.Parse(m.Body.ToString())!)];
    }

    public async ValueTask DisposeAsync()
    {
        await Durable.DisposeAsync();
        await App.DisposeAsync();
    }
}
