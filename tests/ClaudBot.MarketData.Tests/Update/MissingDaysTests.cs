using ClaudBot.MarketData.Update;

namespace ClaudBot.MarketData.Tests.Update;

public sealed class MissingDaysTests
{
    private static readonly DateOnly First = new(2023, 11, 1);
    private static readonly DateOnly Last = new(2023, 11, 10);
    private static readonly DateOnly To = new(2023, 11, 24);

    [Fact]
    public void Of_NoDataAndNoFrom_IsNull()
    {
        Assert.Null(MissingDays.Of(null, null, null, To));
    }

    [Fact]
    public void Of_NoDataWithFrom_IsFromToTo()
    {
        Assert.Equal([(new DateOnly(2023, 10, 2), To)], MissingDays.Of(null, null, new DateOnly(2023, 10, 2), To)!);
    }

    [Fact]
    public void Of_NoDataWithFromAfterTo_IsEmpty()
    {
        Assert.Empty(MissingDays.Of(null, null, To.AddDays(1), To)!);
    }

    [Fact]
    public void Of_DataEndingBeforeTo_IsTheDayAfterTheLastToTo()
    {
        Assert.Equal([(new DateOnly(2023, 11, 11), To)], MissingDays.Of(First, Last, null, To)!);
    }

    [Fact]
    public void Of_FromBeforeTheFirstDay_AddsTheDaysBeforeIt_OldestFirst()
    {
        Assert.Equal([(new DateOnly(2023, 10, 25), new DateOnly(2023, 10, 31)), (new DateOnly(2023, 11, 11), To)],
            MissingDays.Of(First, Last, new DateOnly(2023, 10, 25), To)!);
    }

    [Fact]
    public void Of_DataUpToTo_IsEmpty()
    {
        Assert.Empty(MissingDays.Of(First, To, First, To)!);
    }

    [Fact]
    public void Of_FromBeforeTheFirstDayButToBeforeItToo_StopsAtTo()
    {
        Assert.Equal([(new DateOnly(2023, 10, 1), new DateOnly(2023, 10, 20))], MissingDays.Of(First, Last, new DateOnly(2023, 10, 1), new DateOnly(2023, 10, 20))!);
    }
}
