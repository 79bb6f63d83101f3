using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ClaudBot.Charts;

/// <summary>
/// Renders a parameter sweep as a heatmap: one cell per pair of values, coloured by its value (a colour bar beside),
/// the value written in the cell while the grid is small enough to read, missing cells grey. A plateau of good cells
/// reads at a glance; so does a lone bright cell among poor ones, which is luck.
/// </summary>
public static class HeatmapChart
{
    /// <summary>Above this many cells the values are not written in them (they would not fit).</summary>
    public const int MaxLabelledCells = 300;

    /// <summary>Draws <paramref name="request"/> as a PNG of its size; the same request always gives the same bytes.</summary>
    /// <exception cref="ArgumentException">The request breaks a rule; the message says which.</exception>
    public static byte[] RenderPng(HeatmapChartRequest request)
    {
        Validate(request);
        EmbeddedFont.EnsureRegistered();
        int columns = request.Xs.Count;
        int rows = request.Ys.Count;

        // ScottPlot draws row 0 at the top: the smallest Y goes last so that values grow upwards, as on any axis.
        var intensities = new double[rows, columns];
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < columns; x++)
            {
                intensities[rows - 1 - y, x] = request.Values[y][x] ?? double.NaN;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.LightGray;
        heatmap.Position = new CoordinateRect(0, Math.Max(columns - 1, 1e-9), 0, Math.Max(rows - 1, 1e-9));
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = request.ValueLabel;
        bar.LabelStyle.FontName = EmbeddedFont.Family;
        bar.Axis.TickLabelStyle.FontName = EmbeddedFont.Family;

        if (columns * rows <= MaxLabelledCells)
        {
            LabelCells(plot, request);
        }

        plot.Axes.Bottom.TickGenerator = Ticks(request.Xs);
        plot.Axes.Left.TickGenerator = Ticks(request.Ys);
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.Title(request.Title);
        plot.XLabel(request.XLabel);
        plot.YLabel(request.YLabel);
        foreach (var axis in (IAxis[])[plot.Axes.Bottom, plot.Axes.Left])
        {
            axis.Label.FontName = EmbeddedFont.Family;
            axis.TickLabelStyle.FontName = EmbeddedFont.Family;
        }

        plot.Axes.Title.Label.FontName = EmbeddedFont.Family;
        return plot.GetImageBytes(request.Width, request.Height, ImageFormat.Png);
    }

    // Each cell's value, dark text on the light end of the colour map and light text on the dark end.
    private static void LabelCells(Plot plot, HeatmapChartRequest request)
    {
        var finite = request.Values.SelectMany(row => row).OfType<double>().ToList();
        double middle = finite.Count == 0 ? 0 : (finite.Min() + finite.Max()) / 2;
        for (int y = 0; y < request.Ys.Count; y++)
        {
            for (int x = 0; x < request.Xs.Count; x++)
            {
                if (request.Values[y][x] is not { } value)
                {
                    continue;
                }

                var text = plot.Add.Text(value.ToString("0.00", CultureInfo.InvariantCulture), x, y);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontName = EmbeddedFont.Family;
                text.LabelFontSize = 11;
                text.LabelFontColor = value > middle ? Colors.Black : Colors.White;
            }
        }
    }

    // Every value when they fit, else about a dozen evenly spaced ones.
    private static NumericManual Ticks(IReadOnlyList<double> values)
    {
        int step = Math.Max(1, (int)Math.Ceiling(values.Count / 12.0));
        var ticks = new NumericManual();
        for (int i = 0; i < values.Count; i += step)
        {
            ticks.AddMajor(i, values[i].ToString("0.##", CultureInfo.InvariantCulture));
        }

        return ticks;
    }

    private static void Validate(HeatmapChartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Width is < 200 or > 4000 || request.Height is < 200 or > 4000)
        {
            throw new ArgumentException($"The heatmap must be 200 to 4000 pixels each way (asked {request.Width}x{request.Height}).", nameof(request));
        }

        if (request.Xs.Count == 0 || request.Ys.Count == 0)
        {
            throw new ArgumentException("The heatmap needs at least one value across and one down.", nameof(request));
        }

        if (request.Values.Count != request.Ys.Count || request.Values.Any(row => row.Count != request.Xs.Count))
        {
            throw new ArgumentException($"The heatmap's values must be {request.Ys.Count} rows of {request.Xs.Count} (one per pair of values).", nameof(request));
        }

        if (request.Values.SelectMany(row => row).Any(v => v is { } value && !double.IsFinite(value)))
        {
            throw new ArgumentException("The heatmap's values must be finite numbers or missing.", nameof(request));
        }
    }
}
