namespace Switchboard.Hl7v2;

/// <summary>
/// The messages of one input: a single message, bare concatenated messages, an FHS/BHS ... BTS/FTS batch file or
/// an MLLP stream. Envelope segments are kept; a missing one is a segment whose <see cref="Hl7Segment.Exists"/> is false.
/// </summary>
public sealed class Hl7Batch
{
    internal Hl7Batch(IReadOnlyList<Hl7Message> messages, IReadOnlyList<Hl7Segment> envelope)
    {
        Messages = messages;
        EnvelopeSegments = envelope;
    }

    /// <summary>The messages in input order; <see cref="Hl7Message.Number"/> is the 1-based index.</summary>
    public IReadOnlyList<Hl7Message> Messages { get; }

    /// <summary>FHS, BHS, BTS and FTS segments in input order.</summary>
    public IReadOnlyList<Hl7Segment> EnvelopeSegments { get; }

    /// <summary>True when the input had batch or file envelope segments.</summary>
    public bool HasEnvelope => EnvelopeSegments.Count > 0;

    /// <summary>The FHS segment.</summary>
    public Hl7Segment FileHeader => Find("FHS");

    /// <summary>The first BHS segment.</summary>
    public Hl7Segment BatchHeader => Find("BHS");

    /// <summary>The last BTS segment.</summary>
    public Hl7Segment BatchTrailer => EnvelopeSegments.LastOrDefault(s => s.IdEquals("BTS"));

    /// <summary>The FTS segment.</summary>
    public Hl7Segment FileTrailer => Find("FTS");

    private Hl7Segment Find(string id) => EnvelopeSegments.FirstOrDefault(s => s.IdEquals(id));
}
