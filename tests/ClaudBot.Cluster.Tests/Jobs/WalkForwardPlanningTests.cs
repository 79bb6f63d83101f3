using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.WalkForward;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Cluster.Tests.Jobs;

/// <summary>What the planner makes of a walk-forward: lanes of (symbol, window), and the refusals, each one line, before anything is queued.</summary>
public sealed class WalkForwardPlanningTests : IDisposable
{
    private static readonly WalkForwardSettings TwoYearsInSixMonthsOut = new(new PeriodLength(24, 0), new PeriodLength(6, 0));

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-wfplan-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Lanes_AreSymbolsTimesWindows_EachOverItsInSamplePart_TaskByTaskInLaneOrder()
    {
        var plan = await PlanAsync(Request("rsi(period=7|14)", "TCS,INFY", TwoYearsInSixMonthsOut), new Dictionary<string, string?> { ["Cluster:ChunkSize"] = "1" });

        Assert.Equal(2 * 4 * 2, plan.TaskCount);
        Assert.Equal(4, plan.Spec.Windows!.Count);
        Assert.Equal("sharpe", plan.Spec.WalkForward!.Objective);
        Assert.Equal(new PeriodLength(6, 0), plan.Spec.WalkForward.Step);
        var lanes = plan.Chunks.Where((_, i) => i % 2 == 0).ToList();
        Assert.Equal(["TCS", "TCS", "TCS", "TCS", "INFY", "INFY", "INFY", "INFY"], lanes.Select(c => c.Symbol));
        Assert.Equal(plan.Spec.Windows.Concat(plan.Spec.Windows).Select(w => (w.InFrom, w.InTo)), lanes.Select(c => (c.From, c.To)));
        Assert.Equal(Enumerable.Range(0, 16), plan.Chunks.Select(c => c.FirstTask));

        // Each lane's fingerprint is of the bars its in-sample part reads, so a worker with other bars there refuses it.
        Assert.Equal(8, lanes.Select(c => c.DataFingerprint).Distinct().Count());
    }

    [Fact]
    public async Task AWindowWithoutBars_IsRefused_NamingTheSymbolTheWindowAndTheData()
    {
        var refused = await Assert.ThrowsAsync<DateRangeException>(() => PlanAsync(Request("rsi", "TCS", new WalkForwardSettings(new PeriodLength(12, 0), new PeriodLength(6, 0)), "2019-06-01", "2022-12-31")));

        Assert.Equal("TCS has no bars in window 1's in-sample part (2019-06-01 to 2020-05-31); its data covers 2021-01-27 to 2026-01-23: choose a period within it or leave TCS out.", refused.Message);
    }

    [Theory]
    [InlineData("omega_ratio", 5, "'omega_ratio' is not a metric a walk-forward can pick by")]
    [InlineData("sharpe", -1, "The least in-sample trades of a pick must be 0 to 10,000, not -1.")]
    public async Task AnUnknownObjective_OrATradeCountOutOfRange_IsRefused(string objective, int minTrades, string message)
    {
        var refused = await Assert.ThrowsAsync<FormatException>(() => PlanAsync(Request("rsi", "TCS", TwoYearsInSixMonthsOut with { Objective = objective, MinTrades = minTrades })));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTaskCap_CountsWindows()
    {
        var refused = await Assert.ThrowsAsync<JobTooLargeException>(() => PlanAsync(Request("rsi(period=2..11)", "TCS,INFY", TwoYearsInSixMonthsOut), new Dictionary<string, string?> { ["Cluster:MaxTasks"] = "50" }));

        Assert.Equal("The job has 80 backtests (10 parameter sets x 2 symbols x 4 windows); the limit is 50 (Cluster:MaxTasks).", refused.Message);
    }

    private static JobRequest Request(string strategies, string symbols, WalkForwardSettings walkForward, string from = "2021-01-01", string to = "2024-12-31") =>
        new(strategies, symbols.Split(','), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), "tester")
        {
            WalkForward = walkForward,
        };

    private async Task<JobPlan> PlanAsync(JobRequest request, IDictionary<string, string?>? settings = null)
    {
        using var services = TestServices.Build("127.0.0.1:1", _scratch.FullName, settings);
        return await services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None);
    }
}
