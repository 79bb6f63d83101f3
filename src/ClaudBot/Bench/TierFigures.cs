namespace ClaudBot.Bench;

/// <summary>
/// The intent tiers on an evaluation split: accuracy of the patterns alone and of the patterns then the semantic
/// tier, the commonest confusions (expected → read, '-' for none), latency per tier (patterns in µs, semantic in ms,
/// warm), the semantic model's load time, and how many phrases meaning no intent were read as a destructive one
/// (a catalogue <c>confirm</c> intent), and of those how many without a yes.
/// </summary>
internal sealed record TierFigures(
    int Rows,
    double PatternAccuracy,
    double SemanticAccuracy,
    int SemanticAnswered,
    IReadOnlyList<(string Expected, string Read, int Count)> Confusions,
    Percentiles PatternMicros,
    Percentiles SemanticMillis,
    double LoadMilliseconds,
    int NegativesReadDestructiveByPatterns,
    int NegativesReadDestructive,
    int NegativesReadDestructiveUnconfirmed);

/// <summary>The median and 99th percentile of a set of timings, and how many there were.</summary>
internal readonly record struct Percentiles(double P50, double P99, int Count)
{
    public static Percentiles Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return default;
        }

        samples.Sort();
        return new Percentiles(samples[samples.Count / 2], samples[Math.Min(samples.Count - 1, (int)(samples.Count * 0.99))], samples.Count);
    }
}
