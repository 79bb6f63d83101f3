namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// A per-bar series as an array seen <paramref name="Lag"/> bars late: bar i reads Values[i - Lag], NaN before bar Lag.
/// A lag is a view, not a copy, so <c>close[5]</c> costs nothing until something reads it.
/// </summary>
internal readonly record struct SeriesView(double[] Values, int Lag)
{
    /// <summary>The values of bars [from, count), which must not start before <see cref="Lag"/> (empty when the lag reaches past the end).</summary>
    public ReadOnlySpan<double> Slice(int from, int count) => from >= count ? [] : Values.AsSpan(from - Lag, count - from);

    public double At(int index) => index >= Lag ? Values[index - Lag] : double.NaN;

    public SeriesView Delayed(int bars) => this with { Lag = Lag + bars };

    /// <summary>A plain array of the first <paramref name="count"/> bars (NaN before the lag), for indicators to read.</summary>
    public double[] ToArray(int count)
    {
        var result = new double[count];
        int from = Math.Min(Lag, count);
        result.AsSpan(0, from).Fill(double.NaN);
        Slice(from, count).CopyTo(result.AsSpan(from));
        return result;
    }
}
