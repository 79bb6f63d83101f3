using ClaudBot.MarketData.Update;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>A split inside Yahoo's answer: the store keeps raw prices and the split, and a load adjusts them back.</summary>
public sealed class SplitUpdateTests
{
    private static readonly DateOnly SplitDay = new(2023, 11, 20);

    [Fact]
    public async Task Update_YahooWithASplit_StoresRawPricesAndTheSplit_AndALoadShowsYahoosAdjustedSeries()
    {
        var market = Markets.Diwali(new FakeSplit("TCS", SplitDay, 2, 1));
        await using var run = UpdateHarness.Start(market);

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, new DateOnly(2023, 11, 1), Markets.LastSession));

        Assert.Equal(1, report.SplitsRecorded);
        Assert.Contains("1 split recorded in actions.csv", UpdateSummary.Of(report), StringComparison.Ordinal);
        Assert.Equal(market.Bars("TCS"), run.Stored("TCS"));
        var actions = File.ReadAllLines(Path.Combine(run.Store, "actions.csv"));
        Assert.Equal(2, actions.Length);
        var header = actions[0].Split(',');
        var line = actions[1].Split(',');
        Assert.Equal(("2023-11-20", "TCS", "2"), (line[Array.IndexOf(header, "date")], line[Array.IndexOf(header, "symbol")], line[Array.IndexOf(header, "ratio")]));

        var loaded = (await run.Data().LoadAsync("TCS", lenient: false)).Bars;
        var expected = market.Bars("TCS");
        Assert.Equal(expected.Select(b => b.Day.DayNumber), loaded.Days);
        for (int i = 0; i < expected.Count; i++)
        {
            double factor = market.Factor("TCS", expected[i].Day);
            Assert.Equal(YahooChartJson.Adjusted(expected[i].Close, factor), loaded.Close[i], 0.005);
            Assert.Equal(YahooChartJson.Adjusted(expected[i].Low, factor), loaded.Low[i], 0.005);
            Assert.Equal(expected[i].Volume * factor, loaded.Volume[i]);
        }
    }

    [Fact]
    public async Task Update_RunAgain_RecordsTheSplitOnce()
    {
        var market = Markets.Diwali(new FakeSplit("TCS", SplitDay, 2, 1));
        await using var run = UpdateHarness.Start(market);
        await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 21)));

        var rest = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, To: Markets.LastSession));

        Assert.Equal(0, rest.SplitsRecorded);
        Assert.Equal(market.Bars("TCS").Count(b => b.Day > new DateOnly(2023, 11, 21)), rest.Added);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run.Store, "actions.csv")).Length);
        Assert.Equal(market.Bars("TCS"), run.Stored("TCS"));
    }

    [Fact]
    public async Task Update_EndingBeforeTheSplit_StoresRawPricesButNoSplitYet()
    {
        var market = Markets.Diwali(new FakeSplit("TCS", SplitDay, 2, 1));
        await using var run = UpdateHarness.Start(market);

        var report = await run.RunAsync(new UpdateRequest(["TCS"], UpdateSource.Yahoo, new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 17)));

        Assert.Equal(0, report.SplitsRecorded);
        Assert.False(File.Exists(Path.Combine(run.Store, "actions.csv")));
        Assert.Equal(market.Bars("TCS", to: new DateOnly(2023, 11, 17)), run.Stored("TCS"));
    }
}
