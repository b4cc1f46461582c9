using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Functions.WriteBack;

/// <summary>JSON of write-back documents and HTTP bodies: web defaults, enums as camelCase strings.</summary>
public static class WriteBackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
