using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Engine.Portfolio;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Cluster.Tests.Jobs;

/// <summary>What the planner makes of a portfolio job: one lane per positions count over the whole universe, and the refusals, each one line, before anything is queued.</summary>
public sealed class PortfolioPlanningTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-pfplan-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Lanes_ArePositionCounts_EachChunkCarriesTheUniverseWithItsFingerprints()
    {
        var plan = await PlanAsync(Request("rsi(period=7|14|21)", "TCS,INFY,SBIN", new PortfolioJobSettings([10, 2]) { Rank = "momentum( 63 )", Size = "pct:20" }), new Dictionary<string, string?> { ["Cluster:ChunkSize"] = "7" });

        // A portfolio task is a backtest per symbol: 7 / 3 symbols = 2 tasks a chunk.
        Assert.Equal(3 * 2, plan.TaskCount);
        Assert.Equal([2, 10], plan.Spec.Portfolio!.MaxPositions);
        Assert.Equal(("momentum(63)", "pct:20"), (plan.Spec.Portfolio.Rank, plan.Spec.Portfolio.Size));
        Assert.Equal(["2 positions", "10 positions"], plan.Spec.LaneSymbols());
        Assert.Equal(["2 positions", "2 positions", "10 positions", "10 positions"], plan.Chunks.Select(c => c.Symbol));
        Assert.Equal([0, 2, 3, 5], plan.Chunks.Select(c => c.FirstTask));
        Assert.All(plan.Chunks, c => Assert.Equal(["TCS", "INFY", "SBIN"], c.Portfolio!.Symbols));
        Assert.All(plan.Chunks, c => Assert.Equal(plan.Spec.Symbols.Select(s => plan.Spec.DataFingerprints![s]), c.Portfolio!.Fingerprints));
        Assert.Equal([2, 2, 10, 10], plan.Chunks.Select(c => c.Portfolio!.MaxPositions));

        // The portfolio's size is its own: the engine's execution sizing stays 'all', as a portfolio requires.
        Assert.All(plan.Chunks, c => Assert.Equal("all", c.Size));
    }

    [Theory]
    [InlineData(new[] { 0 }, null, null, "max_positions must be 1 to 1,000, not 0.")]
    [InlineData(new[] { 5, 5 }, null, null, "max_positions names a count twice (5, 5): give each once.")]
    [InlineData(new[] { 5 }, "all", null, "A portfolio's size cannot be 'all'")]
    [InlineData(new[] { 5 }, "pct:150", null, "A size of 150% of equity must be above 0% and at most 100%.")]
    [InlineData(new[] { 5 }, null, "volume", "A portfolio ranks by strength or momentum(N), not 'volume'.")]
    public async Task BadPortfolioSettings_AreRefusedInOneLine(int[] positions, string? size, string? rank, string message)
    {
        var refused = await Assert.ThrowsAsync<PortfolioException>(() => PlanAsync(Request("rsi", "TCS,INFY", new PortfolioJobSettings(positions) { Size = size ?? "slots", Rank = rank ?? "strength" })));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task AnExecutionSize_OrAWalkForwardBeside_IsRefused()
    {
        var sized = Request("rsi", "TCS", new PortfolioJobSettings([2])) with { Execution = new Backtesting.Execution.ExecutionChoice(null, null, "pct:10", null) };
        var both = Request("rsi", "TCS", new PortfolioJobSettings([2])) with { WalkForward = new WalkForwardSettings(new(12, 0), new(6, 0)) };

        Assert.Equal("A portfolio job is sized by its portfolio size (slots, pct:P or amount:A), not by size 'pct:10'.", (await Assert.ThrowsAsync<PortfolioException>(() => PlanAsync(sized))).Message);
        Assert.Equal("A job is a walk-forward or a portfolio, not both: ask for them one at a time.", (await Assert.ThrowsAsync<PortfolioException>(() => PlanAsync(both))).Message);
    }

    [Fact]
    public async Task ASymbolsOwnStrategy_IsStoredCanonical_WithTheRequestsExits_AndCarriedByEveryChunk()
    {
        var request = Request("rsi(period=7|14)", "TCS,INFY,SBIN", new PortfolioJobSettings([2]) { PerSymbol = new Dictionary<string, string> { ["sbin"] = "macd(fast=10)" } }) with
        {
            Execution = new Backtesting.Execution.ExecutionChoice(null, null, null, null) { Exits = new Engine.Simulation.ExitRules(Stop: 0.05) },
        };

        var plan = await PlanAsync(request);

        var own = Assert.Single(plan.Spec.Portfolio!.PerSymbol!);
        Assert.Equal("SBIN", own.Key);
        Assert.Equal(Engine.Strategies.Parsing.StrategyParser.Parse("macd(fast=10, stop=5%)").Parameters[0].ToString(), own.Value);
        Assert.All(plan.Chunks, c => Assert.Equal(plan.Spec.Portfolio.PerSymbol, c.Portfolio!.PerSymbol));
    }

    [Theory]
    [InlineData("WIPRO", "macd", "A strategy is given for WIPRO, which is not one of the portfolio's symbols.")]
    [InlineData("TCS", "macd(fast=10|12)", "TCS's own strategy must be one parameter set, not the grid 'macd(fast=10|12)'.")]
    [InlineData("TCS", "macd(stop=3%)", "TCS's own strategy has exits of its own; a portfolio's stop, target and trail are one for every position: give them with the request.")]
    public async Task ASymbolsOwnStrategy_ThatCannotRun_IsRefusedInOneLine(string symbol, string strategy, string message)
    {
        var request = Request("rsi", "TCS,INFY", new PortfolioJobSettings([2]) { PerSymbol = new Dictionary<string, string> { [symbol] = strategy } });

        var refused = await Assert.ThrowsAsync<PortfolioException>(() => PlanAsync(request));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public async Task TheTaskCap_CountsPositionCounts_NotSymbols()
    {
        var refused = await Assert.ThrowsAsync<JobTooLargeException>(() => PlanAsync(Request("rsi(period=2..11)", "TCS,INFY,SBIN", new PortfolioJobSettings([1, 2, 3, 4, 5, 6])), new Dictionary<string, string?> { ["Cluster:MaxTasks"] = "50" }));

        Assert.Equal("The job has 60 portfolio backtests (10 parameter sets x 6 position counts); the limit is 50 (Cluster:MaxTasks).", refused.Message);
    }

    private static JobRequest Request(string strategies, string symbols, PortfolioJobSettings portfolio) =>
        new(strategies, symbols.Split(','), new DateOnly(2021, 6, 1), new DateOnly(2024, 12, 31), "tester") { Portfolio = portfolio };

    private async Task<JobPlan> PlanAsync(JobRequest request, IDictionary<string, string?>? settings = null)
    {
        using var services = TestServices.Build("127.0.0.1:1", _scratch.FullName, settings);
        return await services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None);
    }
}
