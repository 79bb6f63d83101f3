using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Costs;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using ClaudBot.Engine.Simulation;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Cluster.Tests.Jobs;

/// <summary>A job's cost model, slippage, size and whole shares: resolved where it is planned, recorded in its spec, sent whole to workers.</summary>
public sealed class JobExecutionTests : IDisposable
{
    private static readonly CostModels Bundled = new(Path.Combine(AppContext.BaseDirectory, "costs"), null);

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-exec-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private Task<JobPlan> PlanAsync(ExecutionChoice? execution, IDictionary<string, string?>? settings = null)
    {
        using var services = TestServices.Build("127.0.0.1:1", _scratch.FullName, settings);
        var request = new JobRequest("rsi", ["TCS", "INFY"], new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), "tester") { Execution = execution };
        return services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task Plan_RecordsTheExecutionInTheSpec_AndSendsTheModelsComponentsToEveryChunk()
    {
        var plan = await PlanAsync(new ExecutionChoice("zerodha-delivery", 5, "pct:10"));

        var model = Bundled.Resolve("zerodha-delivery");
        Assert.Equal(("zerodha-delivery", model, 5.0, "pct:10", true), (plan.Spec.Costs, plan.Spec.CostModel, plan.Spec.SlippageBps, plan.Spec.Size, plan.Spec.WholeShares));
        var expected = new SimulationSettings(0, 1_000_000) { Costs = model, SlippageBps = 5, Sizing = new PositionSizing(SizingKind.Percent, 10), WholeShares = true };
        Assert.Equal(2, plan.Chunks.Count);
        Assert.All(plan.Chunks, chunk => Assert.Equal(expected, chunk.Settings()));
    }

    [Fact]
    public async Task Plan_WithNothingAsked_IsTodaysBps10()
    {
        var plan = await PlanAsync(null);

        Assert.Equal(("bps:10", (CostModel?)null, 0.0, "all", false), (plan.Spec.Costs, plan.Spec.CostModel, plan.Spec.SlippageBps, plan.Spec.Size, plan.Spec.WholeShares));
        Assert.All(plan.Chunks, chunk => Assert.Equal(new SimulationSettings(10, 1_000_000) { WholeShares = false }, chunk.Settings()));
    }

