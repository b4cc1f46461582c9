using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Switchboard.Testing.Telemetry;

/// <summary>
/// Captures everything a process emits as telemetry — log lines with their state and exceptions, every activity
/// from every source (names, tags, events, status), every metric measurement with its tags — as text, so a test can
/// prove that the synthetic PHI it sent appears in none of it.
/// </summary>
public sealed class TelemetryCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _records = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public TelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _records.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    public IReadOnlyCollection<string> Records => _records;

    /// <summary>Adds text the test observed elsewhere (queue messages, exception messages, stored metadata).</summary>
    public void Add(string text) => _records.Enqueue(text);

    /// <summary>The captured records that contain any of the markers.</summary>
    public IReadOnlyList<string> Containing(IEnumerable<string> markers) =>
        _records.Where(r => markers.Any(m => r.Contains(m, StringComparison.OrdinalIgnoreCase))).ToList();

    public ILogger CreateLogger(string categoryName) => new CaptureLogger(categoryName, _records);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder($"metric {instrument.Meter.Name}/{instrument.Name}={value}");
        foreach (var tag in tags)
        {
            text.Append($" {tag.Key}={tag.Value}");
        }

        _records.Enqueue(text.ToString());
    }

    private static string Describe(Activity activity)
    {
        var text = new StringBuilder($"activity {activity.Source.Name}/{activity.OperationName} {activity.DisplayName} status={activity.Status}:{activity.StatusDescription}");
        foreach (var tag in activity.TagObjects)
        {
            text.Append($" {tag.Key}={tag.Value}");
        }

        foreach (var e in activity.Events)
        {
            text.Append($" event={e.Name}");
            foreach (var tag in e.Tags)
            {
                text.Append($" {tag.Key}={tag.Value}");
            }
        }

        foreach (var baggage in activity.Baggage)
        {
            text.Append($" baggage {baggage.Key}={baggage.Value}");
        }

        return text.ToString();
    }

    private sealed class CaptureLogger(string category, ConcurrentQueue<string> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            records.Enqueue($"scope {category} {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder($"log {logLevel} {category} {eventId} {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var value in values)
                {
                    text.Append($" {value.Key}={value.Value}");
                }
            }

            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }

            records.Enqueue(text.ToString());
        }
    }
}
