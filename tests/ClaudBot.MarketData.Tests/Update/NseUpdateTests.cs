using ClaudBot.MarketData.Update;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary><c>data update --source nse</c> against the fake archive: one bhavcopy per calendar day, 404 without a session.</summary>
public sealed class NseUpdateTests
{
    [Fact]
    public async Task Update_OldBhavcopies_AddTheEqBarsOfEachSession_AndCountEveryOtherDay()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        var from = run.Market.Calendar.Sessions[3].Day.AddDays(-2);

        var report = await run.RunAsync(new UpdateRequest(["TCS", "INFY"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.Null(report.Stopped);
        Assert.Equal(Markets.LastSession.DayNumber - from.DayNumber + 1, report.Requests);
        Assert.Equal(Markets.DaysWithoutSession(run.Market, from, Markets.LastSession), report.EmptyDays);
        Assert.Equal(2 * (run.Market.Calendar.Sessions.Count - 3), report.Added);
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
        Assert.Equal(run.Market.Bars("INFY"), run.Stored("INFY"));
        var muhurat = Assert.Single(run.Stored("TCS"), b => b.Day == new DateOnly(2023, 11, 12));
        Assert.Equal(run.Market.BarOn("TCS", muhurat.Day), muhurat);
        Assert.Contains(run.Site.Requests, r => r.Path == BhavcopyZip.PathOf(new DateOnly(2023, 11, 14)) && r.Status == 404);
        Assert.Empty(Directory.GetFiles(Path.Combine(run.Store, UpdateJournal.FolderName)));
    }

    [Fact]
    public async Task Update_AcrossTheUdiffSwitch_AsksEachDayAtItsLayoutsPath_AndStoresBoth()
    {
        var market = new FakeMarketData(FakeCalendar.Udiff2024(), ["TCS", "INFY"]);
        await using var run = UpdateHarness.Start(market);
        run.Bundle("TCS", 2);
        var last = market.Calendar.Sessions[^1].Day;

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: last));

        var days = Enumerable.Range(0, last.DayNumber - new DateOnly(2024, 7, 3).DayNumber + 1).Select(i => new DateOnly(2024, 7, 3).AddDays(i));
        Assert.Equal(days.Select(BhavcopyZip.PathOf), run.Site.Requests.Select(r => r.Path));
        Assert.Contains("/content/historical/EQUITIES/2024/JUL/cm05JUL2024bhav.csv.zip", run.Site.Requests.Select(r => r.Path));
        Assert.Contains("/content/cm/BhavCopy_NSE_CM_0_0_0_20240708_F_0000.csv.zip", run.Site.Requests.Select(r => r.Path));
        Assert.Equal(market.Bars("TCS"), run.Stored("TCS"));
        Assert.Equal(market.Bars("TCS").Count - 2, report.Added);
    }

    [Fact]
    public async Task Update_RunAgain_AsksNothingAndSaysUpToDate()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession));
        run.Site.ClearRequests();

        var again = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.Empty(run.Site.Requests);
        Assert.Equal("Updated 0 of 1 symbol from NSE to 2023-11-24: 0 rows added; 1 already up to date; 0 requests.", UpdateSummary.Of(again));
    }

    [Fact]
    public async Task Update_YahooAndNse_StoreTheSameRawRows_EvenAcrossASplit()
    {
        var market = Markets.Diwali(new FakeSplit("TCS", new DateOnly(2023, 11, 20), 2, 1));
        await using var yahoo = UpdateHarness.Start(market);
        await using var nse = UpdateHarness.Start(market);
        var request = new UpdateRequest(["TCS", "INFY"], UpdateSource.Yahoo, new DateOnly(2023, 11, 1), Markets.LastSession);

        await yahoo.RunAsync(request);
        await nse.RunAsync(request with { Source = UpdateSource.Nse });

        Assert.Equal(market.Bars("TCS"), nse.Stored("TCS"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(nse.Store, "TCS.csv")), File.ReadAllBytes(Path.Combine(yahoo.Store, "TCS.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(nse.Store, "INFY.csv")), File.ReadAllBytes(Path.Combine(yahoo.Store, "INFY.csv")));
    }

    [Fact]
    public async Task Update_TheIndex_IsAProblemSayingToUseYahoo()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());

        var report = await run.RunAsync(new UpdateRequest(["NIFTY50"], UpdateSource.Nse, new DateOnly(2023, 11, 1), Markets.LastSession));

        Assert.Equal("NIFTY50 is an index and NSE's bhavcopy holds only stocks: update it with --source yahoo", Assert.Single(report.Symbols).Problem);
        Assert.Empty(run.Site.Requests);
    }
}
