using ClaudBot.Backtesting;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// A written rule and its grid run on the cluster like any job: each task travels as the canonical text of its grid point,
/// and each result is the same backtest the CLI's engine gives for that text.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class RuleJobTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-rulejob-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task RuleGridJob_RunsEveryPoint_AsItsCanonicalText_WithTheEnginesNumbers()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");

        var (id, plan) = await cluster.SubmitAsync("BUY WHEN rsi(2|3) < 10 and close > sma(200); sell when rsi(2) > 70|80", "TCS,INFY", "2022-01-01", "2024-12-31");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        Assert.Equal((JobState.Completed, 8, 0), (job.State, job.TasksDone, job.TasksFailed));
        string[] points =
        [
            "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70",
            "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 80",
            "buy when rsi(3) < 10 and close > sma(200), sell when rsi(2) > 70",
            "buy when rsi(3) < 10 and close > sma(200), sell when rsi(2) > 80",
        ];
        var results = ClusterHarness.ReadResults(job);
        Assert.Equal(
            points.SelectMany(p => new[] { (p, "TCS"), (p, "INFY") }).Order(),
            results.Select(r => (r.GetProperty("strategy").GetString()!, r.GetProperty("symbol").GetString()!)).Order());

        var local = await cluster.Service<BacktestService>().RunAsync(
            new BacktestRequest(points[2], ["INFY"], new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31)), CancellationToken.None);
        var remote = results.Single(r => r.GetProperty("strategy").GetString() == points[2] && r.GetProperty("symbol").GetString() == "INFY");
        Assert.Equal(local.Results[0].Metrics.FinalEquity, remote.GetProperty("metrics").GetProperty("final_equity").GetDouble());
        Assert.Equal(local.Results[0].Metrics.Trades, remote.GetProperty("metrics").GetProperty("trades").GetInt32());
        Assert.True(local.Results[0].Metrics.Trades > 0);
    }
}
