using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class PeriodParserRelativeTests
{
    [Theory]
    [InlineData("ytd", "2026-01-01")]
    [InlineData("YTD", "2026-01-01")]
    [InlineData("year to date", "2026-01-01")]
    [InlineData("for year-to-date", "2026-01-01")]
    [InlineData("this year", "2026-01-01")]
    [InlineData("last 3 years", "2023-11-29")]
    [InlineData("LAST 3 YRS", "2023-11-29")]
    [InlineData("for the last 3 years", "2023-11-29")]
    [InlineData("past 2 months", "2026-09-29")]
    [InlineData("last 6m", "2026-05-29")]
    [InlineData("last 6 weeks", "2026-10-18")]
    [InlineData("last 30 days", "2026-10-30")]
    [InlineData("last year", "2025-11-29")]
    [InlineData("last 1 year", "2025-11-29")]
    [InlineData("last month", "2026-10-29")]
    [InlineData("last week", "2026-11-22")]
    [InlineData("last day", "2026-11-28")]
    [InlineData("last two years", "2024-11-29")]
    [InlineData("over the past twenty-one days", "2026-11-08")]
    [InlineData("last 100 years", "1926-11-29")]
    [InlineData("last 1200 months", "1926-11-29")]
    public void TryParse_RelativeToToday_EndsToday(string text, string from)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Today, out var period, out string? error);

        Assert.True(parsed, error);
        Assert.Equal(Dates.Span(from, "2026-11-29"), period);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("2024-02-29", "last year", "2023-02-28")]
    [InlineData("2024-02-29", "last 4 years", "2020-02-29")]
    [InlineData("2026-03-31", "last month", "2026-02-28")]
    [InlineData("2024-03-31", "last 1 month", "2024-02-29")]
    [InlineData("2026-01-01", "ytd", "2026-01-01")]
    [InlineData("2024-12-31", "year to date", "2024-01-01")]
    public void TryParse_RelativeOnCalendarEdges_FollowsTheCalendar(string today, string text, string from)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Parse(today), out var period, out string? error);

        Assert.True(parsed, error);
        Assert.Equal(Dates.Span(from, today), period);
    }

    [Theory]
    [InlineData("last 0 days", "the last 0 days is empty: the count must be at least 1")]
    [InlineData("last 0 years", "the last 0 years is empty: the count must be at least 1")]
    [InlineData("last zero weeks", "the last 0 weeks is empty: the count must be at least 1")]
    [InlineData("last 101 years", "the last 101 years is too long: at most 100 years")]
    [InlineData("last 1201 months", "the last 1201 months is too long: at most 100 years")]
    [InlineData("last 5300 weeks", "the last 5300 weeks is too long: at most 100 years")]
    [InlineData("last 36600 days", "the last 36600 days is too long: at most 100 years")]
    [InlineData("last 9999999999 days", "the last 9999999999 days is too long: at most 100 years")]
    public void TryParse_RelativeWithBadCount_SaysWhy(string text, string expected)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Today, out var period, out string? error);

        Assert.False(parsed);
        Assert.Equal(expected, error);
        Assert.Equal(default, period);
    }
}
