using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;

namespace Switchboard.IntegrationTests;

/// <summary>Wraps a registered service so tests can make one step of a real flow fail ("crash") on demand.</summary>
internal static class ServiceCollectionDecoration
{
    public static void Decorate<T>(this IServiceCollection services, Func<T, T> decorate) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), provider => decorate((T)Inner(provider, original)), original.Lifetime));
    }

    private static object Inner(IServiceProvider provider, ServiceDescriptor original) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!);
}

/// <summary>Sends nothing while crashing: the process "dies" after the envelope row was written.</summary>
internal sealed class CrashingWorkQueue(IWorkQueue inner, Func<bool> crashing) : IWorkQueue
{
    public Task EnqueueAsync(string queueName, StageMessage message, CancellationToken cancellationToken) =>
        crashing() ? throw new InvalidOperationException("simulated crash before the queue send") : inner.EnqueueAsync(queueName, message, cancellationToken);
}

/// <summary>Fails the Queued transition while crashing: the process "dies" after the queue send.</summary>
internal sealed class CrashingEnvelopeStore(IEnvelopeStore inner, Func<bool> crashing) : IEnvelopeStore
{
    public Task<EnvelopeRecord?> TryAcceptAsync(EnvelopeRecord record, AuditEntry accepted, CancellationToken cancellationToken) =>
        inner.TryAcceptAsync(record, accepted, cancellationToken);

    public Task<EnvelopeRecord?> GetAsync(string envelopeId, CancellationToken cancellationToken) => inner.GetAsync(envelopeId, cancellationToken);

    public Task<AuditRecord> TransitionAsync(string envelopeId, EnvelopeState state, string? issueCode, AuditEntry entry, CancellationToken cancellationToken) =>
        crashing() ? throw new InvalidOperationException("simulated crash after the queue send") : inner.TransitionAsync(envelopeId, state, issueCode, entry, cancellationToken);

    public Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken) => inner.AppendAuditAsync(entry, cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string envelopeId, CancellationToken cancellationToken) => inner.ReadAuditAsync(envelopeId, cancellationToken);

    public IAsyncEnumerable<EnvelopeRecord> QueryAsync(EnvelopeState? state, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner.QueryAsync(state, from, to, cancellationToken);

    public IAsyncEnumerable<EnvelopeRecord> FindByTraceAsync(string traceId, CancellationToken cancellationToken) => inner.FindByTraceAsync(traceId, cancellationToken);

    public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.PurgeAsync(cutoff, cancellationToken);
}
