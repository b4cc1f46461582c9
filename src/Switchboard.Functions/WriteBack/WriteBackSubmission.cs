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

        if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            WriteBackLog.Duplicate(logger, id);
            return id;
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(WriteBackOrchestrator), new StartOrchestrationOptions(id), cancellationToken);
            WriteBackLog.Accepted(logger, id, request.TargetSystem, request.ResourceType);
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex.GetType().Name == "RpcException")
        {
            // A concurrent duplicate scheduled it first (the backend refuses a second instance with the same id).
            if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }

            WriteBackLog.Duplicate(logger, id);
        }

        return id;
    }
}
