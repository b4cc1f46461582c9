using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Hl7v2;

namespace Switchboard.Benchmarks.Hl7v2;

/// <summary>
/// Parse throughput over every well-formed corpus message, single thread. One operation parses all of them, so
/// MB/s = corpus bytes / mean time (the corpus size is printed at setup and recorded in docs/benchmarks.md).
/// Baseline: a naive string.Split parser that materialises every field, as the walking skeleton did.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string[] _messages = [];
    private byte[][] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _messages = CorpusMessages.Load();
        _bytes = [.. _messages.Select(Encoding.UTF8.GetBytes)];
        Console.WriteLine($"// corpus: {_messages.Length} messages, {CorpusMessages.Utf8Bytes(_messages)} UTF-8 bytes, {_messages.Sum(m => m.Length)} chars");
    }

    [Benchmark(Baseline = true, Description = "naive string.Split (baseline)")]
    public int NaiveSplit()
    {
        var total = 0;
        foreach (var message in _messages)
        {
            foreach (var segment in message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                total += segment.Split('|').Length;
            }
        }

        return total;
    }

    [Benchmark(Description = "Hl7Parser.Parse(string): indexed model")]
    public int ParseText()
    {
        var total = 0;
        foreach (var message in _messages)
        {
            total += Hl7Parser.Parse(message).Value!.SegmentCount;
        }

        return total;
    }

    [Benchmark(Description = "Hl7Parser.Parse(bytes): decode + index")]
    public int ParseBytes()
    {
        var total = 0;
        foreach (var bytes in _bytes)
        {
            total += Hl7Parser.Parse(bytes).Value!.SegmentCount;
        }

        return total;
    }

    [Benchmark(Description = "Parse(string) + read PID-3.1, PID-5.1, every OBX-5")]
    public int ParseAndRead()
    {
        var total = 0;
        foreach (var text in _messages)
        {
            var message = Hl7Parser.Parse(text).Value!;
            total += message.GetValue("PID-3.1").Length + message.GetValue("PID-5.1").Length;
            foreach (var obx in message.SegmentsWithId("OBX"))
            {
                total += obx.Field(5).Value.Length;
            }
        }

        return total;
    }
}
