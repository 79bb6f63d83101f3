using ClaudBot.MarketData.Update;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary><c>data update --source yahoo</c> against the fake Yahoo chart endpoint.</summary>
public sealed class YahooUpdateTests
{
    [Fact]
    public async Task Update_BundledSymbols_AddsEveryFixtureBarAfterTheBundledOnes_MuhuratSundayIncluded()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 5);

        var report = await run.RunAsync(new UpdateRequest(["TCS", "INFY"], UpdateSource.Yahoo, To: Markets.LastSession));

        int sessions = run.Market.Calendar.Sessions.Count;
        Assert.Null(report.Stopped);
        Assert.Equal([("TCS", sessions - 3), ("INFY", sessions - 5)], report.Symbols.Select(s => (s.Symbol, s.Added)));
        Assert.Equal((run.Market.Calendar.Sessions[3].Day, Markets.LastSession), (report.Symbols[0].First, report.Symbols[0].Last));
        Assert.Equal((2, 0, 0), (report.Requests, report.Retries, report.EmptyDays));
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
        Assert.Equal(run.Market.Bars("INFY"), run.Stored("INFY"));
        Assert.Contains(run.Stored("TCS"), b => b.Day == new DateOnly(2023, 11, 12));
        Assert.DoesNotContain(run.Stored("TCS"), b => b.Day == new DateOnly(2023, 11, 14));
        Assert.All(run.Site.Requests, r => Assert.Equal(1, r.OpenAtArrival));
    }

    [Fact]
    public async Task Update_RunAgain_AddsNothingAndSaysUpToDate()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        await run.RunAsync(new UpdateRequest([], UpdateSource.Yahoo, To: Markets.Saturday));
        byte[] before = File.ReadAllBytes(Path.Combine(run.Store, "TCS.csv"));

        var again = await run.RunAsync(new UpdateRequest([], UpdateSource.Yahoo, To: Markets.Saturday));

        Assert.Equal(0, again.Added);
        Assert.Null(again.Stopped);
        Assert.StartsWith("Updated 0 of 2 symbols from Yahoo to 2023-11-25: 0 rows added; 2 already up to date;", UpdateSummary.Of(again), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(run.Store, "TCS.csv")));
        Assert.False(File.Exists(Path.Combine(run.Store, UpdateJournal.FolderName, "journal.json")));
    }

    [Fact]
    public async Task Update_UnknownTicker_IsAProblemOfItsOwnWhileTheOthersUpdate()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);

        var report = await run.RunAsync(new UpdateRequest(["TCS", "NOSUCHCO", "INFY"], UpdateSource.Yahoo, new DateOnly(2023, 11, 1), Markets.LastSession));

        Assert.Null(report.Stopped);
        Assert.Equal(
            [("TCS", run.Market.Calendar.Sessions.Count - 3, null), ("NOSUCHCO", 0, "Yahoo has no NOSUCHCO.NS: No data found, symbol may be delisted"), ("INFY", run.Market.Calendar.Sessions.Count - 3, null)],
            report.Symbols.Select(s => (s.Symbol, s.Added, s.Problem)));
        Assert.False(File.Exists(Path.Combine(run.Store, "NOSUCHCO.csv")));
        Assert.Equal(run.Market.Bars("INFY"), run.Stored("INFY"));
    }

    [Fact]
    public async Task Update_NullPricedHoliday_IsCountedAndNotStored()
    {
        var market = new FakeMarketData(FakeCalendar.Diwali2023(), ["TCS"], yahooNullDays: [new DateOnly(2023, 11, 14)]);
        await using var run = UpdateHarness.Start(market);
        run.Bundle("TCS", 2);

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal(1, report.EmptyDays);
        Assert.Contains("1 day without a session", UpdateSummary.Of(report), StringComparison.Ordinal);
        Assert.Equal(market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task Update_NewSymbolFrom_StartsAtFrom_AndWithoutFromIsAProblem()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());

        var without = await run.RunAsync(new UpdateRequest(["RELIANCE"], UpdateSource.Yahoo, To: Markets.LastSession));
        var with = await run.RunAsync(new UpdateRequest(["RELIANCE"], UpdateSource.Yahoo, new DateOnly(2023, 11, 8), Markets.LastSession));

        Assert.Equal("RELIANCE is not in the data yet: say from which day to fetch it with --from DATE", Assert.Single(without.Symbols).Problem);
        Assert.Equal(0, without.Requests);
        Assert.Equal(run.Market.Bars("RELIANCE", new DateOnly(2023, 11, 8)), run.Stored("RELIANCE"));
        Assert.Equal(run.Market.Bars("RELIANCE", new DateOnly(2023, 11, 8)).Count, with.Added);
    }
}
