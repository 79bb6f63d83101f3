using SkiaSharp;

namespace ClaudBot.Charts.Tests.Support;

/// <summary>The colours the chart promises, as SkiaSharp colours to look for in the decoded image.</summary>
internal static class ChartColors
{
    public static SKColor Strategy(int index) => SeriesStyle.Palette[index].ToSKColor();

    public static SKColor BenchmarkGrey => SeriesStyle.BenchmarkGrey.ToSKColor();
}
