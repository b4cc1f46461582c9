using System.Globalization;

namespace Switchboard.Hl7v2;

/// <summary>
/// WALKING-SKELETON acknowledgement: original-mode ACK with MSH-5/6 swapped from MSH-3/4 and MSA-2 = MSH-10.
/// The HL7 v2 engine issue adds ERR segments, enhanced mode and escaping.
/// </summary>
public static class AckBuilder
{
    public static string Build(Hl7Message message, string ackCode, string controlId, DateTimeOffset now, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var f = message.FieldSeparator;
        string Msh(int field) => message.GetValue("MSH", field);
        var timestamp = now.ToString("yyyyMMddHHmmsszzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal);
        var msh = string.Join(f, "MSH", Msh(2), Msh(5), Msh(6), Msh(3), Msh(4), timestamp, string.Empty,
            "ACK^" + message.GetValue("MSH", 9, component: 2) + "^ACK", controlId, Msh(11), Msh(12));
        var msa = string.Join(f, "MSA", ackCode, Msh(10), text ?? string.Empty).TrimEnd(f);
        return msh + "\r" + msa + "\r";
    }

    /// <summary>AR for input with no readable MSH: default delimiters, no MSA-2 to echo.</summary>
    public static string Reject(string issueCode, DateTimeOffset now)
    {
        var timestamp = now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return $"MSH|^~\\&|||||{timestamp}||ACK|REJ|P|2.5.1\rMSA|AR||{issueCode}\r";
    }
}
