using System.Diagnostics;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Fhir;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Operations;

/// <summary>The operator's view and levers: trace, dead letters, replay and backfill (with dry run).</summary>
public sealed class PipelineOperations(
    IEnvelopeStore envelopes,
    IPayloadStore payloads,
    IWorkQueue queue,
    EnvelopeAcceptance acceptance,
    PayloadTranslator translator,
    FhirRestClient fhir,
    TimeProvider time,
    ILogger<PipelineOperations> logger)
{
    public const string ReplayMode = "replay";
    public const string BackfillMode = "backfill";

    /// <summary>The envelope's hops, by envelope id or by the W3C trace id it was accepted in.</summary>
    public async Task<IReadOnlyList<TraceView>> TraceAsync(string id, CancellationToken cancellationToken)
    {
        var records = new List<EnvelopeRecord>();
        if (await envelopes.GetAsync(id, cancellationToken) is { } byId)
        {
            records.Add(byId);
        }
        else if (id.Length == 32 && id.All(char.IsAsciiHexDigit))
        {
            await foreach (var record in envelopes.FindByTraceAsync(id, cancellationToken))
            {
                records.Add(record);
            }
        }

        var views = new List<TraceView>();
        foreach (var record in records)
        {
            var chain = await envelopes.ReadAuditAsync(record.Envelope.EnvelopeId, cancellationToken);
            var e = record.Envelope;
            views.Add(new TraceView(
                e.EnvelopeId, e.Source, e.Kind.ToString(), e.MessageControlId, e.MessageType, record.State.ToString(), record.IssueCode,
                e.TraceParent, e.ReceivedAt, e.EventTime, e.PayloadHash, e.BlobName, AuditChain.Verify(chain),
                chain.Select(r => new HopView(r.Sequence, r.Entry.Stage, r.Entry.At, r.Entry.Outcome, r.Entry.InputHash, r.Entry.OutputHash,
                    r.Entry.Rule, r.Entry.Actor, r.Entry.Target, r.Entry.TraceId, r.Hash, r.PreviousHash)).ToList()));
        }

        return views;
    }

    public async Task<IReadOnlyList<DeadLetterView>> DeadLettersAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var list = new List<DeadLetterView>();
        await foreach (var record in envelopes.QueryAsync(EnvelopeState.DeadLettered, from, to, cancellationToken))
        {
            list.Add(DeadLetterView.From(record));
        }

        return list;
    }

    public async Task<ReplayResult> ReplayAsync(ReplayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<ReplayItemResult>();
        await foreach (var record in SelectAsync(request, cancellationToken))
        {
            items.Add(request.Mode == BackfillMode
                ? await BackfillAsync(record, request, cancellationToken)
                : await RequeueAsync(record, request, cancellationToken));
        }

        return new ReplayResult(request.Mode, request.DryRun, items);
    }

    private async IAsyncEnumerable<EnvelopeRecord> SelectAsync(ReplayRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (request.EnvelopeIds is { Count: > 0 } ids)
        {
            foreach (var id in ids)
            {
                if (await envelopes.GetAsync(id, cancellationToken) is { } record)
                {
                    yield return record;
                }
            }

            yield break;
        }

        var state = request.DeadLetters ? EnvelopeState.DeadLettered : (EnvelopeState?)null;
        await foreach (var record in envelopes.QueryAsync(state, request.From ?? DateTimeOffset.MinValue, request.To ?? DateTimeOffset.MaxValue, cancellationToken))
        {
            if (record.State is not EnvelopeState.Rejected and not EnvelopeState.Accepted)
            {
                yield return record;
            }
        }
    }

    // Same idempotency key: stages re-run from where it failed (dead letters) or from translate, with no duplicate effects.
    private async Task<ReplayItemResult> RequeueAsync(EnvelopeRecord record, ReplayRequest request, CancellationToken cancellationToken)
    {
        var envelope = record.Envelope;
        var (queueName, message) = record.State == EnvelopeState.DeadLettered && await FailedMessageAsync(envelope.EnvelopeId, cancellationToken) is { } failed
            ? failed
            : (PipelineQueues.Translate, new StageMessage(envelope));
        var action = $"requeued:{queueName}";
        if (request.DryRun)
        {
            return new ReplayItemResult(envelope.EnvelopeId, "would-" + action);
        }

        // Audit first: the replay entry resets "already done" for every stage after it (see StageRunner).
        await envelopes.TransitionAsync(envelope.EnvelopeId, EnvelopeState.Queued, issueCode: null, ReplayEntry(envelope, action, request), cancellationToken);
        await queue.EnqueueAsync(queueName, message, cancellationToken);
        Log.Replayed(logger, envelope.EnvelopeId, ReplayMode, request.Actor);
        return new ReplayItemResult(envelope.EnvelopeId, action);
    }

    // New idempotency key: the raw payload goes through the (fixed) pipeline again as a new envelope.
    private async Task<ReplayItemResult> BackfillAsync(EnvelopeRecord record, ReplayRequest request, CancellationToken cancellationToken)
    {
        var envelope = record.Envelope;
        var raw = await payloads.GetAsync(envelope.BlobName, cancellationToken);
        if (request.DryRun)
        {
            var (output, _) = translator.Translate(envelope, raw);
            return await DryRunAsync(envelope.EnvelopeId, output, cancellationToken);
        }

        var key = $"{envelope.MessageControlId}#backfill:{time.GetUtcNow():yyyyMMddHHmmss}";
        var outcome = await acceptance.AcceptAsync(
            new AcceptRequest(envelope.Source, envelope.Kind, key, envelope.MessageType, raw, envelope.EventTime, envelope.PatientKey, id => $"backfill of {envelope.EnvelopeId}"),
            cancellationToken);
        await envelopes.AppendAuditAsync(ReplayEntry(envelope, $"backfilled:{outcome.EnvelopeId}", request), cancellationToken);
        Log.Replayed(logger, envelope.EnvelopeId, BackfillMode, request.Actor);
        return new ReplayItemResult(envelope.EnvelopeId, $"backfilled:{outcome.EnvelopeId}");
    }

    // What delivery would change: compare each translated patient with the one the FHIR server holds now.
    private async Task<ReplayItemResult> DryRunAsync(string envelopeId, byte[] output, CancellationToken cancellationToken)
    {
        Bundle bundle;
        try
        {
            bundle = FhirJsonText.Parse<Bundle>(Encoding.UTF8.GetString(output));
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            return new ReplayItemResult(envelopeId, "would-route-unchanged");
        }

        var changes = new List<string>();
        var action = "would-update";
        foreach (var entry in bundle.Entry)
        {
            if (entry is not { Resource: Patient proposed, Request.Url: { } url } || url.IndexOf('?', StringComparison.Ordinal) is not (var q and >= 0))
            {
                continue;
            }

            var current = (await fhir.SearchAsync("Patient", url[(q + 1)..], cancellationToken)).Entry.Select(e => e.Resource).OfType<Patient>().FirstOrDefault();
            // The enterprise id is stamped by the identity stage, not by the mapping: it is not a change.
            current?.Identifier.RemoveAll(i => i.System == Pipeline.Stages.IdentityStage.EnterpriseIdSystem);
            action = current is null ? "would-create" : action;
            changes.AddRange(ResourceDiff.ChangedPaths(current, proposed));
        }

        return new ReplayItemResult(envelopeId, changes.Count == 0 && action == "would-update" ? "would-change-nothing" : action, changes);
    }

    private async Task<(string Queue, StageMessage Message)?> FailedMessageAsync(string envelopeId, CancellationToken cancellationToken)
    {
        var chain = await envelopes.ReadAuditAsync(envelopeId, cancellationToken);
        var failed = chain.LastOrDefault(r => r.Entry.Outcome == "dead-lettered")?.Entry;
        if (failed?.Target is null)
        {
            return null;
        }

        var stage = failed.Stage.Split(':')[0];
        var queueName = PipelineQueues.All.FirstOrDefault(q => q.EndsWith("-" + stage, StringComparison.Ordinal)) ?? PipelineQueues.Translate;
        return (queueName, EnvelopeJson.Parse(failed.Target));
    }

    private AuditEntry ReplayEntry(MessageEnvelope envelope, string outcome, ReplayRequest request) =>
        new(envelope.EnvelopeId, "replay", time.GetUtcNow(), envelope.Source, Activity.Current?.TraceId.ToHexString(), envelope.PayloadHash,
            OutputHash: null, outcome, Rule: request.Reason, Actor: $"operator:{request.Actor}", Target: null);
}
