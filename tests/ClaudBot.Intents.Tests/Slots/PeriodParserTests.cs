using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class PeriodParserTests
{
    [Theory]
    // Whole years.
    [InlineData("2020-2024", "2020-01-01", "2024-12-31")]
    [InlineData("2020 - 2024", "2020-01-01", "2024-12-31")]
    [InlineData("2020 to 2024", "2020-01-01", "2024-12-31")]
    [InlineData("2020 till 2024", "2020-01-01", "2024-12-31")]
    [InlineData("2020 until 2024", "2020-01-01", "2024-12-31")]
    [InlineData("2020 through 2024", "2020-01-01", "2024-12-31")]
    [InlineData("2020–2024", "2020-01-01", "2024-12-31")]
    [InlineData("from 2020 to 2024", "2020-01-01", "2024-12-31")]
    [InlineData("FROM 2020 TO 2024", "2020-01-01", "2024-12-31")]
    [InlineData("  2020   to    2024  ", "2020-01-01", "2024-12-31")]
    [InlineData("2020\tto\n2024", "2020-01-01", "2024-12-31")]
    [InlineData("between 2015 and 2020", "2015-01-01", "2020-12-31")]
    [InlineData("2019", "2019-01-01", "2019-12-31")]
    [InlineData("for 2019", "2019-01-01", "2019-12-31")]
    [InlineData("in 2019", "2019-01-01", "2019-12-31")]
    [InlineData("during 2019", "2019-01-01", "2019-12-31")]
    [InlineData("2020 to 2020", "2020-01-01", "2020-12-31")]
    [InlineData("1900", "1900-01-01", "1900-12-31")]
    [InlineData("2100", "2100-01-01", "2100-12-31")]
    // Dates.
    [InlineData("from 2020-01-01 to 2020-12-31", "2020-01-01", "2020-12-31")]
    [InlineData("2020-01-01 to 2020-12-31", "2020-01-01", "2020-12-31")]
    [InlineData("2020-01-01..2020-12-31", "2020-01-01", "2020-12-31")]
    [InlineData("2020-01-01 - 2020-12-31", "2020-01-01", "2020-12-31")]
    [InlineData("between 2020-01-01 and 2020-06-30", "2020-01-01", "2020-06-30")]
    [InlineData("2020-1-5 to 2020-2-7", "2020-01-05", "2020-02-07")]
    [InlineData("2024-02-29 to 2024-03-01", "2024-02-29", "2024-03-01")]
    [InlineData("2020-06-15", "2020-06-15", "2020-06-15")]
    // Whole months, leap years included.
    [InlineData("Jan 2020 to Jun 2021", "2020-01-01", "2021-06-30")]
    [InlineData("january 2020 - june 2021", "2020-01-01", "2021-06-30")]
    [InlineData("Jan 2020", "2020-01-01", "2020-01-31")]
    [InlineData("Feb 2024", "2024-02-01", "2024-02-29")]
    [InlineData("feb 2023", "2023-02-01", "2023-02-28")]
    [InlineData("February 2000", "2000-02-01", "2000-02-29")]
    [InlineData("FEB 2100", "2100-02-01", "2100-02-28")]
    [InlineData("Sept 2021", "2021-09-01", "2021-09-30")]
    [InlineData("september 2021 to december 2021", "2021-09-01", "2021-12-31")]
    [InlineData("Dec 2023 - Feb 2024", "2023-12-01", "2024-02-29")]
    // Indian fiscal years, April to March.
    [InlineData("FY2023", "2022-04-01", "2023-03-31")]
    [InlineData("fy 2023", "2022-04-01", "2023-03-31")]
    [InlineData("FY23", "2022-04-01", "2023-03-31")]
    [InlineData("FY2022-23", "2022-04-01", "2023-03-31")]
    [InlineData("fy2022-2023", "2022-04-01", "2023-03-31")]
    [InlineData("FY 2022 - 23", "2022-04-01", "2023-03-31")]
    [InlineData("FY22-23", "2022-04-01", "2023-03-31")]
    [InlineData("FY1999-00", "1999-04-01", "2000-03-31")]
    [InlineData("FY2024", "2023-04-01", "2024-03-31")]
    [InlineData("FY1901", "1900-04-01", "1901-03-31")]
    [InlineData("FY2100", "2099-04-01", "2100-03-31")]
    [InlineData("FY2020 to FY2022", "2019-04-01", "2022-03-31")]
    [InlineData("FY2020-FY2022", "2019-04-01", "2022-03-31")]
    [InlineData("FY2022-23 to FY2024-25", "2022-04-01", "2025-03-31")]
    // Mixed: a start means its first day, an end its last.
    [InlineData("2020-01-01 to 2024", "2020-01-01", "2024-12-31")]
    [InlineData("2020 to 2024-06-30", "2020-01-01", "2024-06-30")]
    [InlineData("2020-06-01 to 2020", "2020-06-01", "2020-12-31")]
    [InlineData("Jan 2020 to 2021", "2020-01-01", "2021-12-31")]
    [InlineData("FY2023 to Dec 2023", "2022-04-01", "2023-12-31")]
    public void TryParse_AbsolutePeriod_IsTheInclusiveRange(string text, string from, string to)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Today, out var period, out string? error);

        Assert.True(parsed, error);
        Assert.Equal(Dates.Span(from, to), period);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("since 2020", "2020-01-01")]
    [InlineData("from 2020", "2020-01-01")]
    [InlineData("from Jan 2025", "2025-01-01")]
    [InlineData("from FY2025", "2024-04-01")]
    [InlineData("2020 to date", "2020-01-01")]
    [InlineData("2024-06-01 till today", "2024-06-01")]
    [InlineData("2026-11-29 to now", "2026-11-29")]
    public void TryParse_OpenEnded_RunsToToday(string text, string from)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Today, out var period, out string? error);

        Assert.True(parsed, error);
        Assert.Equal(Dates.Span(from, "2026-11-29"), period);
    }

    [Theory]
    [InlineData("2020-01-01", "2024-12-31", "2020-01-01 to 2024-12-31")]
    [InlineData("2024-02-29", "2024-02-29", "2024-02-29 to 2024-02-29")]
    [InlineData("0001-01-01", "9999-12-31", "0001-01-01 to 9999-12-31")]
    public void Describe_WritesIsoDates(string from, string to, string expected)
    {
        Assert.Equal(expected, PeriodParser.Describe(Dates.Span(from, to)));
    }

    [Theory]
    [InlineData("FY2023")]
    [InlineData("Jan 2020 to Jun 2021")]
    [InlineData("last 6 weeks")]
    public void Describe_ParsesBackToTheSamePeriod(string text)
    {
        Assert.True(PeriodParser.TryParse(text, Dates.Today, out var period, out _));

        Assert.True(PeriodParser.TryParse(PeriodParser.Describe(period), Dates.Today, out var again, out string? error));
        Assert.Equal(period, again);
        Assert.Null(error);
    }
}
