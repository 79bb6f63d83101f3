using ClaudBot.Charts.Tests.Support;

namespace ClaudBot.Charts.Tests;

/// <summary>The PNG itself: size, the colours of the lines, which way they go, and that it is reproducible.</summary>
public sealed class EquityChartImageTests
{
    [Theory]
    [InlineData(200, 200)]
    [InlineData(1200, 700)]
    [InlineData(1920, 1080)]
    [InlineData(4000, 300)]
    [InlineData(4000, 4000)]
    public void RenderPng_IsAPngOfExactlyTheRequestedSize(int width, int height)
    {
        var request = SampleSeries.Request(3) with { Width = width, Height = height };

        byte[] png = EquityChart.RenderPng(request);

        Assert.True(Png.HasSignature(png));
        var image = Png.Decode(png);
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void RenderPng_DefaultSize_Is1200By700()
    {
        var image = Png.Decode(EquityChart.RenderPng(SampleSeries.Request(1)));

        Assert.Equal((1200, 700), (image.Width, image.Height));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void RenderPng_DrawsEachStrategyInItsOwnPaletteColour(int strategies)
    {
        var image = Png.Decode(EquityChart.RenderPng(SampleSeries.Request(strategies)));

        for (int i = 0; i < strategies; i++)
        {
            Assert.True(image.Find(ChartColors.Strategy(i), 8).Count > 300, $"strategy {i} colour missing");
        }

        if (strategies < SeriesStyle.Palette.Length)
        {
            Assert.Empty(image.Find(ChartColors.Strategy(strategies), 8));
        }
    }

    [Fact]
    public void RenderPng_EightStrategies_UseAllEightColours()
    {
        var request = SampleSeries.Request(8);
        request = request with { Series = request.Series.Skip(1).ToArray() };

        var image = Png.Decode(EquityChart.RenderPng(request));

        for (int i = 0; i < 8; i++)
        {
            Assert.True(image.Find(ChartColors.Strategy(i), 8).Count > 300, $"strategy {i} colour missing");
        }
    }

    [Fact]
    public void RenderPng_DrawsTheBenchmarkInGrey()
    {
        var strategy = SampleSeries.Line("strategy", 100, 300);
        var benchmark = SampleSeries.Line("buy and hold", 100, 150, benchmark: true);

        var with = Png.Decode(EquityChart.RenderPng(new EquityChartRequest("t", [benchmark, strategy])));
        var without = Png.Decode(EquityChart.RenderPng(new EquityChartRequest("t", [strategy])));

        // Text is anti-aliased black and has greys of its own: the benchmark is what the extra grey is.
        int added = with.Find(ChartColors.BenchmarkGrey, 4).Count - without.Find(ChartColors.BenchmarkGrey, 4).Count;
        Assert.True(added > 500, $"only {added} more grey pixels with the benchmark");
    }

    [Fact]
    public void RenderPng_RisingSeries_IsDrawnRisingFromLeftToRight()
    {
        var request = new EquityChartRequest("rising", [SampleSeries.Line("up", 100, 300)]);

        var image = Png.Decode(EquityChart.RenderPng(request));

        var line = image.Find(ChartColors.Strategy(0), 8, top: 0, bottom: image.Height * 2 / 3);
        int left = line.Min(p => p.X);
        int right = line.Max(p => p.X);
        double leftY = line.Where(p => p.X < left + 40).Average(p => p.Y);
        double rightY = line.Where(p => p.X > right - 40).Average(p => p.Y);
        Assert.True(right - left > image.Width * 0.8, $"line spans only x {left}..{right}");
        Assert.True(leftY - rightY > 200, $"left end at y {leftY:F0}, right end at y {rightY:F0}: not rising");
    }

    [Fact]
    public void RenderPng_RisingSeries_HasAFlatZeroDrawdown()
    {
        var request = new EquityChartRequest("rising", [SampleSeries.Line("up", 100, 300)]);

        var image = Png.Decode(EquityChart.RenderPng(request));

        var drawdown = image.Find(ChartColors.Strategy(0), 8, top: image.Height * 2 / 3);
        Assert.True(drawdown.Count > 500);
        Assert.InRange(drawdown.Max(p => p.Y) - drawdown.Min(p => p.Y), 0, 3);
    }

    [Fact]
    public void RenderPng_SeriesFallingFromItsPeak_HasItsDrawdownGoingDown()
    {
        var up = SampleSeries.Line("x", 100, 200, points: 100).Equity;
        var down = SampleSeries.Line("x", 200, 100, points: 101).Equity.Skip(1);
        var series = new EquitySeries("peak then fall", SampleSeries.Weekdays(SampleSeries.Start, 200), [.. up, .. down]);

        var image = Png.Decode(EquityChart.RenderPng(new EquityChartRequest("fall", [series])));

        var drawdown = image.Find(ChartColors.Strategy(0), 8, top: image.Height * 2 / 3);
        int left = drawdown.Min(p => p.X);
        int right = drawdown.Max(p => p.X);
        double leftY = drawdown.Where(p => p.X < left + 40).Average(p => p.Y);
        double rightY = drawdown.Where(p => p.X > right - 20).Average(p => p.Y);
        Assert.True(rightY - leftY > 100, $"drawdown at y {leftY:F0} on the left, {rightY:F0} on the right: not falling");
    }

    [Fact]
    public void RenderPng_LeavesBenchmarksOutOfTheDrawdownPanel()
    {
        var strategy = SampleSeries.Walk("strategy", 500, 7);
        var benchmark = SampleSeries.Walk("buy and hold", 500, 8, drift: 0, benchmark: true) with { Equity = strategy.Equity.Select(e => e * 0.9).ToArray() };

        var with = Png.Decode(EquityChart.RenderPng(new EquityChartRequest("t", [benchmark, strategy])));
        var without = Png.Decode(EquityChart.RenderPng(new EquityChartRequest("t", [strategy])));

        // Same dates and same growth, so both panels keep their axes; only the top panel gains a line.
        for (int y = with.Height * 2 / 3; y < with.Height; y++)
        {
            for (int x = 0; x < with.Width; x++)
            {
                Assert.True(with[x, y] == without[x, y], $"drawdown panel differs at ({x}, {y})");
            }
        }
    }

    [Fact]
    public void RenderPng_OnlyBenchmarks_ShowsTheirDrawdownRatherThanAnEmptyPanel()
    {
        var benchmark = SampleSeries.Walk("buy and hold", 500, 8, benchmark: true);

        var image = Png.Decode(EquityChart.RenderPng(new EquityChartRequest("t", [benchmark])));

        Assert.True(image.Find(ChartColors.BenchmarkGrey, 4, top: image.Height * 2 / 3).Count > 300);
    }

    [Fact]
    public void RenderPng_SameRequest_GivesIdenticalBytes()
    {
        var request = SampleSeries.Request(5);

        byte[] first = EquityChart.RenderPng(request);
        byte[] second = EquityChart.RenderPng(request);

        Assert.Equal(first, second);
    }

    [Fact]
    public void RenderPng_ConcurrentRenders_GiveIdenticalBytes()
    {
        var request = SampleSeries.Request(5);
        byte[] expected = EquityChart.RenderPng(request);

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = EquityChart.RenderPng(request));

        Assert.All(results, png => Assert.Equal(expected, png));
    }

    [Fact]
    public void RenderPng_EightSeriesOf5000Points_DrawsThemAll()
    {
        var request = SampleSeries.Request(7, points: 5000);

        var image = Png.Decode(EquityChart.RenderPng(request));

        Assert.True(image.Find(ChartColors.BenchmarkGrey, 4).Count > 500);
        for (int i = 0; i < 7; i++)
        {
            Assert.True(image.Find(ChartColors.Strategy(i), 8).Count > 300, $"strategy {i} colour missing");
        }
    }
}
