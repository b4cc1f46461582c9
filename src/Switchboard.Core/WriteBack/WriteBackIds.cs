using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.WriteBack;

/// <summary>Deterministic ids: the orchestration instance id comes from the idempotency key, so a duplicate request finds the same run.</summary>
public static class WriteBackIds
{
    /// <summary>The business identifier system stamped on resources Switchboard creates (resolves outcome-unknown creates by search).</summary>
    public const string IdentifierSystem = "urn:switchboard:writeback";

    /// <summary><c>wb-</c> + 32 hex chars of SHA-256(proposer system, idempotency key): safe in table keys and URLs, reveals nothing.</summary>
    public static string InstanceId(string proposerSystem, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(proposerSystem);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        // U+001F cannot occur in a system name, so ("a", "b\u001fc") and ("a\u001fb", "c") stay distinct.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{proposerSystem}\u001f{idempotencyKey}"));
        return "wb-" + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    /// <summary>Document name of the request as submitted.</summary>
    public static string RequestDocument(string instanceId) => $"{instanceId}/request.json";

    /// <summary>Document name of a change set a reviewer edited.</summary>
    public static string EditedChangesDocument(string instanceId, string reviewId) => $"{instanceId}/edited-{reviewId}.json";

    /// <summary>Document name of a base/theirs/ours diff kept for review.</summary>
    public static string DiffDocument(string instanceId, int attempt) => $"{instanceId}/diff-{attempt}.json";
}
