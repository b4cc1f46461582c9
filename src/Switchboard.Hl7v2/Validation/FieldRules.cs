namespace Switchboard.Hl7v2.Validation;

/// <summary>The fields whose data type the validator checks (v2.5.1 definitions, stable across versions).</summary>
internal static class FieldRules
{
    private static readonly HashSet<string> Table0003Sex = ["M", "F", "O", "U", "A", "N", "X"];
    private static readonly HashSet<string> Table0004 = ["B", "C", "E", "I", "N", "O", "P", "R", "U"];
    private static readonly HashSet<string> Table0008 = ["AA", "AE", "AR", "CA", "CE", "CR"];
    private static readonly HashSet<string> Table0085 = ["C", "D", "F", "I", "N", "O", "P", "R", "S", "U", "W", "X", "A", "B", "E", "G", "K"];
    private static readonly HashSet<string> Table0155 = ["AL", "NE", "ER", "SU"];
    private static readonly HashSet<string> Table0125 =
    [
        "AD", "CE", "CF", "CK", "CN", "CNE", "CP", "CWE", "CX", "DR", "DT", "DTM", "ED", "FT", "ID", "IS", "MA", "MO", "NA",
        "NM", "PN", "RP", "SN", "ST", "TM", "TN", "TS", "TX", "XAD", "XCN", "XON", "XPN", "XTN", "CM", "CQ", "SAD",
    ];

    private static readonly FieldRule[] Rules =
    [
        new("MSH", 7, "DTM"),
        new("MSH", 15, "ID", "0155", Table0155),
        new("MSH", 16, "ID", "0155", Table0155),
        new("EVN", 2, "DTM"),
        new("EVN", 6, "DTM"),
        new("PID", 1, "SI"),
        new("PID", 7, "DTM"),
        new("PID", 8, "IS", "0001", Table0003Sex),
        new("PID", 29, "DTM"),
        new("PV1", 1, "SI"),
        new("PV1", 2, "IS", "0004", Table0004),
        new("PV1", 44, "DTM"),
        new("PV1", 45, "DTM"),
        new("NK1", 1, "SI"),
        new("AL1", 1, "SI"),
        new("DG1", 1, "SI"),
        new("PR1", 1, "SI"),
        new("GT1", 1, "SI"),
        new("IN1", 1, "SI"),
        new("NTE", 1, "SI"),
        new("ORC", 9, "DTM"),
        new("OBR", 1, "SI"),
        new("OBR", 7, "DTM"),
        new("OBR", 8, "DTM"),
        new("OBR", 22, "DTM"),
        new("OBX", 1, "SI"),
        new("OBX", 2, "ID", "0125", Table0125),
        new("OBX", 5, string.Empty, DependsOnObx2: true),
        new("OBX", 11, "ID", "0085", Table0085),
        new("OBX", 14, "DTM"),
        new("OBX", 19, "DTM"),
        new("SPM", 1, "SI"),
        new("TQ1", 1, "SI"),
        new("RXA", 3, "DTM"),
        new("RXA", 4, "DTM"),
        new("RXA", 6, "NM"),
        new("MSA", 1, "ID", "0008", Table0008),
        new("TXA", 4, "DTM"),
    ];

    public static Dictionary<string, FieldRule[]> BySegment { get; } =
        Rules.GroupBy(r => r.Segment, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
}
