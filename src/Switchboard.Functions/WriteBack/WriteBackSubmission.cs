using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Accepts a write-back request: stores it as a document under the instance id derived from the idempotency key
/// and schedules the orchestration with that id. A duplicate finds the same document and instance: no second run.
/// </summary>
public sealed class WriteBackSubmission(IWriteBackDocumentStore documents, ILogger<WriteBackSubmission> logger)
{
    /// <returns>The instance id, or null when the key was already used for a different request.</returns>
    public async Task<string?> SubmitAsync(DurableTaskClient durable, WriteBackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(request);
        var id = WriteBackIds.InstanceId(request.ProposerSystem, request.IdempotencyKey);
        if (!await documents.TryPutAsync(WriteBackIds.RequestDocument(id), JsonSerializer.Serialize(request, WriteBackJson.Options), cancellationToken))
        {
            WriteBackLog.KeyReused(logger, id);
            return null;
        }

        // Concurrent duplicates: only the one that claims the start schedules. (Scheduling an id that already exists
        // is not a reliable guard: the in-process test host accepted it and the duplicate run never completed.)
        if (!await documents.TryClaimAsync($"{id}/started", cancellationToken))
        {
            WriteBackLog.Duplicate(logger, id);
            // If the claimant died before scheduling, schedule after a bounded wait so the request is not stranded.
            for (var i = 0; i < 50 && await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null; i++)
            {
                await Task.Delay(100, cancellationToken);
            }

            if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return id;
            }
        }

        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(WriteBackOrchestrator), new StartOrchestrationOptions(id), cancellationToken);
        WriteBackLog.Accepted(logger, id, request.TargetSystem, request.ResourceType);
        return id;
    }
}
