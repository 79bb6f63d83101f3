using ClaudBot.MarketData.Update;
using ClaudBot.Testing;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>No connection can be made (a closed port refuses it): one line, and the store is left exactly as it was.</summary>
public sealed class OfflineTests
{
    [Theory]
    [InlineData(UpdateSource.Yahoo)]
    [InlineData(UpdateSource.Nse)]
    public async Task Update_Offline_SaysSoInOneLine_AndChangesNothing(UpdateSource source)
    {
        await using var run = UpdateHarness.Start(Markets.Diwali(new FakeSplit("TCS", new DateOnly(2023, 11, 20), 2, 1)));
        run.Bundle("TCS", 3);
        run.Bundle("INFY", 3);
        await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: new DateOnly(2023, 11, 21)));
        var store = StoredBars.Snapshot(run.Store);
        var bundled = StoredBars.Snapshot(run.Bundled);
        var closed = new Uri($"http://127.0.0.1:{TestPorts.Free()}/");

        var report = await run.RunAsync(new UpdateRequest([], source, To: Markets.LastSession), closed);

        Assert.NotNull(report.Stopped);
        Assert.StartsWith("Offline: cannot reach 127.0.0.1 (connection refused); nothing was changed.", report.Stopped, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', report.Stopped);
        Assert.Equal(0, report.Added);
        Assert.Contains("actions.csv", store.Keys);
        Assert.Equal(store, StoredBars.Snapshot(run.Store));
        Assert.Equal(bundled, StoredBars.Snapshot(run.Bundled));
    }

    [Fact]
    public async Task Update_OfflineWithAnEmptyStore_CreatesNoFolder()
    {
        await using var run = UpdateHarness.Start(Markets.Diwali());
        run.Bundle("TCS", 3);

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Nse, To: Markets.LastSession), new Uri($"http://127.0.0.1:{TestPorts.Free()}/"));

        Assert.StartsWith("Offline:", report.Stopped, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Store));
    }
}
