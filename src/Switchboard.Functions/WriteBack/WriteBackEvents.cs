namespace Switchboard.Functions.WriteBack;

/// <summary>External event names raised to <see cref="WriteBackOrchestrator"/>.</summary>
public static class WriteBackEvents
{
    /// <summary>A reviewer decided a review item; payload <see cref="ReviewDecisionEvent"/>.</summary>
    public const string ReviewDecided = "ReviewDecided";
}
