using ClaudBot.Charts.Tests.Support;

namespace ClaudBot.Charts.Tests;

/// <summary>Dates marked on the chart (a walk-forward's window boundaries): one vertical line each, in both panels.</summary>
public sealed class EquityChartMarkerTests
{
    [Fact]
    public void EachMarker_IsOneVerticalLine_AcrossBothPanels_AndNoMarkerDrawsNone()
    {
        var request = SampleSeries.Request(1);
        var dates = request.Series[0].Dates;
        DateOnly[] markers = [dates[300], dates[600], dates[900]];
        var colour = EquityChart.MarkerColor.ToSKColor();

        var marked = Png.Decode(EquityChart.RenderPng(request with { Markers = markers }));
        var plain = Png.Decode(EquityChart.RenderPng(request));

        var pixels = marked.Find(colour, 6);
        // A line two pixels wide between pixel columns may fill two or three adjacent columns: one marker per run of columns.
        var filled = pixels.GroupBy(p => p.X).Where(g => g.Count() > 40).Select(g => g.Key).Order().ToList();
        var columns = filled.Where((x, i) => i == 0 || x - filled[i - 1] > 3).ToList();
        Assert.Equal(3, columns.Count);
        Assert.True(columns[1] - columns[0] > 100 && columns[2] - columns[1] > 100, $"markers apart: {string.Join(", ", columns)}");
        Assert.All(columns, x => Assert.True(pixels.Where(p => Math.Abs(p.X - x) <= 3).Max(p => p.Y) > marked.Height * 0.75, "the line reaches the drawdown panel"));
        Assert.DoesNotContain(plain.Find(colour, 6).GroupBy(p => p.X), g => g.Count() > 40);
    }

    [Fact]
    public void TooManyMarkers_AreRefused_SayingTheLimit()
    {
        var request = SampleSeries.Request(1) with { Markers = [.. Enumerable.Range(0, 501).Select(d => SampleSeries.Start.AddDays(d))] };

        var refused = Assert.Throws<ArgumentException>(() => EquityChart.RenderPng(request));

        Assert.Contains("at most 500 dates", refused.Message, StringComparison.Ordinal);
    }
}
