using ClaudBot.Backtesting.Tests.Support;

namespace ClaudBot.Backtesting.Tests;

public sealed class BacktestRunTests : IDisposable
{
    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Results_RunOneAtATime_AndMatchTheHeldReport()
    {
        var request = Requests.Of("rsi(period=7..21 step 7),macd", "TCS,INFY", "2022-01-01", "2023-12-31");
        var report = await _harness.Service.RunAsync(request, CancellationToken.None);

        var run = await _harness.Service.StartAsync(request, CancellationToken.None);
        var firstThree = run.Results(CancellationToken.None).Take(3).ToList();

        Assert.Equal(8, run.Count);
        Assert.Equal(report.Results.Count, run.Count);
        Assert.Equal(report.Notes, run.Notes);
        Assert.Equal(
            report.Results.Take(3).Select(r => (r.Strategy.ToString(), r.Symbol, r.Metrics, r.Trades.Count)),
            firstThree.Select(r => (r.Strategy.ToString(), r.Symbol, r.Metrics, r.Trades.Count)));
    }

    [Fact]
    public async Task Results_StopAtTheNextBacktest_WhenCancelled()
    {
        var run = await _harness.Service.StartAsync(Requests.Of("rsi(period=2..30)", "TCS", "2022-01-01", "2023-12-31"), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        int seen = 0;

        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var result in run.Results(cancel.Token))
            {
                seen++;
                cancel.Cancel();
            }
        });
        Assert.Equal(1, seen);
        Assert.Equal(29, run.Count);
    }
}
