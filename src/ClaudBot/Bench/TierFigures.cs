namespace ClaudBot.Bench;

/// <summary>
/// The intent tiers on an evaluation split: accuracy of the patterns alone and of the patterns then the semantic
/// tier, the commonest confusions (expected → read, '-' for none), latency per tier (patterns in µs, semantic in ms,
/// warm) and the semantic model's load time.
/// </summary>
internal sealed record TierFigures(
    int Rows,
    double PatternAccuracy,
    double SemanticAccuracy,
    int SemanticAnswered,
    IReadOnlyList<(string Expected, string Read, int Count)> Confusions,
    Percentiles PatternMicros,
    Percentiles SemanticMillis,
    double LoadMilliseconds);

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
