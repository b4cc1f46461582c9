using System.Text.Json;

namespace Switchboard.Azure.Storage;

/// <summary>JSON shape of envelopes on queues: camelCase, the shape the Functions queue trigger binds from.</summary>
public static class EnvelopeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
