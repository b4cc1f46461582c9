using Switchboard.Core.Envelopes;

namespace Switchboard.Functions.Pipeline;

/// <summary>What a stage did: recorded as one audit entry, then its messages are sent to the next queues.</summary>
/// <param name="Outcome">Stable outcome code, e.g. <c>translated</c>, <c>routed:2</c>, <c>created</c>, <c>superseded</c>.</param>
/// <param name="OutputHash">SHA-256 of what the stage produced, when it produced bytes.</param>
/// <param name="Rule">The mapping, routing or ordering rule that decided the outcome.</param>
/// <param name="Target">What was affected, e.g. <c>Patient/123/_history/2</c> or a blob name.</param>
/// <param name="Next">Messages for the next stage queues (none when the pipeline ends here).</param>
/// <param name="Completes">True when this ends the envelope's journey.</param>
public sealed record StageResult(
    string Outcome,
    string? OutputHash = null,
    string? Rule = null,
    string? Target = null,
    IReadOnlyList<(string Queue, StageMessage Message)>? Next = null,
    bool Completes = false);
