using System.Text;
using Switchboard.Hl7v2.Framing;

namespace Switchboard.Hl7v2.Tests.Framing;

public class MllpDecoderTests
{
    private const string A = "MSH|^~\\&|A||||||ADT^A01|1|P|2.5\rPID|1||X\r";
    private const string B = "MSH|^~\\&|B||||||ADT^A08|2|P|2.5\rPID|1||Y\r";

    [Fact]
    public void Feed_SeveralFramesInOneBuffer_ReturnsEach()
    {
        byte[] stream = [.. Mllp.Encode(A), .. Mllp.Encode(B)];
        var decoder = new MllpDecoder();

        var frames = decoder.Feed(stream);

        Assert.Equal([A, B], frames.Select(f => Encoding.UTF8.GetString(f)).ToArray());
        Assert.False(decoder.HasPartialFrame);
        Assert.Empty(decoder.Issues);
    }

    [Fact]
    public void Feed_FrameSplitAtEveryByte_ReassemblesIt()
    {
        byte[] stream = [.. Mllp.Encode(A), .. Mllp.Encode(B)];
        var decoder = new MllpDecoder();
        var frames = new List<byte[]>();

        foreach (var b in stream)
        {
            frames.AddRange(decoder.Feed([b]));
        }

        Assert.Equal([A, B], frames.Select(f => Encoding.UTF8.GetString(f)).ToArray());
    }

    [Fact]
    public void Complete_PartialFrame_ReturnsPayloadAndReportsV2503()
    {
        var framed = Mllp.Encode(A);
        var decoder = new MllpDecoder();

        Assert.Empty(decoder.Feed(framed.AsSpan(0, framed.Length - 2)));
        Assert.True(decoder.HasPartialFrame);
        var tail = decoder.Complete();

        Assert.Equal(A, Encoding.UTF8.GetString(tail!));
        Assert.Contains(decoder.Issues, i => i.Code == Hl7IssueCodes.MllpFraming);
    }

    [Fact]
    public void Feed_JunkBetweenFrames_IsSkippedAndReported()
    {
        byte[] stream = [.. Mllp.Encode(A), .. "junk"u8, .. Mllp.Encode(B)];
        var decoder = new MllpDecoder();

        var frames = decoder.Feed(stream);

        Assert.Equal(2, frames.Count);
        var issue = Assert.Single(decoder.Issues);
        Assert.Equal(Mllp.Encode(A).Length, issue.Location.Offset);
    }

    [Fact]
    public void ParseBatch_MllpBytes_ReadsAllMessages()
    {
        byte[] stream = [.. Mllp.Encode(A), (byte)'\n', .. Mllp.Encode(B)];

        var batch = Hl7Parser.ParseBatch(stream).Value!;

        Assert.Equal(["A01", "A08"], batch.Messages.Select(m => m.TriggerEvent).ToArray());
        Assert.Equal([1, 2], batch.Messages.Select(m => m.Number).ToArray());
    }

    [Fact]
    public void ParseBatch_BareConcatenatedMessages_SplitsAtMsh()
    {
        var batch = Hl7Parser.ParseBatch(A + "\r\n" + B).Value!;

        Assert.Equal(2, batch.Messages.Count);
        Assert.Equal("Y", batch.Messages[1].GetValue("PID-3"));
        Assert.False(batch.HasEnvelope);
    }

    [Fact]
    public void ParseBatch_BatchCountMismatch_ReportsV2502()
    {
        var text = "FHS|^~\\&|A\rBHS|^~\\&|A\r" + A + B + "BTS|3\rFTS|1\r";

        var result = Hl7Parser.ParseBatch(text);

        Assert.Equal(2, result.Value!.Messages.Count);
        Assert.Equal("3", result.Value.BatchTrailer.Field(1).Value);
        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.BatchCountMismatch);
    }
}
