using ClaudBot.Engine.Data;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests;

public sealed class BarRangeTests
{
    private static readonly BarSeries Bars = TestBars.FromCloses(1, 2, 3, 4, 5); // 2024-01-01 .. 2024-01-05

    [Fact]
    public void RangeInsideTheData_IsNotClipped()
    {
        var range = BarRange.Resolve(Bars, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 4));

        Assert.Equal((1, 3, false), (range.Start, range.End, range.IsClipped));
        Assert.Equal(new DateOnly(2024, 1, 2), range.From);
    }

    [Fact]
    public void RangeReachingBeyondTheData_RunsOnTheOverlapAndSaysSo()
    {
        var range = BarRange.Resolve(Bars, new DateOnly(2020, 1, 1), new DateOnly(2024, 1, 3));

        Assert.Equal((0, 2, true), (range.Start, range.End, range.IsClipped));
        Assert.Equal(new DateOnly(2024, 1, 1), range.From);
        Assert.Equal(new DateOnly(2024, 1, 3), range.To);
        Assert.Equal(new DateOnly(2020, 1, 1), range.RequestedFrom);
    }

    [Fact]
    public void RangeWithNoBars_ThrowsNamingTheDataSpan()
    {
        var error = Assert.Throws<DateRangeException>(() => BarRange.Resolve(Bars, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)));

        Assert.Equal("TEST has bars from 2024-01-01 to 2024-01-05; nothing falls in 2019-01-01 to 2019-12-31.", error.Message);
    }

    [Fact]
    public void InvertedRange_Throws()
    {
        var error = Assert.Throws<DateRangeException>(() => BarRange.Resolve(Bars, new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 2)));

        Assert.Contains("inverted", error.Message, StringComparison.Ordinal);
    }
}
