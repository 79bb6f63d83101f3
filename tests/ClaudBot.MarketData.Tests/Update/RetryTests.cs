using ClaudBot.MarketData.Update;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>The sources' bad moments: 429 with Retry-After, 503, a body cut off, a source that stays down. The clock jumps over waits and records them.</summary>
public sealed class RetryTests
{
    private const string TcsChart = "/v8/finance/chart/TCS.NS";

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_IsAskedAgainAfterExactlyThatWait()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Site.Script(TcsChart, FakeFault.TooManyRequests(7), FakeFault.TooManyRequests(7));

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal((3, 2), (report.Requests, report.Retries));
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], run.Clock.Waits);
        Assert.Equal([429, 429, 200], run.Site.Requests.Select(r => r.Status));
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
        Assert.EndsWith("3 requests (2 retried).", UpdateSummary.Of(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryAfter_LongerThanMaxRetryAfter_IsCutToIt()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali(), o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        run.Bundle("TCS", 3);
        run.Site.Script(TcsChart, FakeFault.TooManyRequests(3600));

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal([TimeSpan.FromSeconds(5)], run.Clock.Waits);
        Assert.Equal(run.Market.Calendar.Sessions.Count - 3, report.Added);
    }

    [Fact]
    public async Task ServiceUnavailable_Twice_IsRetriedWithGrowingWaits_ThenTheDayIsStored()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        var day = new DateOnly(2023, 11, 8);
        run.Site.Script(BhavcopyZip.PathOf(day), FakeFault.Unavailable(), FakeFault.Unavailable());

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.Null(report.Stopped);
        Assert.Equal(2, report.Retries);
        Assert.Equal([503, 503, 200], run.Site.Requests.Where(r => r.Path == BhavcopyZip.PathOf(day)).Select(r => r.Status));
        var waits = run.Clock.Waits;
        Assert.Equal(2, waits.Count);
        Assert.True(waits[0] > TimeSpan.Zero && waits[1] > waits[0], $"waits {string.Join(", ", waits)}");
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task ServiceUnavailable_WithRetryAfter_WaitsThatLong()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Site.Script(BhavcopyZip.PathOf(new DateOnly(2023, 11, 9)), FakeFault.Unavailable(retryAfterSeconds: 11));

        await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.Equal([TimeSpan.FromSeconds(11)], run.Clock.Waits);
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task TruncatedZip_IsFetchedAgain_AndTheDayIsStoredWhole()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        var day = new DateOnly(2023, 11, 10);
        run.Site.Script(BhavcopyZip.PathOf(day), FakeFault.Truncated());

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.Null(report.Stopped);
        Assert.Equal(1, report.Retries);
        Assert.Equal(2, run.Site.Requests.Count(r => r.Path == BhavcopyZip.PathOf(day)));
        Assert.Equal(run.Market.BarOn("TCS", day), Assert.Single(run.Stored("TCS"), b => b.Day == day));
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task TruncatedChart_IsFetchedAgain()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Site.Script(TcsChart, FakeFault.Truncated());

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal((2, 1), (report.Requests, report.Retries));
        Assert.Null(Assert.Single(report.Symbols).Problem);
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task ServiceUnavailable_Always_StopsWithOneLine_KeepingTheDaysBefore_AndTheNextRunResumesThere()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali(), o => o.MaxAttempts = 3);
        run.Bundle("TCS", 3);
        var down = new DateOnly(2023, 11, 15);
        run.Site.Always(BhavcopyZip.PathOf(down), FakeFault.Unavailable());

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.NotNull(report.Stopped);
        Assert.StartsWith("Stopped: ", report.Stopped, StringComparison.Ordinal);
        Assert.Contains("2023-11-15", report.Stopped, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', report.Stopped);
        Assert.Equal(3, run.Site.Requests.Count(r => r.Path == BhavcopyZip.PathOf(down)));
        Assert.Equal(run.Market.Bars("TCS", to: down.AddDays(-1)), run.Stored("TCS"));
        Assert.Equal(run.Market.Bars("TCS", to: down.AddDays(-1)).Count - 3, report.Added);

        // The source is back: the next run starts at the day that failed.
        run.Site.Heal(BhavcopyZip.PathOf(down));
        run.Site.ClearRequests();
        var resumed = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.Null(resumed.Stopped);
        Assert.Equal(BhavcopyZip.PathOf(down), run.Site.Requests[0].Path);
        Assert.Equal(Markets.LastSession.DayNumber - down.DayNumber + 1, run.Site.Requests.Count);
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task ServiceUnavailable_OnTheFirstDay_StopsWithoutClaimingAnySymbolIsUpToDate()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali(), o => o.MaxAttempts = 2);
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        run.Site.Always(BhavcopyZip.PathOf(run.Market.Calendar.Sessions[3].Day.AddDays(-2)), FakeFault.Unavailable());

        var report = await run.RunAsync(new UpdateRequest(["TCS", "INFY"], UpdateSource.Nse, To: Markets.LastSession));

        Assert.StartsWith("Stopped: ", report.Stopped, StringComparison.Ordinal);
        Assert.Equal(0, report.Added);
        Assert.DoesNotContain("up to date", UpdateSummary.Of(report), StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Store) && Directory.GetFiles(run.Store, "*.csv").Length > 0);
    }

    [Fact]
    public async Task ServiceUnavailable_AlwaysForOneTicker_IsThatSymbolsProblem_AndTheOthersUpdate()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali(), o => o.MaxAttempts = 2);
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        run.Site.Always(TcsChart, FakeFault.Unavailable());

        var report = await run.RunAsync(new UpdateRequest(["TCS", "INFY"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Null(report.Stopped);
        Assert.Equal("Yahoo answered 503 ServiceUnavailable for TCS.NS", report.Symbols[0].Problem);
        Assert.False(File.Exists(Path.Combine(run.Store, "TCS.csv")));
        Assert.Equal(run.Market.Bars("INFY"), run.Stored("INFY"));
    }

    [Fact]
    public async Task AnswerThatNeverComes_TimesOut_AndIsAskedAgain()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali(), o => o.Timeout = TimeSpan.FromSeconds(1));
        run.Bundle("TCS", 3);
        run.Site.Script(TcsChart, FakeFault.Hanging(new HangingRequest()));

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal((2, 1), (report.Requests, report.Retries));
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task SiteGoneMidRun_StopsSayingTheConnectionWasLost_AndKeepsWhatWasFetched()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        var hang = new HangingRequest();
        run.Site.Script("/v8/finance/chart/INFY.NS", FakeFault.Hanging(hang));

        var running = run.RunAsync(new UpdateRequest(["TCS", "INFY"], UpdateSource.Yahoo, To: Markets.LastSession));
        await hang.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await run.Site.DisposeAsync();
        var report = await running;

        Assert.Equal("Lost the connection: cannot reach 127.0.0.1 (connection refused). What was fetched is kept; run the update again to fetch the rest.", report.Stopped);
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
        Assert.Equal([run.Market.Calendar.Sessions.Count - 3, 0], report.Symbols.Select(s => s.Added));
    }

    [Fact]
    public async Task MinInterval_SpacesTheStartsOfRequests_OneAtATime()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali(), o => o.MinInterval = TimeSpan.FromSeconds(2));
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        run.Bundle("RELIANCE", 3);

        var report = await run.RunAsync(new UpdateRequest([], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal(3, report.Requests);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], run.Clock.Waits);
        Assert.All(run.Site.Requests, r => Assert.Equal(1, r.OpenAtArrival));
    }
}
