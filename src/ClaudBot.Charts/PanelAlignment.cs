using ScottPlot;
using ScottPlot.LayoutEngines;
using ScottPlot.Panels;
using SkiaSharp;

namespace ClaudBot.Charts;

/// <summary>
/// Fixes the panels' layouts before rendering. Each plot sizes its margins to its own tick labels ("-40" and
/// "250" differ in width), so shared dates would sit at different pixels in the two panels: both get the wider
/// left and right margin. And a legend above the data area is measured unwrapped by ScottPlot (one long row),
/// then drawn wrapped to the data width, spilling over the title: it is wrapped once at that width beforehand.
/// </summary>
internal static class PanelAlignment
{
    // Ticks are measured once more after layout, against the final data area; a few pixels absorb the difference.
    private const float Slack = 4;

    // The last date label ("2024-01-03") may be centred on the right edge of the data area: half of it lies past.
    private const float MinRight = 40;

    public static void Align(IReadOnlyList<Plot> plots, IReadOnlyList<PixelRect> rects)
    {
        using var paint = Paint.NewDisposablePaint();
        var engine = new Automatic();
        float left = 0;
        float right = MinRight;
        for (int i = 0; i < plots.Count; i++)
        {
            var layout = engine.GetLayout(rects[i], plots[i], paint);
            left = Math.Max(left, layout.DataRect.Left - rects[i].Left + Slack);
            right = Math.Max(right, rects[i].Right - layout.DataRect.Right + Slack);
        }

        for (int i = 0; i < plots.Count; i++)
        {
            WrapLegends(plots[i], rects[i].Width - left - right, paint);
            var layout = engine.GetLayout(rects[i], plots[i], paint);
            float top = layout.DataRect.Top - rects[i].Top;
            float bottom = rects[i].Bottom - layout.DataRect.Bottom + Slack;
            plots[i].Layout.Fixed(new PixelPadding(left, right, bottom, top));
        }
    }

    /// <summary>Lays legend panels out at <paramref name="width"/> so they measure as tall as they will be drawn.</summary>
    private static void WrapLegends(Plot plot, float width, Paint paint)
    {
        foreach (var panel in plot.Axes.GetPanels())
        {
            if (panel is LegendPanel legendPanel)
            {
                using var scratch = SKSurface.Create(new SKImageInfo(1, 1));
                legendPanel.Legend.Render(scratch.Canvas, paint, new PixelRect(0, width, 10_000, 0), legendPanel.Alignment);
            }
        }
    }
}
