namespace Switchboard.Hl7v2.Framing;

/// <summary>
/// Reads MLLP frames from bytes that arrive in arbitrary pieces: several frames in one buffer, one frame over
/// several buffers. Bytes outside frames are skipped with a V2503 issue. Not thread-safe: one decoder per connection.
/// </summary>
public sealed class MllpDecoder
{
    private readonly List<Hl7Issue> _issues = [];
    private readonly List<byte> _frame = [];
    private bool _inFrame;
    private bool _sawEndBlock;
    private long _offset;
    private bool _reportedOutside;

    /// <summary>Largest payload accepted; a longer frame is dropped with an issue. Default 64 MiB.</summary>
    public int MaxFrameLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>Framing problems so far, with the stream offset.</summary>
    public IReadOnlyList<Hl7Issue> Issues => _issues;

    /// <summary>True while a frame has started and not ended.</summary>
    public bool HasPartialFrame => _inFrame;

    /// <summary>Consumes <paramref name="data"/> and returns the payloads of the frames it completed.</summary>
    public IReadOnlyList<byte[]> Feed(ReadOnlySpan<byte> data)
    {
        var frames = new List<byte[]>();
        var i = 0;
        while (i < data.Length)
        {
            if (!_inFrame)
            {
                var start = data[i..].IndexOf(Mllp.StartBlock);
                var skipped = start < 0 ? data[i..] : data.Slice(i, start);
                if (skipped.IndexOfAnyExcept((byte)'\r', (byte)'\n', (byte)' ') >= 0 && !_reportedOutside)
                {
                    _reportedOutside = true;
                    Report(_offset + i + skipped.IndexOfAnyExcept((byte)'\r', (byte)'\n', (byte)' '), "Bytes outside an MLLP frame were skipped.");
                }

                if (start < 0)
                {
                    _offset += data.Length;
                    return frames;
                }

                i += start + 1;
                _inFrame = true;
                _sawEndBlock = false;
                _frame.Clear();
                continue;
            }

            if (_sawEndBlock)
            {
                _sawEndBlock = false;
                _inFrame = false;
                if (data[i] == Mllp.CarriageReturn)
                {
                    i++;
                }
                else
                {
                    Report(_offset + i, "An MLLP end block was not followed by a carriage return.");
                }

                frames.Add([.. _frame]);
                _frame.Clear();
                continue;
            }

            var rest = data[i..];
            var stop = rest.IndexOfAny(Mllp.EndBlock, Mllp.StartBlock);
            var chunk = stop < 0 ? rest : rest[..stop];
            if (_frame.Count + chunk.Length > MaxFrameLength)
            {
                Report(_offset + i, "An MLLP frame is longer than the maximum frame length and was dropped.");
                _frame.Clear();
                _inFrame = false;
                i += chunk.Length;
                continue;
            }

            _frame.AddRange(chunk);
            if (stop < 0)
            {
                break;
            }

            i += stop;
            if (data[i] == Mllp.StartBlock)
            {
                Report(_offset + i, "A new MLLP frame started before the previous one ended; the unfinished frame was dropped.");
                _frame.Clear();
                i++;
                continue;
            }

            _sawEndBlock = true;
            i++;
        }

        _offset += data.Length;
        return frames;
    }

    /// <summary>
    /// Ends the stream: returns the payload of an unfinished frame (reported as V2503), or null. A frame that ended
    /// with 0x1C but no final 0x0D is returned as complete.
    /// </summary>
    public byte[]? Complete()
    {
        if (!_inFrame)
        {
            return null;
        }

        _inFrame = false;
        if (!_sawEndBlock)
        {
            Report(_offset, "The stream ended inside an MLLP frame (no end block).");
        }

        _sawEndBlock = false;
        byte[] payload = [.. _frame];
        _frame.Clear();
        return payload;
    }

    private void Report(long offset, string message) =>
        _issues.Add(new Hl7Issue(Hl7IssueCodes.MllpFraming, Hl7Severity.Warning, Hl7Location.AtOffset(offset), message));
}
