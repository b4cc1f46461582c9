using System.Text;

namespace Switchboard.Hl7v2.Writing;

/// <summary>
/// Writes parsed messages back to ER7. Segments are written exactly as read, each followed by the terminator, so a
/// well-formed CR-terminated message round-trips byte for byte.
/// </summary>
public static class Hl7Writer
{
    /// <summary>Writes a message; <paramref name="terminator"/> defaults to CR.</summary>
    public static string Write(Hl7Message message, string terminator = "\r")
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(terminator);
        var sb = new StringBuilder(message.ToString().Length + 8);
        Append(sb, message.Segments, terminator);
        return sb.ToString();
    }

    /// <summary>Writes a batch: FHS/BHS headers, the messages, then BTS/FTS trailers.</summary>
    public static string Write(Hl7Batch batch, string terminator = "\r")
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(terminator);
        var sb = new StringBuilder();
        Append(sb, batch.EnvelopeSegments.Where(s => s.IsHeader), terminator);
        foreach (var message in batch.Messages)
        {
            Append(sb, message.Segments, terminator);
        }

        Append(sb, batch.EnvelopeSegments.Where(s => !s.IsHeader), terminator);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, IEnumerable<Hl7Segment> segments, string terminator)
    {
        foreach (var segment in segments)
        {
            sb.Append(segment.RawSpan).Append(terminator);
        }
    }
}
