namespace Switchboard.Hl7v2;

/// <summary>Segment id checks and a cache of common ids so reading <see cref="Hl7Segment.Id"/> rarely allocates.</summary>
internal static class SegmentIds
{
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Known = CreateKnown();

    public static string Get(ReadOnlySpan<char> id) =>
        Known.TryGetValue(id, out var known) ? known : id.ToString();

    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.Length == 3 && char.IsAsciiLetterUpper(id[0]) && IsUpperOrDigit(id[1]) && IsUpperOrDigit(id[2]);

    public static bool IsHeader(ReadOnlySpan<char> id) => id is "MSH" or "FHS" or "BHS";

    public static bool IsEnvelope(ReadOnlySpan<char> id) => id is "FHS" or "BHS" or "BTS" or "FTS";

    private static bool IsUpperOrDigit(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CreateKnown()
    {
        string[] ids =
        [
            "MSH", "EVN", "PID", "PD1", "PV1", "PV2", "NK1", "OBR", "OBX", "ORC", "NTE", "SPM", "SFT", "AL1", "DG1",
            "PR1", "GT1", "IN1", "IN2", "IN3", "ROL", "MSA", "ERR", "TQ1", "TQ2", "RXA", "RXR", "RXE", "RXO", "RXD",
            "RXC", "SCH", "RGS", "AIS", "AIG", "AIL", "AIP", "TXA", "MRG", "FT1", "QRD", "QRF", "QAK", "QPD", "RCP",
            "PRT", "CTI", "CTD", "FHS", "BHS", "BTS", "FTS", "UB1", "UB2", "ACC", "DB1", "OBX", "PRD", "RF1", "AUT",
        ];
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            map.TryAdd(id, id);
        }

        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
