using ScottPlot;

namespace ClaudBot.Charts.Tests;

/// <summary>Which series gets which colour and dash, and how legend labels are shortened.</summary>
public sealed class SeriesStyleTests
{
    private static readonly DateOnly[] Dates = [new(2024, 1, 1), new(2024, 1, 2)];

    [Fact]
    public void For_StrategiesTakePaletteColoursInOrder_BenchmarksAreDashedGrey()
    {
        EquitySeries[] series =
        [
            new("bench", Dates, [1, 2]) { IsBenchmark = true },
            new("first", Dates, [1, 2]),
            new("second", Dates, [1, 2]),
            new("bench 2", Dates, [1, 2]) { IsBenchmark = true },
            new("third", Dates, [1, 2]),
        ];

        var styles = SeriesStyle.For(series);

        Assert.Equal(
            [
                new SeriesStyle(SeriesStyle.BenchmarkGrey, LinePattern.Dashed, 2),
                new SeriesStyle(SeriesStyle.Palette[0], LinePattern.Solid, 2),
                new SeriesStyle(SeriesStyle.Palette[1], LinePattern.Solid, 2),
                new SeriesStyle(SeriesStyle.BenchmarkGrey, LinePattern.Dotted, 2),
                new SeriesStyle(SeriesStyle.Palette[2], LinePattern.Solid, 2),
            ],
            styles);
    }

    [Fact]
    public void Palette_HasEightDistinctColours_NoneOfThemTheBenchmarkGrey()
    {
        Assert.Equal(8, SeriesStyle.Palette.Distinct().Count());
        Assert.DoesNotContain(SeriesStyle.BenchmarkGrey, SeriesStyle.Palette);
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("exactly forty-eight characters long, no more!!!!", "exactly forty-eight characters long, no more!!!!")]
    [InlineData("forty-nine characters long, which is one too many", "forty-nine characters long, which is one too ma…")]
    public void LegendText_ShortensLabelsPast48Characters(string label, string expected)
    {
        Assert.Equal(expected, SeriesStyle.LegendText(label));
        Assert.True(SeriesStyle.LegendText(label).Length <= SeriesStyle.MaxLabelLength);
    }
}
