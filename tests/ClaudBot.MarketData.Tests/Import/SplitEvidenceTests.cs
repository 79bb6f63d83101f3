using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Tests.Import;

public sealed class SplitEvidenceTests
{
    private static readonly SplitEvent TwoForOne = new("TCS", new DateOnly(2024, 3, 4), 2);

    [Fact]
    public void Of_PricesHalvingOnTheSplitDay_AreRaw() =>
        Assert.Equal(SplitEvidence.Finding.Raw, SplitEvidence.Of(Bars(closeBefore: 200, openOnSplitDay: 101), TwoForOne));

    [Fact]
    public void Of_PricesRunningOnAcrossTheSplitDay_AreAdjusted() =>
        Assert.Equal(SplitEvidence.Finding.Adjusted, SplitEvidence.Of(Bars(closeBefore: 100, openOnSplitDay: 101), TwoForOne));

    [Fact]
    public void Of_ADropHalfwayToTheRatio_CountsAsRawOnlyPastTheMiddle()
    {
        // The middle is ln 2 / 2 = 0.3466: ln(200/142) = 0.3425 is nearer 0 (adjusted), ln(200/140) = 0.3567 nearer ln 2 (raw).
        Assert.Equal(SplitEvidence.Finding.Adjusted, SplitEvidence.Of(Bars(closeBefore: 200, openOnSplitDay: 142), TwoForOne));
        Assert.Equal(SplitEvidence.Finding.Raw, SplitEvidence.Of(Bars(closeBefore: 200, openOnSplitDay: 140), TwoForOne));
    }

    [Theory]
    [InlineData(2024, 3, 1)]
    [InlineData(2024, 2, 1)]
    [InlineData(2024, 3, 9)]
    public void Of_ASplitTheBarsDoNotStraddle_IsNotShown(int year, int month, int day) =>
        Assert.Equal(SplitEvidence.Finding.NotShown, SplitEvidence.Of(Bars(200, 100), TwoForOne with { Date = new DateOnly(year, month, day) }));

    // 2024-03-01 (Fri), 2024-03-04 (the split's Monday), 2024-03-05.
    private static BarSeries Bars(double closeBefore, double openOnSplitDay) => new(
        "TCS",
        [new DateOnly(2024, 3, 1).DayNumber, new DateOnly(2024, 3, 4).DayNumber, new DateOnly(2024, 3, 5).DayNumber],
        [closeBefore, openOnSplitDay, openOnSplitDay],
        [closeBefore + 1, openOnSplitDay + 1, openOnSplitDay + 1],
        [closeBefore - 1, openOnSplitDay - 1, openOnSplitDay - 1],
        [closeBefore, openOnSplitDay, openOnSplitDay],
        [1000, 1000, 1000]);
}
