using ScottPlot;

namespace ClaudBot.Charts;

/// <summary>
/// The bottom panel: how far each strategy is below its running peak. Benchmarks are left out, unless every
/// series is one, so the panel is never empty.
/// </summary>
internal static class DrawdownPanel
{
    public const string YLabel = "Drawdown %";

    public static Plot Create(IReadOnlyList<ChartSeries> series, CoordinateRange xs)
    {
        var plot = PanelStyle.Create(YLabel, xs);
        bool anyStrategy = false;
        foreach (var s in series)
        {
            anyStrategy |= !s.IsBenchmark;
        }

        double min = 0;
        foreach (var s in series)
        {
            if (s.IsBenchmark && anyStrategy)
            {
                continue;
            }

            PanelStyle.AddLine(plot, s.Xs, s.Drawdown, s.Style);
            foreach (double y in s.Drawdown)
            {
                min = Math.Min(min, y);
            }
        }

        // 0 is the top of the panel (a new high), with a sliver of room so a line at 0 is not drawn on the frame.
        var ys = PanelStyle.Padded(min, 0, 0.05);
        plot.Axes.SetLimitsY(ys.Min, ys.Max);
        return plot;
    }
}
