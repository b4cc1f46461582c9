using System.ComponentModel.DataAnnotations;

namespace Switchboard.Functions.Propagation;

/// <summary>Delivery behaviour of webhooks and the feed (<c>Switchboard:Propagation</c>).</summary>
public sealed class PropagationOptions
{
    public const string SectionName = "Switchboard:Propagation";

    /// <summary>Retries inside one delivery attempt (exponential backoff with jitter, honouring Retry-After).</summary>
    [Range(1, 10)]
    public int WebhookRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of one backoff wait, including a Retry-After the subscriber asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Delivery attempts (each with its retries) before an event goes to the subscriber's dead letters. Keep it below
    /// the queue's maxDequeueCount (5) so the attempt that gives up is still a queue delivery, not a poison message.
    /// </summary>
    [Range(1, 4)]
    public int MaxDeliveryAttempts { get; set; } = 4;

    /// <summary>How long one worker holds a subscriber's delivery lease (renewed per event).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 1000)]
    public int FeedMaxLimit { get; set; } = 500;
}
