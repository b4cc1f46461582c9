using Switchboard.Hl7v2.Acks;
using Switchboard.Hl7v2.Validation;
using Switchboard.Hl7v2.Writing;

namespace Switchboard.Hl7v2.Tests;

public class CorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var (file, _, _) in Corpus.Expected)
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void Expected_CoversEveryCorpusFile()
    {
        var onDisk = Directory.EnumerateFiles(Corpus.Root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".hl7", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Corpus.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(onDisk, Corpus.Expected.Select(e => e.File).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(334, Corpus.Expected.Sum(e => e.Count));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ParseBatch_CorpusFile_HasExpectedMessagesAndTypes(string file)
    {
        var expected = Corpus.Expected.Single(e => e.File == file);

        var result = Hl7Parser.ParseBatch(Corpus.Bytes(file));

        Assert.NotNull(result.Value);
        var messages = result.Value.Messages;
        Assert.Equal(expected.Count, messages.Count);
        Assert.Equal(expected.Msh9, messages.Select(m => m.Header.MessageType.Raw).ToArray());
        Assert.Equal(Enumerable.Range(1, messages.Count), messages.Select(m => m.Number));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryApi_CorpusFile_DoesNotThrowAndRoundTrips(string file)
    {
        var result = Hl7Parser.ParseBatch(Corpus.Bytes(file));

        foreach (var message in result.Value?.Messages ?? [])
        {
            _ = Hl7Validator.Validate(message, Hl7ParseOptions.Strict);
            _ = message.Structure.ToOutline();
            _ = AckBuilder.Build(message, AckCode.AE, DateTimeOffset.UnixEpoch, new AckOptions { Errors = message.Issues });
            var copy = Hl7MessageBuilder.From(message).Build();
            Assert.Equal(Hl7Writer.Write(message), copy);
            foreach (var segment in message.Segments)
            {
                Assert.Equal(message.Segment(segment.Id, message.Segments.Take(segment.Ordinal).Count(s => s.Id == segment.Id)).Ordinal, segment.Ordinal);
                for (var i = 1; i <= segment.FieldCount; i++)
                {
                    _ = segment.Field(i).Value;
                }
            }
        }
    }

    [Fact]
    public void ParseBatch_BatchFile_KeepsEnvelopeAndCountsAgree()
    {
        var result = Hl7Parser.ParseBatch(Corpus.Bytes("node-hl7-client/batch.hl7"));

        var batch = result.Value!;
        Assert.True(batch.FileHeader.Exists);
        Assert.True(batch.BatchHeader.Exists);
        Assert.True(batch.BatchTrailer.Exists);
        Assert.True(batch.FileTrailer.Exists);
        Assert.DoesNotContain(result.Issues, i => i.Code is Hl7IssueCodes.UnbalancedBatch or Hl7IssueCodes.BatchCountMismatch);
    }

    [Fact]
    public void ParseBatch_FtsWithoutFhs_ReportsUnbalancedBatch()
    {
        var result = Hl7Parser.ParseBatch(Corpus.Bytes("pipehat/sample-v2.3-oru-r01-3.hl7"));

        Assert.Contains(result.Issues, i => i.Code == Hl7IssueCodes.UnbalancedBatch);
        Assert.Single(result.Value!.Messages);
    }

    [Fact]
    public void Get_NonAsciiCorpusMessage_DecodesUtf8()
    {
        var message = Hl7Parser.Parse(Corpus.Bytes("pipehat/sample-v2.3-adt-a01-1.hl7")).Value!;

        var addresses = string.Join("|", message.Segment("PID").Field(11).Repetitions.Select(r => r.Value));

        Assert.Contains('\u2019', addresses);
        Assert.DoesNotContain('\uFFFD', addresses);
    }

    [Fact]
    public void Structure_WrappedLines_AreKeptAndReported()
    {
        var result = Hl7Parser.Parse(Corpus.Bytes("node-hl7-complete/mdm-example.hl7"));

        Assert.Equal(16, result.Issues.Count(i => i.Code == Hl7IssueCodes.InvalidSegmentId));
        Assert.Equal("T04", result.Value!.TriggerEvent);
    }
}
