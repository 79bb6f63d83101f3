using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace ClaudBot.Charts;

/// <summary>What both panels share: fonts, grid, the date axis over the same range, and how a line is drawn.</summary>
internal static class PanelStyle
{
    public const float TickFontSize = 12;
    public const float AxisLabelFontSize = 13;

    private static readonly Color Grid = Color.FromHex("#E5E5E5");

    /// <summary>A plot with a date x axis spanning <paramref name="xs"/> exactly and a labelled percent y axis.</summary>
    public static Plot Create(string yLabel, CoordinateRange xs)
    {
        var plot = new Plot();
        plot.Axes.DateTimeTicksBottom().TickGenerator = new DateTimeAutomatic { LabelFormatter = DateLabel };
        plot.Axes.Left.Label.Text = yLabel;
        plot.Grid.MajorLineColor = Grid;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = EmbeddedFont.Family;
            axis.Label.FontSize = AxisLabelFontSize;
            axis.TickLabelStyle.FontName = EmbeddedFont.Family;
            axis.TickLabelStyle.FontSize = TickFontSize;
        }

        plot.Axes.Title.Label.FontName = EmbeddedFont.Family;
        plot.Legend.FontName = EmbeddedFont.Family;
        plot.Axes.SetLimitsX(xs.Min, xs.Max);
        return plot;
    }

    /// <summary>
    /// Unambiguous date labels, as short as the tick allows: "2021" on a new year, "Jul 2021" on a new month,
    /// "2021-07-15" otherwise (the invariant culture's default, "07/15/2021", reads differently around the world).
    /// Over a few days ScottPlot also ticks hours, which daily data has not: those stay unlabelled.
    /// </summary>
    public static string DateLabel(DateTime tick) => tick switch
    {
        { TimeOfDay.Ticks: > 0 } => string.Empty,
        { Month: 1, Day: 1 } => tick.ToString("yyyy", CultureInfo.InvariantCulture),
        { Day: 1 } => tick.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => tick.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static SignalXY AddLine(Plot plot, double[] xs, double[] ys, SeriesStyle style)
    {
        var line = plot.Add.SignalXY(xs, ys, style.Color);
        line.LineWidth = style.Width;
        line.LinePattern = style.Pattern;
        line.MarkerStyle = MarkerStyle.None;
        return line;
    }

    /// <summary>The range <paramref name="min"/>..<paramref name="max"/> widened by <paramref name="margin"/> of its span, never empty (a flat series still gets an axis).</summary>
    public static CoordinateRange Padded(double min, double max, double margin)
    {
        double span = max - min;
        if (span < 1e-9)
        {
            return new CoordinateRange(min - 1, max + 1);
        }

        return new CoordinateRange(min - (span * margin), max + (span * margin));
    }
}
