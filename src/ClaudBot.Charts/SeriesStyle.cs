using ScottPlot;

namespace ClaudBot.Charts;

/// <summary>How one series is drawn, the same in both panels and in the legend.</summary>
internal readonly record struct SeriesStyle(Color Color, LinePattern Pattern, float Width)
{
    public const int MaxLabelLength = 48;

    /// <summary>Tableau 10 without its grey, which belongs to the benchmarks: eight colours for eight series.</summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#1F77B4"), Color.FromHex("#FF7F0E"), Color.FromHex("#2CA02C"), Color.FromHex("#D62728"),
        Color.FromHex("#9467BD"), Color.FromHex("#8C564B"), Color.FromHex("#E377C2"), Color.FromHex("#17BECF"),
    ];

    public static readonly Color BenchmarkGrey = Color.FromHex("#7F7F7F");

    /// <summary>Styles in request order: strategies take palette colours in turn, benchmarks grey with a dash each.</summary>
    public static SeriesStyle[] For(IReadOnlyList<EquitySeries> series)
    {
        LinePattern[] dashes = [LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
        var styles = new SeriesStyle[series.Count];
        int strategies = 0;
        int benchmarks = 0;
        for (int i = 0; i < styles.Length; i++)
        {
            styles[i] = series[i].IsBenchmark
                ? new SeriesStyle(BenchmarkGrey, dashes[benchmarks++ % dashes.Length], 2f)
                : new SeriesStyle(Palette[strategies++], LinePattern.Solid, 2f);
        }

        return styles;
    }

    /// <summary>The legend text, cut with an ellipsis so one long label cannot squeeze the plot.</summary>
    public static string LegendText(string label) =>
        label.Length <= MaxLabelLength ? label : string.Concat(label.AsSpan(0, MaxLabelLength - 1), "…");
}
