namespace ClaudBot.Charts.Tests;

/// <summary>Date tick labels: unambiguous in any country, short where the tick allows.</summary>
public sealed class PanelStyleTests
{
    [Theory]
    [InlineData(2021, 1, 1, 0, "2021")]
    [InlineData(2021, 7, 1, 0, "Jul 2021")]
    [InlineData(2021, 7, 15, 0, "2021-07-15")]
    [InlineData(2021, 7, 15, 6, "")]
    public void DateLabel_IsYearMonthOrIsoDate_AndHoursAreLeftBlank(int year, int month, int day, int hour, string expected)
    {
        Assert.Equal(expected, PanelStyle.DateLabel(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified)));
    }
}
