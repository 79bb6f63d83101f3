using ClaudBot.Engine.Data;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Engine.Tests.WalkForward;

/// <summary>The window rule of docs/walk-forward.md by hand (the reference fixtures check it on their cases too).</summary>
public sealed class WalkForwardWindowsTests
{
    private static readonly PeriodLength TwoYears = new(24, 0);
    private static readonly PeriodLength SixMonths = new(6, 0);

    [Fact]
    public void Rolling_SlidesTheInSamplePart_AndClipsTheLastOutOfSamplePartToTheEnd()
    {
        var windows = WalkForwardWindows.Plan(new DateOnly(2021, 1, 1), new DateOnly(2023, 10, 15), TwoYears, SixMonths, SixMonths, anchored: false);

        Assert.Equal(
            [
                new WalkForwardWindow(0, new(2021, 1, 1), new(2022, 12, 31), new(2023, 1, 1), new(2023, 6, 30)),
                new WalkForwardWindow(1, new(2021, 7, 1), new(2023, 6, 30), new(2023, 7, 1), new(2023, 10, 15)),
            ],
            windows);
    }

    [Fact]
    public void Anchored_KeepsTheStart_AndALongerStepLeavesGaps()
    {
        var windows = WalkForwardWindows.Plan(new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31), new PeriodLength(18, 0), SixMonths, new PeriodLength(9, 0), anchored: true);

        Assert.Equal(
            [
                new WalkForwardWindow(0, new(2021, 1, 1), new(2022, 6, 30), new(2022, 7, 1), new(2022, 12, 31)),
                new WalkForwardWindow(1, new(2021, 1, 1), new(2023, 3, 31), new(2023, 4, 1), new(2023, 9, 30)),
            ],
            windows);
    }

    [Fact]
    public void AStepShorterThanTheOutOfSamplePart_IsRefused_BecauseItsPartsWouldOverlap()
    {
        var refused = Assert.Throws<DateRangeException>(() => WalkForwardWindows.Plan(new(2020, 1, 1), new(2024, 12, 31), TwoYears, SixMonths, new PeriodLength(0, 90), anchored: false));
        Assert.Contains("shorter than the out-of-sample part", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APeriodTooShortForOneWindow_SaysWhenTheFirstOutOfSamplePartWouldStart()
    {
        var refused = Assert.Throws<DateRangeException>(() => WalkForwardWindows.Plan(new(2023, 1, 1), new(2024, 6, 30), TwoYears, SixMonths, SixMonths, anchored: false));
        Assert.Contains("2025-01-01", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyWindows_AreRefused_NamingTheLimit()
    {
        var refused = Assert.Throws<DateRangeException>(() => WalkForwardWindows.Plan(new(2000, 1, 1), new(2024, 12, 31), new PeriodLength(1, 0), new PeriodLength(0, 7), new PeriodLength(0, 7), anchored: false));
        Assert.Contains($"more than {WalkForwardWindows.MaxWindows} windows", refused.Message, StringComparison.Ordinal);
    }
}
