using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting.Tests;

/// <summary>The cluster's task cap (Cluster:MaxTasks) holds for local backtests too, checked before any work.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task GridTimesSymbolsOverTheClustersMaxTasks_IsRefusedBeforeLoading()
    {
        using var harness = new BacktestHarness(settings: new Dictionary<string, string?> { ["Cluster:MaxTasks"] = "5" });

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(
            () => harness.RunAsync(Requests.Of("rsi(period=7..21 step 7)", "TCS,INFY", "2022-01-01", "2022-12-31")));

        Assert.Equal("The request has 6 backtests (3 parameter sets x 2 symbols); the limit is 5 (Cluster:MaxTasks).", error.Message);
        Assert.Empty(harness.CachedSymbols);
        Assert.True(InputErrors.IsInputError(error));
    }

    [Fact]
    public async Task TenThousandSymbols_AreRefusedByTheTaskCap_BeforeAnyIsLookedUp()
    {
        using var harness = new BacktestHarness(settings: new Dictionary<string, string?> { ["Cluster:MaxTasks"] = "1000" });
        string symbols = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"S{i}"));

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(
            () => harness.RunAsync(Requests.Of("rsi", symbols, "2022-01-01", "2022-12-31")));

        Assert.Equal("The request has 10,000 backtests (1 parameter sets x 10,000 symbols); the limit is 1,000 (Cluster:MaxTasks).", error.Message);
    }

    [Fact]
    public async Task GridAtTheClustersMaxTasks_Runs()
    {
        using var harness = new BacktestHarness(settings: new Dictionary<string, string?> { ["Cluster:MaxTasks"] = "6" });

        var report = await harness.RunAsync(Requests.Of("rsi(period=7..21 step 7)", "TCS,INFY", "2022-01-01", "2022-12-31"));

        Assert.Equal(6, report.Results.Count);
    }

    [Fact]
    public async Task ManyUnknownSymbols_AreNamedFiveAtATime_NotAllEchoed()
    {
        using var harness = new BacktestHarness();
        string symbols = string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"QQ{i}"));

        var error = await Assert.ThrowsAsync<UnknownSymbolException>(
            () => harness.RunAsync(Requests.Of("rsi", symbols, "2022-01-01", "2022-12-31")));

        Assert.Equal(2_000, error.Unknown.Count);
        Assert.EndsWith(" and 1,995 more. To see all 49 available, ask for the symbol list.", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, $"message is {error.Message.Length} characters");
    }

    [Fact]
    public void A100KbDate_IsQuotedAsAShortExcerpt()
    {
        string huge = string.Concat(Enumerable.Repeat("2020-01-01\n", 10_000));

        var error = Assert.Throws<FormatException>(() => InputDates.Parse(huge, "from"));

        Assert.Equal(@"'2020-01-01\n2020-01-01\n2020-01-01\n2020-01…' is not a valid from date: use YYYY-MM-DD, e.g. 2020-01-31.", error.Message);
    }
}
