namespace Switchboard.Testing.Hl7;

/// <summary>
/// Synthetic ADT messages with made-up people (never real or de-identified data). Callers pass unique values
/// so a test can later search logs and telemetry for exactly the PHI it sent.
/// </summary>
public static class SyntheticAdt
{
    public static string A01(
        string controlId,
        string mrn,
        string family = "TESTPERSON",
        string given = "ALEX",
        string birthDate = "19800101",
        string sex = "F",
        string assigningAuthority = "HOSP&2.16.840.1.113883.3.999&ISO",
        string eventTime = "20260101120000") =>
        $"MSH|^~\\&|ADT1|HOSP|SWITCHBOARD|SB|{eventTime}||ADT^A01^ADT_A01|{controlId}|P|2.5.1\r" +
        $"EVN|A01|{eventTime}\r" +
        $"PID|1||{mrn}^^^{assigningAuthority}^MR||{family}^{given}||{birthDate}|{sex}\r" +
        "PV1|1|I|WARD^101^A\r";
}
