namespace ClaudBot.Charts;

/// <summary>One request series turned into what the panels plot.</summary>
internal sealed record ChartSeries(string Label, SeriesStyle Style, bool IsBenchmark, double[] Xs, double[] Growth, double[] Drawdown)
{
    public static ChartSeries[] From(IReadOnlyList<EquitySeries> series)
    {
        var styles = SeriesStyle.For(series);
        var plotted = new ChartSeries[series.Count];
        for (int i = 0; i < plotted.Length; i++)
        {
            var s = series[i];
            plotted[i] = new ChartSeries(
                SeriesStyle.LegendText(s.Label),
                styles[i],
                s.IsBenchmark,
                EquityMath.ToOADates(s.Dates),
                EquityMath.GrowthPercent(s.Equity),
                EquityMath.DrawdownPercent(s.Equity));
        }

        return plotted;
    }
}
