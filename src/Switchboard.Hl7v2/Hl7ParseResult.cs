namespace Switchboard.Hl7v2;

/// <summary>
/// The outcome of reading input: the (possibly partial) value and every issue found. Bad input is data, not an
/// exception: check <see cref="HasErrors"/> and read <see cref="Issues"/>.
/// </summary>
public sealed class Hl7ParseResult<T>
    where T : class
{
    internal Hl7ParseResult(T? value, IReadOnlyList<Hl7Issue> issues)
    {
        Value = value;
        Issues = issues;
    }

    /// <summary>The parsed value; null only when nothing could be read (see <see cref="Issues"/>).</summary>
    public T? Value { get; }

    /// <summary>Every issue, in input order.</summary>
    public IReadOnlyList<Hl7Issue> Issues { get; }

    /// <summary>True when at least one issue is an error.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == Hl7Severity.Error);

    /// <summary>True when a value was read (it may still carry warnings or errors).</summary>
    public bool HasValue => Value is not null;

    /// <summary>The first error issue, if any.</summary>
    public Hl7Issue? FirstError => Issues.FirstOrDefault(i => i.Severity == Hl7Severity.Error);

    /// <summary>The value, or an <see cref="Hl7ParseException"/> with the first error's code when nothing was read.</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new Hl7ParseException(FirstError?.Code ?? Hl7IssueCodes.MissingMsh, FirstError?.ToString() ?? "The input cannot be read as HL7 v2.");
}
