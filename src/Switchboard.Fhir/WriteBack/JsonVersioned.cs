using System.Text.Json.Nodes;

namespace Switchboard.Fhir.WriteBack;

/// <summary>A resource as FHIR JSON with the version its ETag named.</summary>
public sealed record JsonVersioned(JsonObject Resource, string? VersionId);
