using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.Audit;

/// <summary>Computes and verifies the per-envelope audit hash chain.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(AuditEntry entry, int sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Unit separators keep field boundaries unambiguous; the timestamp is round-trip formatted in UTC.
        var canonical = string.Join('\u001f',
            previousHash,
            sequence.ToString(CultureInfo.InvariantCulture),
            entry.EnvelopeId,
            entry.Stage,
            entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            entry.Source,
            entry.TraceId,
            entry.InputHash,
            entry.OutputHash,
            entry.Outcome,
            entry.Rule,
            entry.Actor,
            entry.Target);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>True when every record's hash matches its content and links to the one before it.</summary>
    public static bool Verify(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var previous = Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Sequence != i + 1 || record.PreviousHash != previous || Hash(record.Entry, record.Sequence, previous) != record.Hash)
            {
                return false;
            }

            previous = record.Hash;
        }

        return true;
    }
}
