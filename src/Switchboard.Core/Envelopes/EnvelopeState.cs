namespace Switchboard.Core.Envelopes;

/// <summary>Where an envelope stands. Stored as text so operators can filter on it.</summary>
public enum EnvelopeState
{
    /// <summary>Payload stored and key recorded; not yet handed to the pipeline (a resend finishes the hand-off).</summary>
    Accepted,

    /// <summary>Handed to the first stage queue.</summary>
    Queued,

    /// <summary>Every stage finished.</summary>
    Completed,

    /// <summary>A stage gave up after the queue's retries; the raw payload is kept for replay.</summary>
    DeadLettered,

    /// <summary>Refused at intake (unreadable, conflicting duplicate); kept for inspection, never processed.</summary>
    Rejected,
}
