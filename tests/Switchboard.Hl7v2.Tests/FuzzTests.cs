using System.Diagnostics;
using System.Text;
using CsCheck;
using Switchboard.Hl7v2.Acks;
using Switchboard.Hl7v2.Framing;
using Switchboard.Hl7v2.Validation;
using Switchboard.Hl7v2.Writing;

namespace Switchboard.Hl7v2.Tests;

/// <summary>
/// Property and fuzz suite: at least 100,000 generated and mutated inputs per run (see <see cref="TotalIterations"/>).
/// No exception may escape any public API, no input may take longer than <see cref="Bound"/>, valid messages round-trip.
/// </summary>
public class FuzzTests
{
    private const long MutationIterations = 40_000;
    private const long ByteIterations = 25_000;
    private const long RoundTripIterations = 20_000;
    private const long EscapeIterations = 15_000;
    private const long PathIterations = 10_000;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private static readonly Lazy<string[]> Seeds = new(() => [.. Corpus.Messages(6_000)]);

    private static readonly string[] Delimiters = ["|^~\\&", "#*!@%", "|^~\\&#", "!@#$%", "~^|\\&", "|^~\\"];

    private static readonly string[] ValidDelimiters = ["|^~\\&", "#*!@%", "|^~\\&#", "!@#$%", "~^|\\&"];

    private static readonly Gen<char> InterestingChar = Gen.Frequency(
        (6, Gen.Char["|^~\\&#*!@%\r\n"]),
        (3, Gen.Char["ABCXYZ019 .-\"MSHPIDOBXFTSBHS"]),
        (1, Gen.Char['\0', '\u00ff']),
        (1, Gen.Char["\u000b\u001c\uFEFF\u2013\uD800\uFFFD"]));

    public static long TotalIterations => MutationIterations + ByteIterations + RoundTripIterations + EscapeIterations + PathIterations;

    [Fact]
    public void Suite_RunsAtLeast100000Inputs() => Assert.True(TotalIterations >= 100_000);

    [Fact]
    public void ParseBatch_MutatedCorpusMessages_NeverThrowsAndStaysFast()
    {
        var seeds = Seeds.Value;
        Assert.NotEmpty(seeds);
        var mutation = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[1, 40], Gen.String[InterestingChar, 1, 6]);
        var gen = Gen.Select(Gen.Int[0, seeds.Length - 1], mutation.Array[1, 6], (seed, mutations) =>
        {
            var text = new StringBuilder(seeds[seed]);
            foreach (var (kind, position, length, insert) in mutations)
            {
                var at = text.Length == 0 ? 0 : position % text.Length;
                switch (kind)
                {
                    case 0:
                        text.Insert(at, insert);
                        break;
                    case 1:
                        text.Remove(at, Math.Min(length, text.Length - at));
                        break;
                    case 2:
                        text.Insert(at, text.ToString(at, Math.Min(length, text.Length - at)));
                        break;
                    default:
                        if (text.Length > 0)
                        {
                            text[at] = insert[0];
                        }

                        break;
                }
            }

            return text.ToString();
        });

