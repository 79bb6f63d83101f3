using ClaudBot.Charts.Tests.Support;
using SkiaSharp;

namespace ClaudBot.Charts.Tests;

/// <summary>The heatmap of a two-parameter sweep: its size, its colours by value, grey for missing cells, and its rules.</summary>
public sealed class HeatmapChartTests
{
    private static readonly double[] Periods = [5, 10, 15, 20];
    private static readonly double[] Lowers = [20, 25, 30];

    // A plateau: values grow with the period and the lower band; one cell missing.
    private static HeatmapChartRequest Request(double?[][]? values = null) => new(
        "rsi: median Sharpe", "period", "lower", Periods, Lowers,
        values ?? [[0.1, 0.2, 0.3, 0.4], [0.2, 0.4, null, 0.8], [0.3, 0.6, 0.9, 1.2]])
    {
        ValueLabel = "median Sharpe",
    };

    [Theory]
    [InlineData(200, 200)]
    [InlineData(1000, 700)]
    [InlineData(2400, 1600)]
    public void RenderPng_IsAPngOfExactlyTheRequestedSize(int width, int height)
    {
        var image = Png.Decode(HeatmapChart.RenderPng(Request() with { Width = width, Height = height }));

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void RenderPng_IsTheSameBytesEveryTime()
    {
        Assert.Equal(HeatmapChart.RenderPng(Request()), HeatmapChart.RenderPng(Request()));
    }

    [Fact]
    public void RenderPng_ColoursTheHighestCellYellowTheLowestPurple_AndTheMissingOneGrey()
    {
        var image = Png.Decode(HeatmapChart.RenderPng(Request()));

        // Viridis runs from dark purple (lowest) to yellow (highest); the colour bar shows both ends too, so the cells
        // are told apart by their share of the image: each cell is about 1/12 of the plot area.
        Assert.True(image.Find(new SKColor(253, 231, 37), 40).Count > 2_000, "no yellow (highest) cell");
        Assert.True(image.Find(new SKColor(68, 1, 84), 40).Count > 2_000, "no purple (lowest) cell");
        Assert.True(image.Find(new SKColor(211, 211, 211), 2).Count > 2_000, "no grey (missing) cell");
    }

    [Fact]
    public void RenderPng_WithNoMissingCell_HasNoGrey()
    {
        var whole = Png.Decode(HeatmapChart.RenderPng(Request([[0.1, 0.2, 0.3, 0.4], [0.2, 0.4, 0.6, 0.8], [0.3, 0.6, 0.9, 1.2]])));
        var holed = Png.Decode(HeatmapChart.RenderPng(Request()));

        int grey = whole.Find(new SKColor(211, 211, 211), 2).Count;
        Assert.True(grey * 20 < holed.Find(new SKColor(211, 211, 211), 2).Count, $"{grey} grey pixels without a missing cell");
    }

    [Fact]
    public void RenderPng_RowsThatDoNotMatchTheValues_AreRefusedSayingTheShape()
    {
        var error = Assert.Throws<ArgumentException>(() => HeatmapChart.RenderPng(Request([[0.1, 0.2, 0.3, 0.4]])));

        Assert.StartsWith("The heatmap's values must be 3 rows of 4 (one per pair of values).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPng_ANonFiniteValue_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => HeatmapChart.RenderPng(Request([[0.1, 0.2, 0.3, 0.4], [0.2, double.NaN, 0.6, 0.8], [0.3, 0.6, 0.9, 1.2]])));

        Assert.StartsWith("The heatmap's values must be finite numbers or missing.", error.Message, StringComparison.Ordinal);
    }
}
