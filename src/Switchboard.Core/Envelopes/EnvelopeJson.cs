using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Core.Envelopes;

/// <summary>The one JSON shape of stage messages on queues: camelCase, enums as names.</summary>
public static class EnvelopeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(StageMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Reads a queue message; a malformed one is a permanent error (it can never succeed on retry).</summary>
    public static StageMessage Parse(string json)
    {
        try
        {
            var message = JsonSerializer.Deserialize<StageMessage>(json, Options);
            return message?.Envelope is null
                ? throw new PipelineException(PipelineIssues.MalformedEnvelope, "The queue message holds no envelope.")
                : message;
        }
        catch (JsonException)
        {
            throw new PipelineException(PipelineIssues.MalformedEnvelope, "The queue message is not an envelope.");
        }
    }
}
