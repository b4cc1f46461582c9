using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;
using Switchboard.Fhir.Rest;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Propagation;

/// <summary>
/// Closes the gaps notifications leave (dropped, never sent, or sent without order): searches each configured source
/// for versions changed after the watermark (<c>_lastUpdated=gt…&amp;_sort=_lastUpdated</c>, following <c>next</c>
/// links) and accepts each through <see cref="FhirResourceIntake"/>, keyed by <c>{type}/{id}/_history/{version}</c>:
/// a version that already came by notification is a duplicate and has no effect. The watermark moves only after
/// every found version was accepted, so a failure repeats the search rather than losing a change.
/// </summary>
public sealed class ReconciliationService(
    IOptions<ReconciliationOptions> options,
    IWatermarkStore watermarks,
    FhirResourceIntake intake,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<ReconciliationService> logger)
{
    public const string HttpClientName = "switchboard-reconcile";

    /// <summary>Reconciles every configured source; returns how many new versions entered the pipeline.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var source in options.Value.Sources.Keys)
        {
            total += await RunSourceAsync(source, cancellationToken);
        }

        return total;
    }

    public async Task<int> RunSourceAsync(string source, CancellationToken cancellationToken)
    {
        var settings = options.Value.Sources[source];
        var http = httpClients.CreateClient(HttpClientName);
        http.BaseAddress = new Uri(settings.BaseUrl!.ToString().TrimEnd('/') + "/");
        var fhir = new FhirRestClient(http);
        var total = 0;
        foreach (var type in settings.ResourceTypes)
        {
            try
            {
                total += await RunTypeAsync(source, type, settings, fhir, cancellationToken);
            }
            catch (Exception ex) when (ex is FhirServerException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                PropagationLog.ReconcileFailed(logger, source, type, ex.GetType().Name);
                throw;
            }
        }

        return total;
    }

    private async Task<int> RunTypeAsync(string source, string type, ReconciliationSourceOptions settings, FhirRestClient fhir, CancellationToken cancellationToken)
    {
        var stored = await watermarks.GetAsync(source, type, cancellationToken);
        var since = stored?.LastUpdated ?? settings.InitialWatermark ?? time.GetUtcNow().AddDays(-1);
        var query = $"_lastUpdated=gt{Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))}&_sort=_lastUpdated&_count={settings.PageSize}";
        var page = await fhir.SearchAsync(type, query, cancellationToken);
        var (found, accepted, newest) = (0, 0, since);
        while (page is not null)
        {
            foreach (var resource in page.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Resource>().Where(r => r.TypeName == type && r.Meta?.VersionId is not null))
            {
                found++;
                var outcome = await intake.AcceptAsync(source, resource, cancellationToken);
                accepted += outcome.Status == AcceptStatus.Accepted ? 1 : 0;
                if (resource.Meta!.LastUpdated is { } updated && updated > newest)
                {
                    newest = updated;
                }
            }

            page = await fhir.NextPageAsync(page, cancellationToken);
        }

        // Everything found is in the pipeline: only now may the watermark move (a lost race means another run did it).
        await watermarks.TrySaveAsync(new Watermark(source, type, newest, time.GetUtcNow(), stored?.ETag), cancellationToken);
        PropagationLog.Reconciled(logger, source, type, found, accepted, newest);
        return accepted;
    }
}
