using ScottPlot;

namespace ClaudBot.Charts;

/// <summary>The top panel: each series' growth in percent, benchmarks underneath, the legend above.</summary>
internal static class ReturnPanel
{
    public const string YLabel = "Return %";

    private static readonly Color ZeroLine = Colors.Black.WithAlpha(0.45);
    private static readonly Color LegendOutline = Color.FromHex("#C8C8C8");

    public static Plot Create(string title, IReadOnlyList<ChartSeries> series, CoordinateRange xs)
    {
        var plot = PanelStyle.Create(YLabel, xs);
        if (title.Length > 0)
        {
            plot.Title(title);
        }

        plot.Add.HorizontalLine(0, 1, ZeroLine);

        // Benchmarks first so the strategies are drawn over them; the legend keeps the request's order.
        var legend = new LegendItem[series.Count];
        foreach (bool benchmarks in (bool[])[true, false])
        {
            for (int i = 0; i < series.Count; i++)
            {
                if (series[i].IsBenchmark == benchmarks)
                {
                    var line = PanelStyle.AddLine(plot, series[i].Xs, series[i].Growth, series[i].Style);
                    legend[i] = new LegendItem { LabelText = series[i].Label, LineStyle = line.LineStyle.Clone() };
                }
            }
        }

        double min = 0;
        double max = 0;
        foreach (var s in series)
        {
            foreach (double y in s.Growth)
            {
                min = Math.Min(min, y);
                max = Math.Max(max, y);
            }
        }

        var ys = PanelStyle.Padded(min, max, 0.05);
        plot.Axes.SetLimitsY(ys.Min, ys.Max);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.Legend.ManualItems.AddRange(legend);
        plot.Legend.FontSize = PanelStyle.TickFontSize;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineColor = LegendOutline;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.SymbolWidth = 32; // long enough to show a benchmark's dashes

        // Above the data area, between title and plot, so it never covers a line; it wraps into rows as needed.
        var panel = plot.ShowLegend(Edge.Top);
        panel.Padding = new PixelPadding(0, 0, 6, 2);
        return plot;
    }
}
