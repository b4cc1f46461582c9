using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Rest;

/// <summary>A resource as read, with the version its ETag named (for a later If-Match).</summary>
public sealed record VersionedResource<T>(T Resource, string? VersionId) where T : Resource;
