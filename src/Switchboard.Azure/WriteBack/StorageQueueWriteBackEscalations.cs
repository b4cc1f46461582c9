using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Core.WriteBack;

namespace Switchboard.Azure.WriteBack;

/// <summary>Escalations as JSON messages on the Storage queue <see cref="WriteBackStorageOptions.EscalationQueue"/> (ids only).</summary>
public sealed class StorageQueueWriteBackEscalations(WriteBackStorage storage) : IWriteBackEscalations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task PublishAsync(WriteBackEscalation escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        await storage.Escalations.SendMessageAsync(JsonSerializer.Serialize(escalation, Json), cancellationToken);
    }
}
