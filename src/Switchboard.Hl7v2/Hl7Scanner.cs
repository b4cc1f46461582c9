using System.Text;

namespace Switchboard.Hl7v2;

/// <summary>
/// One pass over the text: finds segment lines, groups them into messages at each MSH, keeps FHS/BHS/BTS/FTS as
/// envelope, and indexes every field separator. Repetitions, components and escapes are read lazily later.
/// </summary>
internal sealed class Hl7Scanner
{
    private readonly string _text;
    private readonly Hl7ParseOptions _options;
    private readonly List<Hl7Issue> _issues;
    private readonly Encoding? _encoding;
    private readonly List<Hl7Message> _messages = [];
    private MessageBuilder? _current;
    private MessageBuilder? _envelope;
    private int _nextNumber;
    private bool _reportedOutside;

    private Hl7Scanner(string text, Hl7ParseOptions options, List<Hl7Issue> issues, Encoding? encoding, int firstNumber)
    {
        _text = text;
        _options = options;
        _issues = issues;
        _encoding = encoding;
        _nextNumber = firstNumber;
    }

    public static (List<Hl7Message> Messages, Hl7Message? Envelope) Scan(
        string text, Hl7ParseOptions options, List<Hl7Issue> issues, Encoding? encoding = null, int firstNumber = 1)
    {
        var scanner = new Hl7Scanner(text, options, issues, encoding, firstNumber);
        scanner.Run();
        return (scanner._messages, scanner._envelope?.Build(text, null));
    }

    private void Run()
    {
        var text = _text;
        var length = text.Length;
        var pos = length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var terminators = _options.SegmentTerminators;
        var firstContent = -1;
        while (pos < length)
        {
            var (lineEnd, terminatorLength) = FindLineEnd(text, pos, terminators);
            var start = pos;
            var end = lineEnd;
            pos = lineEnd + terminatorLength;

            // MLLP block characters and stray whitespace around a line are not content.
            while (start < end && text[start] is '\v' or '\u001c' or '\0')
            {
                start++;
            }

            while (end > start && text[end - 1] is '\u001c' or '\0')
            {
                end--;
            }

            if (text.AsSpan(start, end - start).IsWhiteSpace())
            {
                continue;
            }

            if (firstContent < 0)
            {
                firstContent = start;
            }

            var line = text.AsSpan(start, end - start);
            var id = line[..Math.Min(3, line.Length)];
            var kind = terminatorLength == 0 ? TerminatorKind.None
                : terminatorLength == 2 ? TerminatorKind.CrLf
                : text[lineEnd] == '\n' ? TerminatorKind.Lf : TerminatorKind.Cr;
            if (id is "MSH" && line.Length >= 4 && !char.IsAsciiLetterOrDigit(line[3]))
            {
                Finish();
                StartMessage(line, start);
                _current!.AddSegment(text, start, end, pos, kind);
            }
            else if (SegmentIds.IsEnvelope(id) && (line.Length == 3 || !char.IsAsciiLetterOrDigit(line[3])))
            {
                Finish();
                if (_envelope is null)
                {
                    var delimiters = Hl7Delimiters.Default;
                    if (SegmentIds.IsHeader(id))
                    {
                        var code = Hl7Delimiters.TryRead(line, out delimiters, out var detail);
                        if (code is not null)
                        {
                            _issues.Add(new Hl7Issue(code, Hl7Severity.Error, Hl7Location.AtOffset(start), $"The {id} segment's delimiters are not usable: {detail}."));
                        }
                    }

                    _envelope = new MessageBuilder(0, delimiters, start, 8, _issues);
                }

                _envelope.AddSegment(text, start, end, pos, kind);
            }
            else if (_current is null)
            {
                if (!_reportedOutside)
                {
                    _reportedOutside = true;
                    _issues.Add(new Hl7Issue(
                        Hl7IssueCodes.ContentOutsideMessage, Hl7Severity.Warning, Hl7Location.AtOffset(start, 0),
                        "Content outside any message (before the first MSH or after a batch trailer) was skipped."));
                }
            }
            else
            {
                var fieldSeparator = _current.Delimiters.Field;
                if (!SegmentIds.IsValid(id) || (line.Length > 3 && line[3] != fieldSeparator))
                {
                    var issue = new Hl7Issue(
                        Hl7IssueCodes.InvalidSegmentId, _options.DeviationSeverity,
                        new Hl7Location(_current.Number, _current.SegmentCount + 1, null, 0, 0, 0, 0, start),
                        "The line does not start with a segment id: it looks wrapped or damaged and is kept as an unnamed segment.");
                    _current.Issues.Add(issue);
                    _issues.Add(issue);
                }

                _current.AddSegment(text, start, end, pos, kind);
            }
        }

        Finish();
        if (_messages.Count == 0)
        {
            _issues.Add(new Hl7Issue(
                Hl7IssueCodes.MissingMsh, Hl7Severity.Error, Hl7Location.AtOffset(Math.Max(firstContent, 0)),
                firstContent < 0 ? "The input is empty: there is no MSH segment." : "No MSH segment was found: the input is not an HL7 v2 message."));
        }
    }

