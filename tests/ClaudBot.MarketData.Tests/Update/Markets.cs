using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>The fake markets the update tests run against.</summary>
internal static class Markets
{
    public static readonly DateOnly LastSession = new(2023, 11, 24);

    /// <summary>The Saturday after: a day to fetch that has no session.</summary>
    public static readonly DateOnly Saturday = new(2023, 11, 25);

    public static FakeMarketData Diwali(params FakeSplit[] splits) =>
        new(FakeCalendar.Diwali2023(), ["TCS", "INFY", "RELIANCE"], splits);

    /// <summary>Every calendar day from <paramref name="from"/> to <paramref name="to"/> that has no session.</summary>
    public static int DaysWithoutSession(FakeMarketData market, DateOnly from, DateOnly to) =>
        (to.DayNumber - from.DayNumber + 1) - market.Calendar.Between(from, to).Count();
}
