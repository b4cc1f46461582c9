using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Switchboard.Azure.Propagation;
using Switchboard.Azure.Storage;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Triggers;

namespace Switchboard.IntegrationTests;

/// <summary>
/// Plays the Functions host's queue-trigger role in-process: receives from the real Azurite queues, invokes the
/// same function classes, deletes on success, lets a failure become visible again, and after maxDequeueCount
/// moves the message to the poison queue, whose trigger dead-letters it (host.json: maxDequeueCount 5).
/// </summary>
/// <param name="redeliverEach">Process every message a second time as if its delete had been lost (at-least-once delivery).</param>
public sealed class QueuePump(SwitchboardHost host, int maxDequeueCount = 5, int workers = 1, Action<string>? observe = null, bool redeliverEach = false)
{
    private static readonly TimeSpan RetryVisibility = TimeSpan.FromMilliseconds(200);

    private int _redeliveries;

    public int Failures { get; private set; }

    public int Redeliveries => _redeliveries;

    /// <summary>Runs until every stage and poison queue is empty, or the deadline passes (then throws).</summary>
    public async Task DrainAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var queues = host.Get<StorageClients>().Queues;
        var idleRounds = 0;
        while (idleRounds < 3)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Queues did not drain in time.");
            }

            var handled = 0;
            foreach (var name in PipelineQueues.All.Append(PropagationStorageOptions.WebhookQueue))
            {
                handled += await PumpAsync(queues.GetQueueClient(name), name, poison: false);
                handled += await PumpAsync(queues.GetQueueClient(name + PipelineQueues.PoisonSuffix), name, poison: true);
            }

            idleRounds = handled == 0 ? idleRounds + 1 : 0;
            if (handled == 0)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task<int> PumpAsync(QueueClient queue, string stage, bool poison)
    {
        QueueMessage[] messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60))).Value;
        var failures = 0;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (message, ct) =>
        {
            observe?.Invoke($"queue {queue.Name} {message.MessageText}");
            try
            {
                await InvokeAsync(stage, poison, message.MessageText, ct);
                if (redeliverEach)
                {
                    Interlocked.Increment(ref _redeliveries);
                    await InvokeAsync(stage, poison, message.MessageText, ct);
                }

                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
            catch (Exception ex) when (!poison)
            {
                observe?.Invoke($"exception {ex}");
                Interlocked.Increment(ref failures);
                if (message.DequeueCount >= maxDequeueCount)
                {
                    await host.Get<StorageClients>().Queues.GetQueueClient(stage + PipelineQueues.PoisonSuffix).SendMessageAsync(message.MessageText, ct);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                }
                else
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: RetryVisibility, cancellationToken: ct);
                }
            }
        });
        Failures += failures;
        return messages.Length;
    }

    private Task InvokeAsync(string stage, bool poison, string message, CancellationToken ct) => (stage, poison) switch
    {
        (PipelineQueues.Translate, false) => host.Create<TranslateStageFunction>().RunAsync(message, ct),
        (PipelineQueues.Identity, false) => host.Create<IdentityStageFunction>().RunAsync(message, ct),
        (PipelineQueues.Route, false) => host.Create<RouteStageFunction>().RunAsync(message, ct),
        (PipelineQueues.Deliver, false) => host.Create<DeliverStageFunction>().RunAsync(message, ct),
        (PipelineQueues.Translate, true) => host.Create<TranslateDeadLetterFunction>().RunAsync(message, ct),
        (PipelineQueues.Identity, true) => host.Create<IdentityDeadLetterFunction>().RunAsync(message, ct),
        (PipelineQueues.Route, true) => host.Create<RouteDeadLetterFunction>().RunAsync(message, ct),
        (PipelineQueues.Deliver, true) => host.Create<DeliverDeadLetterFunction>().RunAsync(message, ct),
        (PropagationStorageOptions.WebhookQueue, false) => host.Create<WebhookDeliveryFunction>().RunAsync(message, ct),
        (PropagationStorageOptions.WebhookQueue, true) => host.Create<WebhookDeadLetterFunction>().RunAsync(message, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
