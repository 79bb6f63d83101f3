using ScottPlot;
using ScottPlot.MultiplotLayouts;
using SkiaSharp;

namespace ClaudBot.Charts;

/// <summary>Renders the equity chart the bot sends after a backtest: returns on top, drawdowns below.</summary>
public static class EquityChart
{
    // Measured on a 1200x700 chart: Skia's default (all filters, zlib 6) takes ~33 ms, this ~9 ms for 2% more bytes.
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 3);

    /// <summary>The colour of a marker line: a light blue-grey, distinct from the series' palette and the benchmark's grey.</summary>
    public static readonly Color MarkerColor = Color.FromHex("#7A93B8");

    /// <summary>
    /// Draws <paramref name="request"/> as a PNG of exactly <see cref="EquityChartRequest.Width"/> by
    /// <see cref="EquityChartRequest.Height"/> pixels. Top two thirds: each series' growth in percent from its own
    /// first value (benchmarks dashed grey), legend above the lines. Bottom third: drawdown in percent of each
    /// non-benchmark series. Both panels share the date axis, spanning the earliest to the latest date of any series.
    /// The same request always gives the same bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The request breaks a rule; the message names the series, index and value.</exception>
    public static byte[] RenderPng(EquityChartRequest request)
    {
        EquityChartValidation.Validate(request);
        EmbeddedFont.EnsureRegistered();

        var series = ChartSeries.From(request.Series);
        var xs = DateRange(series);
        using var returns = ReturnPanel.Create(request.Title, series, xs);
        using var drawdowns = DrawdownPanel.Create(series, xs);
        Mark(request.Markers, returns, drawdowns);

        var cells = new[] { new GridCell(0, 0, 3, 1, 2, 1), new GridCell(2, 0, 3, 1, 1, 1) };
        var grid = new CustomGrid();
        grid.Set(returns, cells[0]);
        grid.Set(drawdowns, cells[1]);
        var multiplot = new Multiplot(returns) { Layout = grid };
        multiplot.AddPlot(drawdowns);

        // Laid out at 1200x700-ish and scaled to the image, so text and lines grow with it: a large chart is not a
        // small one in tiny print. (Plot.ScaleFactor would do this, but Multiplot places the subplots unscaled.)
        float scale = Math.Clamp(Math.Min(request.Width / 1200f, request.Height / 700f), 0.75f, 4f);
        var figure = new PixelRect(request.Width / scale, request.Height / scale);
        PanelAlignment.Align([returns, drawdowns], [cells[0].GetRect(figure), cells[1].GetRect(figure)]);

        var info = new SKImageInfo(request.Width, request.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Scale(scale);
        multiplot.Render(surface.Canvas, figure);
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(PngOptions) ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");
        return png.ToArray();
    }

    // Under the lines (added first would need the panels' help): light enough that a curve crossing one stays readable.
    private static void Mark(IReadOnlyList<DateOnly> markers, params Plot[] panels)
    {
        var xs = EquityMath.ToOADates(markers);
        foreach (var panel in panels)
        {
            foreach (double x in xs)
            {
                // Two pixels wide, so one column keeps the full colour wherever the date falls between pixels.
                var line = panel.Add.VerticalLine(x, 2, MarkerColor);
                line.LinePattern = LinePattern.Dashed;
                panel.MoveToBack(line);
            }
        }
    }

    private static CoordinateRange DateRange(IReadOnlyList<ChartSeries> series)
    {
        double first = double.MaxValue;
        double last = double.MinValue;
        foreach (var s in series)
        {
            first = Math.Min(first, s.Xs[0]);
            last = Math.Max(last, s.Xs[^1]);
        }

        return new CoordinateRange(first, last);
    }
}