    [Fact]
    public async Task Plan_WithTheNodesOwnModelFile_SendsItsComponents_SoWorkersNeedNoFile()
    {
        string mine = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "costs")).FullName;
        File.WriteAllText(Path.Combine(mine, "my-broker.yaml"), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "costs", "zerodha-intraday.yaml"))
            .Replace("name: zerodha-intraday", "name: my-broker", StringComparison.Ordinal)
            .Replace("brokerage_max_rupees: 20", "brokerage_max_rupees: 15", StringComparison.Ordinal));

        var plan = await PlanAsync(new ExecutionChoice("my-broker"), new Dictionary<string, string?> { ["Backtest:CostModelsDirectory"] = mine });

        var chunk = JsonSerializer.Deserialize(JsonSerializer.Serialize(plan.Chunks[0], ClusterJson.Default.ChunkPayload), ClusterJson.Default.ChunkPayload)!;
        Assert.Equal("my-broker", chunk.Costs!.Name);
        Assert.Equal(15, chunk.Costs.BrokerageFlat);
        Assert.Equal(0.0003, chunk.Costs.BrokeragePercent, 1e-15);
        Assert.Equal(plan.Chunks[0].Settings(), chunk.Settings());
    }

    [Fact]
    public async Task Plan_WithAnUnknownModel_IsRefusedBeforeAnythingIsQueued()
    {
        var error = await Assert.ThrowsAsync<CostModelException>(() => PlanAsync(new ExecutionChoice("zerodha-delvery")));

        Assert.Equal("unknown cost model 'zerodha-delvery': did you mean zerodha-delivery? Known: bps:N, zerodha-delivery, zerodha-intraday", error.Message);
    }

    [Fact]
    public async Task Spec_AsStored_ShowsTheExecutionFields()
    {
        var plan = await PlanAsync(new ExecutionChoice("zerodha-intraday", 2, "amount:50000", false));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(plan.Spec, ClusterJson.Default.JobSpec));
        var spec = json.RootElement;
        Assert.Equal("zerodha-intraday", spec.GetProperty("costs").GetString());
        Assert.Equal(20, spec.GetProperty("cost_model").GetProperty("brokerage_flat").GetDouble());
        Assert.Equal(2, spec.GetProperty("slippage_bps").GetDouble());
        Assert.Equal("amount:50000", spec.GetProperty("size").GetString());
        Assert.False(spec.GetProperty("whole_shares").GetBoolean());
        Assert.Equal(new ExecutionChoice("zerodha-intraday", 2, "amount:50000", false) { Model = Bundled.Resolve("zerodha-intraday") }, plan.Spec.Execution());
    }

    [Fact]
    public async Task Worker_ChargesTheChunksModel_FeesOnEveryTrade()
    {
        var plan = await PlanAsync(new ExecutionChoice("zerodha-delivery"));
        var store = new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = TestServices.DataDirectory, CacheDirectory = Path.Combine(_scratch.FullName, "cache") }), NullLogger<MarketDataStore>.Instance);

        var output = await new ChunkRunner(store, ResiliencePipeline.Empty, Options.Create(new ClusterOptions()), TimeProvider.System).RunAsync(plan.Chunks[0], CancellationToken.None);

        // A cluster result keeps no trade list: its trades are the same backtest run again with the job's spec.
        var task = Assert.Single(ChunkJson.Tasks(output, plan.Chunks[0]));
        Assert.False(task.TryGetProperty("trades", out _));
        var trades = (await RerunAsync(store, plan)).Trades;
        Assert.NotEmpty(trades);
        Assert.All(trades, t => Assert.True(t.Fees > 0));
        Assert.Equal(trades.Sum(t => t.Fees), task.GetProperty("metrics").GetProperty("fees").GetDouble(), 1e-6);
    }

    // As the node's equity API runs a result again: the job's spec, through the same service.
    private static async Task<EquityCurve> RerunAsync(MarketDataStore store, JobPlan plan)
    {
        var (chunk, spec) = (plan.Chunks[0], plan.Spec);
        return await new BacktestService(store, Options.Create(new BacktestOptions()))
            .EquityAsync(chunk.Strategies[0], chunk.Symbol, spec.From, spec.To, spec.CostBps, spec.InitialCapital, spec.Execution(), CancellationToken.None);
    }

    [Fact]
    public async Task RequestExits_AreWrittenIntoTheStrategies_AndTheWorkerRunsThemAndNamesThemInItsResult()
    {
        var plan = await PlanAsync(new ExecutionChoice { Exits = new ExitRules(Stop: 0.02, Trail: 0.03) });
        var store = new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = TestServices.DataDirectory, CacheDirectory = Path.Combine(_scratch.FullName, "cache") }), NullLogger<MarketDataStore>.Instance);

        var output = await new ChunkRunner(store, ResiliencePipeline.Empty, Options.Create(new ClusterOptions()), TimeProvider.System).RunAsync(plan.Chunks[0], CancellationToken.None);

        Assert.Equal("rsi(stop=2%, trail=3%)", plan.Spec.Strategies);
        Assert.Equal(["rsi(period=14, lower=30, upper=70, stop=2%, trail=3%)"], plan.Chunks[0].Strategies);
        var task = Assert.Single(ChunkJson.Tasks(output, plan.Chunks[0]));
        var parameters = task.GetProperty("params");
        Assert.Equal((2.0, 3.0, false), (parameters.GetProperty("stop").GetDouble(), parameters.GetProperty("trail").GetDouble(), parameters.TryGetProperty("target", out _)));
        Assert.Contains((await RerunAsync(store, plan)).Trades, t => t.Reason is ExitReason.Stop or ExitReason.Trail);
    }

    [Fact]
    public async Task RequestExit_OnARuleThatHasOne_IsRefusedBeforeAnythingIsQueued()
    {
        using var services = TestServices.Build("127.0.0.1:1", _scratch.FullName);
        var request = new JobRequest("hold while close > sma(50), stop 4%", ["TCS"], new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), "tester")
        {
            Execution = new ExecutionChoice { Exits = new ExitRules(Stop: 0.05) },
        };

        var error = await Assert.ThrowsAsync<Engine.Strategies.StrategySpecException>(() => services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None));

        Assert.Equal("The rule already ends with a stop; give the stop in one place.", error.Message);
    }
}
