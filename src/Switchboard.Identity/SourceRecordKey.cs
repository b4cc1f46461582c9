namespace Switchboard.Identity;

/// <summary>A chart in a source system: (source system, MRN). Ordinal, case-sensitive, as sent.</summary>
public readonly record struct SourceRecordKey(string SourceSystem, string Mrn)
{
    public override string ToString() => SourceSystem + "|" + Mrn;
}
