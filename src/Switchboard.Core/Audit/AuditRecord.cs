namespace Switchboard.Core.Audit;

/// <summary>
/// A stored audit entry with its place in the envelope's hash chain: <see cref="Hash"/> covers the entry and
/// <see cref="PreviousHash"/>, so a removed or edited row breaks every hash after it.
/// </summary>
public sealed record AuditRecord(AuditEntry Entry, int Sequence, string PreviousHash, string Hash);