        gen.Sample(text => Exercise(() => Hl7Parser.ParseBatch(text, Hl7ParseOptions.Strict)), iter: MutationIterations, threads: 2, print: t => $"length {t.Length}");
    }

    [Fact]
    public void ParseBatch_RandomBytes_NeverThrowsAndStaysFast()
    {
        var prefix = Gen.OneOf("MSH|^~\\&|"u8.ToArray(), [Mllp.StartBlock, .. "MSH|^~\\&|"u8], "FHS|^~\\&\rBHS|^~\\&\r"u8.ToArray(), [0xEF, 0xBB, 0xBF], []);
        var body = Gen.Frequency(
            (3, Gen.Byte.Array[0, 400]),
            (2, Gen.OneOf("|^~\\&\r\n\u000b\u001c0AMSHPID"u8.ToArray().Distinct().ToArray()).Array[0, 400]));
        var charset = Gen.OneOf(string.Empty, "UNICODE UTF-8", "ASCII", "8859/1", "8859/2", "??");
        var gen = Gen.Select(prefix, charset, body, (p, c, b) =>
            p.Length > 0 && p[^1] == (byte)'|' ? [.. p, .. Encoding.ASCII.GetBytes($"||||||X^Y|1|P|2.5||||||{c}\r"), .. b] : p.Concat(b).ToArray());

        gen.Sample(bytes => Exercise(() => Hl7Parser.ParseBatch(bytes)), iter: ByteIterations, threads: 2, print: b => Convert.ToHexString(b));
    }

    [Fact]
    public void Builder_GeneratedValidMessages_RoundTripExactly()
    {
        var value = Gen.String[Gen.Frequency((8, Gen.Char['a', 'z']), (3, Gen.Char["|^~\\&#*!@% .\r\n\u00e9\u4e2d"])), 0, 12];
        var ids = Gen.OneOf("PID", "OBX", "NTE", "ZX1", "PV1", "OBR");
        var field = Gen.Select(Gen.Int[1, 12], Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[0, 3], value, (n, r, c, s, v) => (Number: n, Repetition: r, Component: c, Sub: s, Text: v));
        var segment = Gen.Select(ids, field.Array[1, 6], (id, fields) => (Id: id, Fields: fields));
        var gen = Gen.Select(Gen.Int[0, ValidDelimiters.Length - 1], segment.Array[0, 6], Gen.String[Gen.Char['A', 'Z'], 1, 8], (d, s, c) => (d, s, c));

        gen.Sample(input =>
        {
            var (delimiterIndex, segments, controlId) = input;
            var d = ValidDelimiters[delimiterIndex];
            var delimiters = new Hl7Delimiters(d[0], d[1], d[2], d[3], d.Length > 4 ? d[4] : '\0', d.Length > 5 ? d[5] : '\0');
            var builder = new Hl7MessageBuilder(delimiters).AddSegment("MSH", "APP", "FAC", "R", "RF", "20240101", null, null, controlId, "P", "2.5.1");
            builder.SetRaw("MSH-9", $"ORU{d[1]}R01");
            var expected = new Dictionary<string, string>();
            foreach (var (id, fields) in segments)
            {
                builder.AddSegment(id);
                var occurrence = segments.TakeWhile(s => !ReferenceEquals(s.Fields, fields)).Count(s => s.Id == id) + 1;
                foreach (var (number, repetition, component, sub, text) in fields)
                {
                    if (delimiters.SubComponent == '\0' && sub > 0)
                    {
                        continue;
                    }

                    var path = new Hl7Path(id, occurrence, number, repetition, component, component > 0 ? sub : 0).ToString();
                    if (text == "\"\"" || expected.Keys.Any(k => Overlaps(k, path)))
                    {
                        continue;
                    }

                    builder.Set(path, text);
                    expected[path] = text;
                }
            }

            var written = builder.Build();
            var result = Hl7Parser.Parse(written, Hl7ParseOptions.Strict);
            var message = result.Value!;
            Assert.True(!result.HasErrors, string.Join("; ", result.Issues));
            Assert.Equal(written, Hl7Writer.Write(message));
            Assert.Equal(controlId, message.ControlId);
            foreach (var (path, text) in expected)
            {
                Assert.Equal(text, message.GetValue(path));
            }
        }, iter: RoundTripIterations, threads: 2);
    }

    [Fact]
    public void Escape_AnyString_UnescapesToItself()
    {
        var gen = Gen.Select(Gen.Int[0, Delimiters.Length - 1], Gen.String[InterestingChar, 0, 40]);

        gen.Sample((index, value) =>
        {
            var d = Delimiters[index];
            var delimiters = new Hl7Delimiters(d[0], d[1], d[2], d[3], d.Length > 4 ? d[4] : '\0', d.Length > 5 ? d[5] : '\0');
            var escaped = Hl7Escaping.Escape(value, delimiters);
            Assert.DoesNotContain(escaped, c => c is '\r' or '\n' || (c != delimiters.Escape && delimiters.IsSeparator(c)));
            Assert.Equal(value.Replace("\uD800", "\uFFFD", StringComparison.Ordinal), Hl7Escaping.Unescape(escaped, delimiters).Replace("\uD800", "\uFFFD", StringComparison.Ordinal));
            _ = Hl7Escaping.Unescape(value, delimiters, Encoding.Latin1, Hl7TextFormat.Render);
        }, iter: EscapeIterations, threads: 2);
    }

    [Fact]
    public void PathTryParse_AnyString_NeverThrows()
    {
        var gen = Gen.String[Gen.Char["PIDOBX0123456789[]-.^ \u0000"], 0, 20];

        gen.Sample(text =>
        {
            if (Hl7Path.TryParse(text, out var path))
            {
                Assert.True(Hl7Path.TryParse(path.ToString(), out var again));
                Assert.Equal(path, again);
            }
        }, iter: PathIterations, threads: 2);
    }

    private static bool Overlaps(string a, string b) =>
        a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) || Field(a) == Field(b);

    // Setting a whole field and a part of it in one message would overwrite each other: keep one path per field.
    private static string Field(string path)
    {
        var p = Hl7Path.Parse(path);
        return $"{p.SegmentId}[{p.SegmentOccurrence}]-{p.Field}";
    }

    private static void Exercise(Func<Hl7ParseResult<Hl7Batch>> parse)
    {
        var watch = Stopwatch.StartNew();
        var result = parse();
        foreach (var message in result.Value?.Messages ?? [])
        {
            foreach (var segment in message.Segments)
            {
                _ = segment.Id;
                for (var f = 1; f <= Math.Min(segment.FieldCount, 30); f++)
                {
                    var field = segment.Field(f);
                    _ = field.GetText(Hl7TextFormat.Render);
                    foreach (var repetition in field.Repetitions.Take(5))
                    {
                        for (var c = 1; c <= Math.Min(repetition.ComponentCount, 8); c++)
                        {
                            var component = repetition.Component(c);
                            _ = component.Value;
                            _ = component.SubComponent(2).Value;
                            _ = component.TryGetDateTime(out _);
                        }
                    }
                }
            }

            var issues = Hl7Validator.Validate(message, Hl7ParseOptions.Strict);
            _ = message.Structure.ToOutline();
            _ = AckBuilder.Build(message, AckCode.AE, DateTimeOffset.UnixEpoch, new AckOptions { Errors = [.. issues.Take(5)] });
            _ = Hl7Writer.Write(message);
            _ = Hl7MessageBuilder.From(message).Build();
            Assert.All(issues, i => Assert.False(string.IsNullOrEmpty(i.ToString())));
        }

        if (result.Value is { } batch)
        {
            _ = Hl7Writer.Write(batch);
        }

        Assert.True(watch.Elapsed < Bound, $"input took {watch.Elapsed}");
    }
}
