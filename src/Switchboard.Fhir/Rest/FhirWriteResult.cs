namespace Switchboard.Fhir.Rest;

/// <summary>What a FHIR server answered to a write: enough to audit it without keeping the resource body.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Location">Versioned location, e.g. <c>Patient/1/_history/2</c>, when the server gave one.</param>
/// <param name="VersionId">The new version from the ETag, when the server gave one.</param>
public sealed record FhirWriteResult(int Status, string? Location, string? VersionId)
{
    public bool Created => Status == 201;

    /// <summary>The logical id from the location (<c>Patient/1/_history/2</c> → <c>1</c>).</summary>
    public string? Id => Location?.Split('/') is [_, var id, ..] ? id : null;
}
