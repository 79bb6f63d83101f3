using System.Diagnostics.Metrics;
using System.Text;
using ClaudBot.Cluster.Metrics;

namespace ClaudBot.Dashboard.Metrics;

/// <summary>
/// Writes this node's <see cref="ClusterMetrics"/> as Prometheus text. A small exporter on <see cref="MeterListener"/>
/// rather than OpenTelemetry's Prometheus exporter: that one listens to every meter of a name in the process, so
/// nodes sharing a process (the tests run several) would report each other's counts, and it is a pre-release.
/// Every instrument of the meter is observable (see <see cref="ClusterMetrics"/>), so a scrape is one
/// <see cref="MeterListener.RecordObservableInstruments"/>: nothing is accumulated between scrapes.
/// </summary>
internal sealed class PrometheusExposition : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private List<(Instrument Instrument, string Labels, double Value)>? _scrape;

    public PrometheusExposition(ClusterMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The instruments' current values; one scrape at a time, since they are collected into one list.</summary>
    public string Scrape()
    {
        lock (_gate)
        {
            _scrape = [];
            try
            {
                _listener.RecordObservableInstruments();
                return Write(_scrape);
            }
            finally
            {
                _scrape = null;
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    // Observable instruments report on the scraping thread, inside the lock; anything else (none today) is ignored.
    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _scrape?.Add((instrument, PrometheusText.Labels(tags.ToArray()), value));

    private static string Write(List<(Instrument Instrument, string Labels, double Value)> samples)
    {
        var text = new StringBuilder();
        foreach (var series in samples.GroupBy(s => s.Instrument))
        {
            bool counter = series.Key is ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double>;
            string name = PrometheusText.MetricName(series.Key.Name, counter);
            if (series.Key.Description is { Length: > 0 } help)
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(PrometheusText.Help(help)).Append('\n');
            }

            text.Append("# TYPE ").Append(name).Append(counter ? " counter\n" : " gauge\n");
            foreach (var (_, labels, value) in series)
            {
                text.Append(name).Append(labels).Append(' ').Append(PrometheusText.Value(value)).Append('\n');
            }
        }

        return text.ToString();
    }
}
