using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Runs a stage for one queue message: skips work already recorded (redelivery), sends the stage's messages on,
/// then audits. Permanent errors dead-letter at once; other errors propagate so the queue retries and, after
/// maxDequeueCount, moves the message to the poison queue (handled by <see cref="DeadLetterAsync"/>).
/// </summary>
public sealed class StageRunner(IEnvelopeStore envelopes, IWorkQueue queue, IPayloadStore payloads, TimeProvider time, ILogger<StageRunner> logger)
{
    public async Task RunAsync(IPipelineStage stage, string queueMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var message = EnvelopeJson.Parse(queueMessage);
        var envelope = message.Envelope;
        using var activity = PipelineActivities.StartStage(stage.ActivitySource, stage.Name, envelope.TraceParent, envelope.EnvelopeId);
        PipelineMetrics.QueueAge.Record((time.GetUtcNow() - envelope.ReceivedAt).TotalSeconds, PipelineMetrics.StageTag(stage.Name));

        var step = StepName(stage.Name, message.Destination);
        if (await AlreadyDoneAsync(envelope.EnvelopeId, step, cancellationToken))
        {
            Log.StageSkipped(logger, envelope.EnvelopeId, step);
            return;
        }

        StageResult result;
        try
        {
            result = await stage.ProcessAsync(message, cancellationToken);
        }
        catch (PipelineException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Code);
            await DeadLetterAsync(message, step, ex.Code, cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Transient or unknown: let the queue retry. Only the type is logged: messages may quote input.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            PipelineMetrics.StageFailed.Add(1, PipelineMetrics.StageTag(stage.Name));
            Log.StageFailed(logger, envelope.EnvelopeId, step, ex.GetType().Name);
            throw;
        }

        foreach (var (nextQueue, next) in result.Next ?? [])
        {
            await queue.EnqueueAsync(nextQueue, next, cancellationToken);
        }

        var entry = new AuditEntry(envelope.EnvelopeId, step, time.GetUtcNow(), envelope.Source, activity?.TraceId.ToHexString(),
            message.ArtifactBlob is null ? envelope.PayloadHash : ArtifactHash(message.ArtifactBlob), result.OutputHash,
            result.Outcome, result.Rule, Actor: "switchboard", result.Target);
        if (result.Completes)
        {
            await envelopes.TransitionAsync(envelope.EnvelopeId, EnvelopeState.Completed, issueCode: null, entry, cancellationToken);
        }
        else
        {
            await envelopes.AppendAuditAsync(entry, cancellationToken);
        }

        PipelineMetrics.StageCompleted.Add(1, PipelineMetrics.StageTag(stage.Name));
        Log.StageCompleted(logger, envelope.EnvelopeId, step, result.Outcome);
    }

    /// <summary>
    /// Records a message that cannot be processed: the envelope moves to DeadLettered with the issue code and the
    /// failed stage message is kept (ids only) for replay. An unreadable queue message is kept as a blob.
    /// </summary>
    public async Task DeadLetterAsync(string queueMessage, string stage, CancellationToken cancellationToken)
    {
        StageMessage message;
        try
        {
            message = EnvelopeJson.Parse(queueMessage);
        }
        catch (PipelineException ex)
        {
            var blob = await payloads.PutAsync("deadletter/unreadable", System.Text.Encoding.UTF8.GetBytes(queueMessage), cancellationToken);
            Log.UnreadableQueueMessage(logger, stage, ex.Code, blob);
            return;
        }

        await DeadLetterAsync(message, StepName(stage, message.Destination), PipelineIssues.RetriesExhausted, cancellationToken);
    }

    private async Task DeadLetterAsync(StageMessage message, string step, string issueCode, CancellationToken cancellationToken)
    {
        var envelope = message.Envelope;
        var entry = new AuditEntry(envelope.EnvelopeId, step, time.GetUtcNow(), envelope.Source, Activity.Current?.TraceId.ToHexString(),
            envelope.PayloadHash, OutputHash: null, Outcome: "dead-lettered", Rule: issueCode, Actor: "switchboard",
            Target: EnvelopeJson.Serialize(message));
        if (await envelopes.GetAsync(envelope.EnvelopeId, cancellationToken) is null)
        {
            // The envelope is gone (retention removed it while its message waited): keep the message, never loop on it.
            var blob = await payloads.PutAsync("deadletter/orphaned", System.Text.Encoding.UTF8.GetBytes(EnvelopeJson.Serialize(message)), cancellationToken);
            Log.UnreadableQueueMessage(logger, step, PipelineIssues.PayloadMissing, blob);
            return;
        }

        await envelopes.TransitionAsync(envelope.EnvelopeId, EnvelopeState.DeadLettered, issueCode, entry, cancellationToken);
        PipelineMetrics.DeadLettered.Add(1, PipelineMetrics.StageTag(step), new KeyValuePair<string, object?>("issue_code", issueCode));
        Log.DeadLettered(logger, envelope.EnvelopeId, step, issueCode);
    }

    private async Task<bool> AlreadyDoneAsync(string envelopeId, string step, CancellationToken cancellationToken)
    {
        var chain = await envelopes.ReadAuditAsync(envelopeId, cancellationToken);
        // Only a completion after the latest replay counts: a replay re-runs every stage.
        var lastReplay = chain.LastOrDefault(r => r.Entry.Stage == "replay")?.Sequence ?? 0;
        return chain.Any(r => r.Sequence > lastReplay && r.Entry.Stage == step && r.Entry.Outcome != "dead-lettered");
    }

    internal static string StepName(string stage, string? destination) => destination is null ? stage : $"{stage}:{destination}";

    // Artifacts are content-addressed ({folder}/{sha256}), so the name carries the hash.
    private static string ArtifactHash(string blobName) => blobName[(blobName.LastIndexOf('/') + 1)..];
}
