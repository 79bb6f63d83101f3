using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Cluster.Tests.Jobs;

public sealed class JobPlannerTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-planner-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private Task<JobPlan> PlanAsync(JobRequest request, IDictionary<string, string?>? settings = null)
    {
        using var services = TestServices.Build("127.0.0.1:1", _scratch.FullName, settings);
        return services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None);
    }

    private static JobRequest Request(string strategies, string symbols, string from = "2022-01-01", string to = "2023-12-31") =>
        new(strategies, symbols.Split(','), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), "tester");

    [Fact]
    public async Task Plan_GroupsTasksBySymbolInChunksOfTheConfiguredSize()
    {
        var plan = await PlanAsync(Request("rsi(period=2..11)", "TCS,INFY"), new Dictionary<string, string?> { ["Cluster:ChunkSize"] = "4" });

        Assert.Equal(20, plan.TaskCount);
        Assert.Equal([4, 4, 2, 4, 4, 2], plan.Chunks.Select(c => c.Strategies.Count));
        Assert.Equal(["TCS", "TCS", "TCS", "INFY", "INFY", "INFY"], plan.Chunks.Select(c => c.Symbol));
        Assert.Equal([0, 4, 8, 10, 14, 18], plan.Chunks.Select(c => c.FirstTask));
        Assert.Equal(Enumerable.Range(0, 6), plan.Chunks.Select(c => c.Index));
        Assert.Equal("rsi(period=2, lower=30, upper=70)", plan.Chunks[0].Strategies[0]);
    }

    [Fact]
    public async Task Plan_ResolvesAliasesAndClipsWithNotes()
    {
        var plan = await PlanAsync(Request("rsi", "HDFC", "2020-01-01", "2022-12-31"));

        Assert.Equal(["HDFCBANK"], plan.Spec.Symbols);
        Assert.Contains(plan.Notes, n => n.Contains("HDFC resolves to HDFCBANK", StringComparison.Ordinal));
        Assert.Contains("HDFCBANK: data covers 2021-01-27 to 2026-01-23, so ran 2021-01-27 to 2022-12-30 (asked 2020-01-01 to 2022-12-31).", plan.Notes);
        Assert.Equal(10, plan.Spec.CostBps);
        Assert.Equal("tester", plan.Spec.SubmittedBy);
    }

    [Fact]
    public async Task Plan_OverTheTaskCap_IsRefusedWithTheCounts()
    {
        var error = await Assert.ThrowsAsync<JobTooLargeException>(() => PlanAsync(Request("rsi(period=2..101)", "TCS,INFY,WIPRO"), new Dictionary<string, string?> { ["Cluster:MaxTasks"] = "250" }));

        Assert.Equal("The request has 300 backtests (100 parameter sets x 3 symbols); the limit is 250 (Cluster:MaxTasks).", error.Message);
    }

    [Fact]
    public async Task Plan_WhoseResultsOutgrowTheMemoryAllowed_IsRefusedInOneLineWithWhatFits()
    {
        // 9,000 backtests x 48 bytes + 3,000 parameter sets x 1,024 bytes = 3.3 MB, over the 1 MB allowed; at 389 bytes a
        // backtest (the job's own mix) 2,695 fit.
        var settings = new Dictionary<string, string?> { ["Cluster:MaxJobMemoryMb"] = "1" };

        var error = await Assert.ThrowsAsync<JobTooLargeException>(() => PlanAsync(Request("rsi(period=2..101, lower=10..39)", "TCS,INFY,WIPRO"), settings));

        Assert.Equal(
            "The job would take about 3 MB of the node's memory while it runs (9,000 backtests); the node allows 1 MB (Cluster:MaxJobMemoryMb). Ask for fewer parameter sets or symbols (about 2,695 backtests like these fit), or raise the setting.",
            error.Message);
        Assert.Equal((9_000 * JobMemoryEstimate.BytesPerTask) + (3_000 * JobMemoryEstimate.BytesPerParameterSet), JobMemoryEstimate.Of(9_000, 3_000));
    }

    [Fact]
    public async Task Plan_WithinTheMemoryAllowed_IsPlanned()
    {
        var plan = await PlanAsync(Request("rsi(period=2..101)", "TCS,INFY"), new Dictionary<string, string?> { ["Cluster:MaxJobMemoryMb"] = "1" });

        Assert.Equal(200, plan.TaskCount);
    }

    [Fact]
    public void Budget_Unset_IsHalfTheMemoryTheProcessCanSee()
    {
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2, JobMemoryEstimate.BudgetBytes(new ClusterOptions()));
        Assert.Equal(3L << 20, JobMemoryEstimate.BudgetBytes(new ClusterOptions { MaxJobMemoryMb = 3 }));
    }

    [Fact]
    public async Task Plan_WithBadInput_RaisesTheSpecificError()
    {
        await Assert.ThrowsAsync<StrategySpecException>(() => PlanAsync(Request("rsx", "TCS")));
        await Assert.ThrowsAsync<UnknownSymbolException>(() => PlanAsync(Request("rsi", "TCSS")));
        await Assert.ThrowsAsync<InvalidSymbolException>(() => PlanAsync(Request("rsi", "TCS;rm -rf /")));
        await Assert.ThrowsAsync<DateRangeException>(() => PlanAsync(Request("rsi", "TCS", "2023-01-01", "2022-01-01")));
        await Assert.ThrowsAsync<DateRangeException>(() => PlanAsync(Request("rsi", "TCS", "2010-01-01", "2010-12-31")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PlanAsync(Request("rsi", "TCS") with { CostBps = -1 }));
    }
}
