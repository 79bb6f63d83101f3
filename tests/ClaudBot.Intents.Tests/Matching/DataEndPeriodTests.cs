using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>
/// The matcher on the bundled data, which ends on 2026-01-23: relative periods typed (or defaulted) on a later
/// day end on the data's last day, and the match carries the note that says so.
/// </summary>
public sealed class DataEndPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private readonly IntentMatcher _matcher = ShippedMatcher.Instance;

    [Fact]
    public void Ytd_RunsTheDataYearToDate_AndTellsTheUserHowShortItIs()
    {
        var match = _matcher.Match("backtest rsi on TCS ytd", Today);

        Assert.Equal(new DateSpan(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 23)), match.Slots["period"].Period);
        Assert.Equal(
            ["The data ends on 2026-01-23, so 'ytd' runs 2026-01-01 to 2026-01-23. That is only 23 days, too short for annualised figures such as CAGR to mean much."],
            match.Notes);
    }

    [Fact]
    public void DefaultPeriod_IsTheThreeYearsEndingOnTheDataEnd_WithTheNote()
    {
        var match = _matcher.Match("backtest rsi on TCS", Today);

        Assert.Equal(["period"], match.Defaulted);
        Assert.Equal(new DateSpan(new DateOnly(2023, 1, 23), new DateOnly(2026, 1, 23)), match.Slots["period"].Period);
        Assert.Equal(["The data ends on 2026-01-23, so 'last 3 years' runs 2023-01-23 to 2026-01-23."], match.Notes);
    }

    [Fact]
    public void AbsoluteRange_IsLeftForTheClippingNotes_AndHasNoPeriodNote()
    {
        var match = _matcher.Match("backtest rsi on TCS 2020-2024", Today);

        Assert.Equal(new DateSpan(new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31)), match.Slots["period"].Period);
        Assert.Empty(match.Notes);
    }

    [Fact]
    public void TodayBeforeTheDataEnd_ChangesNothing()
    {
        var match = _matcher.Match("backtest rsi on TCS last year", new DateOnly(2025, 6, 30));

        Assert.Equal(new DateSpan(new DateOnly(2024, 6, 30), new DateOnly(2025, 6, 30)), match.Slots["period"].Period);
        Assert.Empty(match.Notes);
    }
}