    private static (int LineEnd, int TerminatorLength) FindLineEnd(string text, int pos, SegmentTerminators terminators)
    {
        var search = pos;
        while (true)
        {
            var rel = text.AsSpan(search).IndexOfAny('\r', '\n');
            if (rel < 0)
            {
                return (text.Length, 0);
            }

            var at = search + rel;
            if (text[at] == '\r')
            {
                if ((terminators & SegmentTerminators.CrLf) != 0 && at + 1 < text.Length && text[at + 1] == '\n')
                {
                    return (at, 2);
                }

                if ((terminators & SegmentTerminators.Cr) != 0)
                {
                    return (at, 1);
                }
            }
            else if ((terminators & SegmentTerminators.Lf) != 0)
            {
                return (at, 1);
            }

            search = at + 1;
        }
    }

    private void StartMessage(ReadOnlySpan<char> line, int start)
    {
        var number = _nextNumber++;
        _reportedOutside = false;
        var code = Hl7Delimiters.TryRead(line, out var delimiters, out var detail);
        var estimate = Math.Max(16, (_text.Length - start) / 6);
        _current = new MessageBuilder(number, delimiters, start, Math.Min(estimate, 4096), []);
        if (code is not null)
        {
            var issue = new Hl7Issue(code, Hl7Severity.Error, new Hl7Location(number, 1, "MSH", code == Hl7IssueCodes.BadDelimiters ? 2 : 0, 0, 0, 0, start),
                $"The MSH segment cannot be read as written: {detail}.");
            _current.Issues.Add(issue);
            _issues.Add(issue);
        }
    }

    private void Finish()
    {
        if (_current is null)
        {
            return;
        }

        var builder = _current;
        _current = null;
        if (builder.LineFeeds > 0)
        {
            var issue = new Hl7Issue(
                Hl7IssueCodes.NonStandardTerminator, _options.IsStrict ? Hl7Severity.Warning : Hl7Severity.Information,
                new Hl7Location(builder.Number, 0, null, 0, 0, 0, 0, builder.Start),
                $"{builder.LineFeeds} segment(s) end with LF or CRLF instead of CR.");
            builder.Issues.Add(issue);
            _issues.Add(issue);
        }

        if (builder.MissingFinalTerminator)
        {
            var issue = new Hl7Issue(
                Hl7IssueCodes.MissingFinalTerminator, Hl7Severity.Information,
                new Hl7Location(builder.Number, builder.SegmentCount, null, 0, 0, 0, 0, builder.End),
                "The last segment has no terminator.");
            builder.Issues.Add(issue);
            _issues.Add(issue);
        }

        _messages.Add(builder.Build(_text, _encoding));
    }

    internal enum TerminatorKind
    {
        None,
        Cr,
        Lf,
        CrLf,
    }

    private sealed class MessageBuilder(int number, Hl7Delimiters delimiters, int start, int estimate, List<Hl7Issue> issues)
    {
        private IntBuffer _segments = new(Math.Max(8, estimate / 8));
        private IntBuffer _separators = new(estimate);
        private IntBuffer _segmentSeparators = new(Math.Max(8, estimate / 16));

        public int Number { get; } = number;

        public Hl7Delimiters Delimiters { get; } = delimiters;

        public int Start { get; } = start;

        public int End { get; private set; } = start;

        public List<Hl7Issue> Issues { get; } = issues;

        public int SegmentCount => _segments.Count / 2;

        public int LineFeeds { get; private set; }

        public bool MissingFinalTerminator { get; private set; }

        public void AddSegment(string text, int start, int end, int next, TerminatorKind kind)
        {
            _segments.Add(start);
            _segments.Add(end);
            _segmentSeparators.Add(_separators.Count);
            End = next;
            MissingFinalTerminator = kind == TerminatorKind.None;
            if (kind is TerminatorKind.Lf or TerminatorKind.CrLf)
            {
                LineFeeds++;
            }

            var separator = Delimiters.Field;
            var span = text.AsSpan(start, end - start);
            var offset = 0;
            while (true)
            {
                var k = span[offset..].IndexOf(separator);
                if (k < 0)
                {
                    break;
                }

                _separators.Add(start + offset + k);
                offset += k + 1;
            }
        }

        public Hl7Message Build(string text, Encoding? encoding)
        {
            _segmentSeparators.Add(_separators.Count);
            return new Hl7Message(
                text, Number, Start, End, Delimiters, _segments.Items, SegmentCount, _separators.Items, _segmentSeparators.Items, Issues, encoding);
        }
    }
}
