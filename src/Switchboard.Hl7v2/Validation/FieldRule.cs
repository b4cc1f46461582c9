namespace Switchboard.Hl7v2.Validation;

/// <summary>A data-type rule for one field; <see cref="Table"/> lists the allowed codes of an ID/IS field.</summary>
internal sealed record FieldRule(string Segment, int Field, string DataType, string? TableId = null, IReadOnlySet<string>? Table = null, bool DependsOnObx2 = false);
