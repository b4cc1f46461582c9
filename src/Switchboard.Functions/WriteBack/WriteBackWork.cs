using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>What the write-back activities share: loading the request and change sets, authorizing, auditing.</summary>
public sealed class WriteBackWork(
    IWriteBackDocumentStore documents,
    IWriteBackAuditLog audit,
    OwnershipRegistry ownership,
    WriteBackTargets targets,
    IOptions<WriteBackOptions> options,
    TimeProvider time,
    ILogger<WriteBackWork> logger)
{
    public const string Actor = "switchboard";

    public WriteBackOptions Options => options.Value;

    public WriteBackTargets Targets => targets;

    public IWriteBackDocumentStore Documents => documents;

    public TimeProvider Time => time;

    public async Task<WriteBackRequest> LoadRequestAsync(string instanceId, CancellationToken cancellationToken)
    {
        var json = await documents.GetAsync(WriteBackIds.RequestDocument(instanceId), cancellationToken)
            ?? throw new InvalidOperationException($"Write-back {instanceId} has no request document.");
        return JsonSerializer.Deserialize<WriteBackRequest>(json, WriteBackJson.Options)!;
    }

    /// <summary>The request with the change set in <paramref name="changesDocument"/> (the request's own, or a reviewer's edit).</summary>
    public async Task<WriteBackRequest> LoadAsync(string instanceId, string changesDocument, CancellationToken cancellationToken)
    {
        var request = await LoadRequestAsync(instanceId, cancellationToken);
        if (changesDocument == WriteBackIds.RequestDocument(instanceId))
        {
            return request;
        }

        var json = await documents.GetAsync(changesDocument, cancellationToken)
            ?? throw new InvalidOperationException($"Write-back {instanceId} has no document {changesDocument}.");
        return request with { Changes = JsonSerializer.Deserialize<List<FieldChange>>(json, WriteBackJson.Options)! };
    }

    public AuthorizationResult Authorize(WriteBackRequest request) => WriteBackAuthorizer.Authorize(ownership, request);

    public async Task AuditAsync(string instanceId, string state, string? code, string? rule, string actor, string? target, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new WriteBackAuditEntry(instanceId, time.GetUtcNow(), state, code, rule, actor, target), cancellationToken);
        WriteBackLog.State(logger, instanceId, state, code);
    }
}
