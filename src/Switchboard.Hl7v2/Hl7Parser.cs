using Switchboard.Hl7v2.Framing;

namespace Switchboard.Hl7v2;

/// <summary>
/// Entry points for reading HL7 v2 (ER7). Never throws for bad input: the result carries issues and whatever
/// could be read. <see cref="Parse(string, Hl7ParseOptions?)"/> reads the first message; the
/// <c>ParseBatch</c> methods read every message of a batch file, a stream of bare messages or MLLP frames.
/// </summary>
public static class Hl7Parser
{
    /// <summary>Reads the first message of <paramref name="text"/>.</summary>
    public static Hl7ParseResult<Hl7Message> Parse(string text, Hl7ParseOptions? options = null)
    {
        var batch = ParseBatch(text, options);
        return new Hl7ParseResult<Hl7Message>(batch.Value is { Messages.Count: > 0 } b ? b.Messages[0] : null, batch.Issues);
    }

    /// <summary>Reads the first message of raw bytes, decoding them with the MSH-18 character set.</summary>
    public static Hl7ParseResult<Hl7Message> Parse(ReadOnlySpan<byte> bytes, Hl7ParseOptions? options = null)
    {
        var batch = ParseBatch(bytes, options);
        return new Hl7ParseResult<Hl7Message>(batch.Value is { Messages.Count: > 0 } b ? b.Messages[0] : null, batch.Issues);
    }

    /// <summary>Reads every message of <paramref name="text"/> (single, concatenated, batch file).</summary>
    public static Hl7ParseResult<Hl7Batch> ParseBatch(string text, Hl7ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var issues = new List<Hl7Issue>();
        var (messages, envelope) = Hl7Scanner.Scan(text, options ?? Hl7ParseOptions.Lenient, issues);
        var envelopeSegments = envelope?.Segments.ToList() ?? [];
        CheckEnvelope(envelopeSegments, messages.Count, issues);
        return new Hl7ParseResult<Hl7Batch>(messages.Count == 0 && envelopeSegments.Count == 0 ? null : new Hl7Batch(messages, envelopeSegments), issues);
    }

    /// <summary>
    /// Reads every message of raw bytes: MLLP-framed (each frame decoded with its own MSH-18) or plain (decoded with
    /// the first MSH-18).
    /// </summary>
    public static Hl7ParseResult<Hl7Batch> ParseBatch(ReadOnlySpan<byte> bytes, Hl7ParseOptions? options = null)
    {
        options ??= Hl7ParseOptions.Lenient;
        var issues = new List<Hl7Issue>();
        var messages = new List<Hl7Message>();
        var envelopeSegments = new List<Hl7Segment>();
        if (Mllp.LooksFramed(bytes))
        {
            var decoder = new MllpDecoder();
            var frames = decoder.Feed(bytes).ToList();
            if (decoder.Complete() is { } tail)
            {
                frames.Add(tail);
            }

            issues.AddRange(decoder.Issues);
            foreach (var frame in frames)
            {
                ScanText(Hl7CharacterSets.Decode(frame, issues), options, issues, messages, envelopeSegments);
            }

            if (messages.Count == 0 && frames.Count == 0)
            {
                issues.Add(new Hl7Issue(Hl7IssueCodes.MissingMsh, Hl7Severity.Error, Hl7Location.AtOffset(0), "The MLLP stream holds no frame."));
            }
        }
        else
        {
            ScanText(Hl7CharacterSets.Decode(bytes, issues), options, issues, messages, envelopeSegments);
        }

        CheckEnvelope(envelopeSegments, messages.Count, issues);
        return new Hl7ParseResult<Hl7Batch>(messages.Count == 0 && envelopeSegments.Count == 0 ? null : new Hl7Batch(messages, envelopeSegments), issues);
    }

    private static void ScanText(string text, Hl7ParseOptions options, List<Hl7Issue> issues, List<Hl7Message> messages, List<Hl7Segment> envelope)
    {
        var (scanned, scannedEnvelope) = Hl7Scanner.Scan(text, options, issues, null, messages.Count + 1);
        messages.AddRange(scanned);
        if (scannedEnvelope is not null)
        {
            envelope.AddRange(scannedEnvelope.Segments);
        }
    }

    private static void CheckEnvelope(List<Hl7Segment> envelope, int messageCount, List<Hl7Issue> issues)
    {
        if (envelope.Count == 0)
        {
            return;
        }

        int Count(string id) => envelope.Count(s => s.IdEquals(id));
        void Unbalanced(string header, string trailer)
        {
            if (Count(header) != Count(trailer))
            {
                var at = envelope.FirstOrDefault(s => s.IdEquals(Count(header) > Count(trailer) ? header : trailer));
                issues.Add(new Hl7Issue(
                    Hl7IssueCodes.UnbalancedBatch, Hl7Severity.Warning, at.Location,
                    $"The input has {Count(header)} {header} and {Count(trailer)} {trailer} segment(s)."));
            }
        }

        Unbalanced("FHS", "FTS");
        Unbalanced("BHS", "BTS");
        var bts = envelope.LastOrDefault(s => s.IdEquals("BTS"));
        if (bts.Exists && Count("BTS") == 1 && bts.Field(1).TryGetInt32(out var declared) && declared != messageCount)
        {
            issues.Add(new Hl7Issue(
                Hl7IssueCodes.BatchCountMismatch, Hl7Severity.Warning, bts.Field(1).Location,
                $"BTS-1 declares {declared} message(s) but the batch holds {messageCount}."));
        }
    }
}
