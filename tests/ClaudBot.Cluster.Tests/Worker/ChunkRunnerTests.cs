using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Cluster.Tests.Worker;

public sealed class ChunkRunnerTests : IDisposable
{
    private static readonly DateOnly From = new(2022, 1, 1);
    private static readonly DateOnly To = new(2023, 12, 31);
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-runner-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static MarketDataStore Store(string directory, string cache) =>
        new(Options.Create(new MarketDataOptions { Directory = directory, CacheDirectory = cache }), NullLogger<MarketDataStore>.Instance);

    [Fact]
    public async Task Chunk_GivesOneResultPerTaskInOrder_MatchingTheBacktestService()
    {
        var store = Store(Support.TestServices.DataDirectory, Path.Combine(_scratch.FullName, "cache"));
        var chunk = new ChunkPayload("job1", 0, "TCS", From, To, 10, 1_000_000, 40, ["rsi(period=14, lower=30, upper=70)", "macd(fast=12, slow=26, signal=9)", "buy_hold"]);

        var output = await new ChunkRunner(store, ResiliencePipeline.Empty, Options.Create(new ClusterOptions()), TimeProvider.System).RunAsync(chunk, CancellationToken.None);

        var tasks = ChunkJson.Tasks(output, chunk);
        var service = new BacktestService(store, Options.Create(new BacktestOptions()));
        var expected = await service.RunAsync(new BacktestRequest("rsi,macd,buy_hold", ["TCS"], From, To) { CostBps = 10 }, CancellationToken.None);
        Assert.Equal((3, 0), (output.Tasks, output.Failed));
        Assert.Equal([40, 41, 42], tasks.Select(t => t.GetProperty("index").GetInt32()));
        Assert.Equal(["rsi", "macd", "buy_hold"], tasks.Select(t => t.GetProperty("strategy").GetString()));
        Assert.Equal(expected.Results.Select(r => r.Metrics.TotalReturn), tasks.Select(t => t.GetProperty("metrics").GetProperty("total_return").GetDouble()));
        Assert.Equal(expected.Results.Select(r => r.Trades.Count), tasks.Select(t => t.GetProperty("metrics").GetProperty("trades").GetInt32()));
        Assert.All(tasks, t => Assert.False(t.TryGetProperty("trades", out _)));
        Assert.Equal(expected.Results.Select(r => r.Market!.Benchmark.TotalReturn), tasks.Select(t => t.GetProperty("benchmark").GetProperty("total_return").GetDouble()));
        Assert.Equal(expected.Results.Select(r => r.Market!.ExcessReturn), tasks.Select(t => t.GetProperty("excess_return").GetDouble()));
        Assert.Equal(expected.Results.Select(r => r.Market!.Beta!.Value), tasks.Select(t => t.GetProperty("beta").GetDouble()));
        Assert.Equal(expected.Results.Select(r => r.Market!.Alpha!.Value), tasks.Select(t => t.GetProperty("alpha").GetDouble()));
        Assert.All(tasks, t => Assert.False(t.TryGetProperty("equity", out _)));

        var best = JsonDocument.Parse(output.SummaryJson).RootElement.GetProperty("best");
        double bestSharpe = expected.Results.Max(r => r.Metrics.Sharpe);
        Assert.Equal(bestSharpe, best.GetProperty("metrics").GetProperty("sharpe").GetDouble());
    }

    [Fact]
    public async Task Chunk_OnABadDataFile_RecordsEveryTaskAsFailedWithTheReason()
    {
        string data = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "BAD.csv"), "Date,Open,High,Low,Close,Volume\n2022-01-03,10,11,9,10,1\n2022-01-04,10,oops,9,10,1\n");
        var store = Store(data, Path.Combine(_scratch.FullName, "cache2"));
        var chunk = new ChunkPayload("job2", 3, "BAD", From, To, 10, 1_000_000, 7, ["rsi(period=14, lower=30, upper=70)", "buy_hold"]);
        int attempts = 0;
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new() { MaxRetryAttempts = 2, Delay = TimeSpan.Zero, OnRetry = _ => { attempts++; return ValueTask.CompletedTask; } })
            .Build();

        var output = await new ChunkRunner(store, retry, Options.Create(new ClusterOptions()), TimeProvider.System).RunAsync(chunk, CancellationToken.None);

        var tasks = ChunkJson.Tasks(output, chunk);
        Assert.Equal((2, 2), (output.Tasks, output.Failed));
        Assert.Equal(2, attempts);
        Assert.All(tasks, t => Assert.Contains("line 3", t.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.Equal([7, 8], tasks.Select(t => t.GetProperty("index").GetInt32()));
        Assert.False(JsonDocument.Parse(output.SummaryJson).RootElement.TryGetProperty("best", out _));
    }
}
