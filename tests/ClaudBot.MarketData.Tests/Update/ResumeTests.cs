using ClaudBot.MarketData.Update;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>A run cut short mid-request (cancelled while the site holds a request): the next run fetches only what remains.</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task Nse_CancelledWhileADayIsFetched_NextRunStartsAtThatDay_AndEndsWithEveryBar()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        // Held the day after the holiday: the holiday's 404 is journaled but stores nothing, so only the journal spares it.
        var held = new DateOnly(2023, 11, 15);
        var hang = new HangingRequest();
        run.Site.Script(BhavcopyZip.PathOf(held), FakeFault.Hanging(hang));
        var request = new UpdateRequest(["TCS", "INFY"], UpdateSource.Nse, To: Markets.LastSession);

        using var cancel = new CancellationTokenSource();
        var first = run.RunAsync(request, cancel.Token);
        await hang.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var fetched = run.Site.Requests.Where(r => r.Status is 200 or 404).Select(r => r.Path).ToList();
        Assert.True(File.Exists(Path.Combine(run.Store, UpdateJournal.FolderName, "journal.json")));
        Assert.Equal(run.Market.Bars("TCS", to: held.AddDays(-1)), run.Stored("TCS"));
        run.Site.ClearRequests();

        var second = await run.RunAsync(request);

        var asked = run.Site.Requests.Select(r => r.Path).ToList();
        Assert.Empty(asked.Intersect(fetched));
        Assert.Equal(BhavcopyZip.PathOf(held), asked[0]);
        Assert.Equal(Markets.LastSession.DayNumber - held.DayNumber + 1, asked.Count);
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
        Assert.Equal(run.Market.Bars("INFY"), run.Stored("INFY"));
        Assert.Equal(2 * run.Market.Bars("TCS", held).Count, second.Added);
        Assert.False(File.Exists(Path.Combine(run.Store, UpdateJournal.FolderName, "journal.json")));
    }

    [Fact]
    public async Task Yahoo_CancelledOnTheSecondSymbol_NextRunAsksOnlyForTheSecondAndThird()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        run.Bundle("RELIANCE", 3);
        var hang = new HangingRequest();
        run.Site.Script("/v8/finance/chart/INFY.NS", FakeFault.Hanging(hang));

        // To the Saturday: TCS, finished, still lacks that day; only the journal says it was asked.
        var request = new UpdateRequest(["TCS", "INFY", "RELIANCE"], UpdateSource.Yahoo, To: Markets.Saturday);
        using var cancel = new CancellationTokenSource();
        var first = run.RunAsync(request, cancel.Token);
        await hang.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        run.Site.ClearRequests();

        var second = await run.RunAsync(request);

        Assert.Equal(["/v8/finance/chart/INFY.NS", "/v8/finance/chart/RELIANCE.NS"], run.Site.Requests.Select(r => r.Path));
        Assert.Equal([0, run.Market.Calendar.Sessions.Count - 3, run.Market.Calendar.Sessions.Count - 3], second.Symbols.Select(s => s.Added));
        Assert.All(run.Market.Symbols, s => Assert.Equal(run.Market.Bars(s), run.Stored(s)));
    }

    [Fact]
    public async Task Journal_OfAnotherLastDay_IsNotTrusted()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);
        var hang = new HangingRequest();
        run.Site.Script("/v8/finance/chart/TCS.NS", FakeFault.Hanging(hang));
        using var cancel = new CancellationTokenSource();
        var first = run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.Saturday), cancel.Token);
        await hang.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        run.Site.ClearRequests();

        var other = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal(["/v8/finance/chart/TCS.NS"], run.Site.Requests.Select(r => r.Path));
        Assert.Equal(run.Market.Bars("TCS"), run.Stored("TCS"));
        Assert.Equal(run.Market.Calendar.Sessions.Count - 3, other.Added);
    }
}
