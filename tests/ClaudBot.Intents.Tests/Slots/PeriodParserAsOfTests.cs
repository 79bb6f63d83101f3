using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

/// <summary>Relative periods against data that ends before today: they end on the data's last day, with a note.</summary>
public sealed class PeriodParserAsOfTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly AsOfDay DataEndsJan23 = new(Today, new DateOnly(2026, 1, 23));

    [Theory]
    [InlineData("last year", "2025-01-23")]
    [InlineData("last 3 years", "2023-01-23")]
    [InlineData("past 6 months", "2025-07-23")]
    [InlineData("since 2020", "2020-01-01")]
    [InlineData("from Jan 2020", "2020-01-01")]
    [InlineData("2020 to date", "2020-01-01")]
    [InlineData("2020 to today", "2020-01-01")]
    [InlineData("2020-01-15 till now", "2020-01-15")]
    public void TryParse_DataEndingBeforeToday_EndsOnTheDataEnd_WithANote(string text, string from)
    {
        bool parsed = PeriodParser.TryParse(text, DataEndsJan23, out var period, out string? note, out string? error);

        Assert.True(parsed, error);
        Assert.Equal(Dates.Span(from, "2026-01-23"), period);
        Assert.Equal($"The data ends on 2026-01-23, so '{text}' runs {from} to 2026-01-23.", note);
        Assert.Null(error);
    }

    [Fact]
    public void TryParse_YtdWithDataEndingInJanuary_IsThatYearsFewWeeks_AndTheNoteSaysHowShort()
    {
        bool parsed = PeriodParser.TryParse("ytd", DataEndsJan23, out var period, out string? note, out _);

        Assert.True(parsed);
        Assert.Equal(Dates.Span("2026-01-01", "2026-01-23"), period);
        Assert.Equal(
            "The data ends on 2026-01-23, so 'ytd' runs 2026-01-01 to 2026-01-23. That is only 23 days, too short for annualised figures such as CAGR to mean much.",
            note);
    }

    [Fact]
    public void TryParse_YtdWithDataEndingInAnEarlierYear_IsTheYearToDateOfTheDataLastYear()
    {
        var asOf = new AsOfDay(new DateOnly(2027, 2, 10), new DateOnly(2026, 6, 30));

        bool parsed = PeriodParser.TryParse("year to date", asOf, out var period, out string? note, out _);

        Assert.True(parsed);
        Assert.Equal(Dates.Span("2026-01-01", "2026-06-30"), period);
        Assert.Equal("The data ends on 2026-06-30, so 'year to date' runs 2026-01-01 to 2026-06-30.", note);
    }

    [Theory]
    [InlineData("2020-2024", "2020-01-01", "2024-12-31")]
    [InlineData("2025 to 2026", "2025-01-01", "2026-12-31")]
    [InlineData("FY2026", "2025-04-01", "2026-03-31")]
    [InlineData("2026-01-01 to 2026-12-04", "2026-01-01", "2026-12-04")]
    public void TryParse_AbsolutePeriods_AreNotMovedByTheDataEnd_AndHaveNoNote(string text, string from, string to)
    {
        bool parsed = PeriodParser.TryParse(text, DataEndsJan23, out var period, out string? note, out _);

        Assert.True(parsed);
        Assert.Equal(Dates.Span(from, to), period);
        Assert.Null(note);
    }

    [Theory]
    [InlineData("2027-03-01")]
    [InlineData("2026-12-04")]
    [InlineData(null)]
    public void TryParse_DataEndingOnOrAfterToday_ChangesNothing(string? dataEnd)
    {
        var asOf = new AsOfDay(Today, dataEnd is null ? null : Dates.Parse(dataEnd));

        Assert.True(PeriodParser.TryParse("ytd", asOf, out var ytd, out string? ytdNote, out _));
        Assert.True(PeriodParser.TryParse("last 3 years", asOf, out var three, out string? threeNote, out _));
        Assert.True(PeriodParser.TryParse("since 2020", asOf, out var since, out string? sinceNote, out _));

        Assert.Equal(Dates.Span("2026-01-01", "2026-12-04"), ytd);
        Assert.Equal(Dates.Span("2023-12-04", "2026-12-04"), three);
        Assert.Equal(Dates.Span("2020-01-01", "2026-12-04"), since);
        Assert.Null(ytdNote);
        Assert.Null(threeNote);
        Assert.Null(sinceNote);
    }

    [Fact]
    public void TryParse_OpenEndedStartAfterTheDataEnd_SaysTheDataStopsBeforeIt()
    {
        var asOf = new AsOfDay(new DateOnly(2027, 3, 1), new DateOnly(2026, 1, 23));

        bool parsed = PeriodParser.TryParse("since 2027", asOf, out _, out string? note, out string? error);

        Assert.False(parsed);
        Assert.Null(note);
        Assert.Equal("the data ends on 2026-01-23, before 2027 begins", error);
    }

    [Fact]
    public void AsOfDay_IsTheEarlierOfTodayAndTheDataEnd()
    {
        Assert.Equal(new DateOnly(2026, 1, 23), DataEndsJan23.Day);
        Assert.True(DataEndsJan23.IsDataEnd);
        Assert.Equal(Today, new AsOfDay(Today, new DateOnly(2027, 1, 1)).Day);
        Assert.False(new AsOfDay(Today, Today).IsDataEnd);
        Assert.False(new AsOfDay(Today, null).IsDataEnd);
    }
}
