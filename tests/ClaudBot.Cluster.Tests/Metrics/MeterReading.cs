using System.Diagnostics.Metrics;

namespace ClaudBot.Cluster.Tests.Metrics;

/// <summary>Reads one meter's observable instruments now, as a scrape does: (instrument, tags) to value.</summary>
internal static class MeterReading
{
    public static Dictionary<string, double> Read(Meter meter)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => values[Key(i, tags)] = v);
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => values[Key(i, tags)] = v);
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => values[Key(i, tags)] = v);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
}
