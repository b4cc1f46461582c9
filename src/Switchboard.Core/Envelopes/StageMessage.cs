namespace Switchboard.Core.Envelopes;

/// <summary>
/// What travels on a stage queue: the envelope plus the previous stage's output (a blob name) and, for delivery,
/// the destination. Ids and names only: a queue message is visible to anyone who can peek the queue.
/// </summary>
public sealed record StageMessage(MessageEnvelope Envelope, string? ArtifactBlob = null, string? Destination = null);
