using ClaudBot.Charts.Tests.Support;

namespace ClaudBot.Charts.Tests;

/// <summary>
/// Writes sample charts next to the test binaries (bin/.../TestResults/charts) for a person to look at: readable
/// labels, a legend clear of the lines, percent axes.
/// </summary>
public sealed class SampleChartTests
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "charts");

    [Theory]
    [InlineData("equity-8-series.png", 7, 1250, 1200, 700)]
    [InlineData("equity-2-series.png", 1, 1250, 1200, 700)]
    [InlineData("equity-8x5000-large.png", 7, 5000, 2400, 1400)]
    public void SampleChart_IsSavedForReview(string name, int strategies, int points, int width, int height)
    {
        var request = SampleSeries.Request(strategies, points) with { Width = width, Height = height };
        string path = Path.Combine(Directory.CreateDirectory(Folder).FullName, name);

        File.WriteAllBytes(path, EquityChart.RenderPng(request));

        var image = Png.Decode(File.ReadAllBytes(path));
        Assert.Equal((width, height), (image.Width, image.Height));
    }
}
