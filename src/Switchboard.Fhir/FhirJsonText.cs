using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Switchboard.Fhir;

/// <summary>The one place FHIR JSON is written and read: strict when reading what servers send back.</summary>
public static class FhirJsonText
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Options);

    public static T Parse<T>(string json) where T : Resource => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new FormatException("The FHIR JSON was empty.");
}
