using System.Text.Json;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Portfolio;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// Portfolio jobs on a real cluster (a driver and worker processes, a real Redis): every parameter set of a grid runs as
/// one portfolio of the whole universe per positions count, as chunks like any sweep. The rows of four reference cases
/// (the issue's 5 symbols with 2 slots; its rule form, whose contested days are all ties settled by symbol; Zerodha
/// delivery with pct sizing and a stop; momentum ranking with strategies of their own) agree with the independent Python
/// reference (portfolio.json) to 1e-9; every other row is the engine's own portfolio of its setting; a worker killed
/// mid-run loses nothing.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class PortfolioJobTests(RedisServerFixture redis) : IDisposable
{
    private const double Tolerance = 1e-9;

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-portfoliojob-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Theory]
    [InlineData("issue-rsi-5x2", "rsi(period=7|14|21)", new[] { 1, 2, 3 }, "rsi(period=14, lower=30, upper=70)")]
    [InlineData("delivery-sma-pct-stop", "sma_cross(fast=20, slow=50|100)", new[] { 3, 5 }, "sma_cross(fast=20, slow=50)")]
    [InlineData("momentum63-per-symbol", "bollinger(period=20|30)", new[] { 3 }, "bollinger(period=20)")]
    [InlineData("issue-rule-5x2-ties", "buy when rsi(5) < 30, sell when rsi(5) > 70", new[] { 1, 2, 3 }, "buy when rsi(5) < 30, sell when rsi(5) > 70")]
    public async Task APortfolioGrid_RunsAsAJob_AndTheReferenceCaseAgreesWithTheReference(string name, string grid, int[] positions, string caseStrategy)
    {
        var expected = Reference.Read("portfolio.json").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        int slots = expected.GetProperty("max_positions").GetInt32();
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string> { ["Cluster:ChunkSize"] = "2" });
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");

        var (id, plan) = await cluster.Client.SubmitAsync(Request(expected, grid, positions), CancellationToken.None);
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(90));

        int sets = StrategyParser.Parse(grid).Parameters.Count;
        Assert.Equal((JobState.Completed, sets * positions.Length, 0), (job.State, job.TasksDone, job.TasksFailed));
        var rows = ClusterHarness.ReadResults(job);
        Assert.Equal(sets * positions.Length, rows.Length);

        // Every row is the portfolio of its own setting: task N is parameter set N mod P with the (N / P)-th positions count.
        var settings = PortfolioReferenceSettings(expected);
        var parameterSets = StrategyParser.Parse(grid).Parameters.Select(p => settings.Exits.Any ? p.WithExits(settings.Exits) : p).ToArray();
        foreach (var row in rows)
        {
            int index = row.GetProperty("index").GetInt32();
            int lanePositions = positions.Order().ElementAt(index / sets);
            var local = PortfolioSimulator.Run(settings with { Strategy = parameterSets[index % sets], MaxPositions = lanePositions });
            Assert.Equal(PortfolioJobSettings.LaneLabel(lanePositions), row.GetProperty("symbol").GetString());
            Assert.Equal(local.Metrics.Backtest.TotalReturn, row.GetProperty("metrics").GetProperty("total_return").GetDouble());
            Assert.Equal(local.Benchmark.Metrics.Sharpe, row.GetProperty("benchmark").GetProperty("sharpe").GetDouble());
            Assert.Equal(local.Days.Count, row.GetProperty("bars").GetInt32());
        }

        // The reference's case, as the cluster ranked it, to 1e-9.
        var report = expected.GetProperty("report");
        int caseSet = Array.FindIndex(parameterSets, p => p.ToString().StartsWith(caseStrategy[..^1], StringComparison.Ordinal));
        var caseRow = rows.Single(r => r.GetProperty("index").GetInt32() == (Array.IndexOf([.. positions.Order()], slots) * sets) + caseSet);
        AssertFigures(report.GetProperty("metrics"), caseRow.GetProperty("metrics"));
        AssertFigures(report.GetProperty("benchmark").GetProperty("metrics"), caseRow.GetProperty("benchmark"));
        Assert.Equal(ReferenceAssert.Date(report, "from"), DateOnly.Parse(caseRow.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // The report of that setting, run again from the job's spec, is the reference's too: curve and trades.
        var view = await cluster.Service<PortfolioJobReports>().RunAsync(job, parameterSets[caseSet].ToString(), slots, CancellationToken.None);
        var days = report.GetProperty("equity").EnumerateArray().ToArray();
        Assert.Equal(days.Length, view.Equity.Count);
        for (int k = 0; k < days.Length; k++)
        {
            Assert.Equal(days[k].GetDouble(), view.Equity[k], Tolerance);
        }

        Assert.Equal(report.GetProperty("trades").GetArrayLength(), view.Trades.Count);

        // Asked for none, the report is of the job's best row by the one ranking.
        var best = await cluster.Service<PortfolioJobReports>().RunAsync(job, null, null, CancellationToken.None);
        var top = rows.OrderByDescending(r => r.GetProperty("metrics").GetProperty("sharpe").GetDouble()).First();
        Assert.Equal(PortfolioJobSettings.LaneLabel(best.MaxPositions), top.GetProperty("symbol").GetString());
        Assert.Equal(top.GetProperty("metrics").GetProperty("total_return").GetDouble(), best.Portfolio.TotalReturn);
    }

    [Fact]
    public async Task AWorkerKilledMidRun_LosesNothing_AndEveryRowIsStillItsPortfolio()
    {
        var expected = Reference.Read("portfolio.json").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "issue-rsi-5x2");
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "1",
            ["Cluster:ThrottlePerTask"] = "00:00:00.040",
        });
        await cluster.StartNodeAsync("driver");
        await using var survivor = await cluster.StartNodeAsync("worker");
        await using var victim = await cluster.StartNodeAsync("worker");
        var (id, plan) = await cluster.Client.SubmitAsync(Request(expected, "rsi(period=5..20)", [1, 2, 3]), CancellationToken.None);

        await cluster.WaitForProgressAsync(id, 0.4, TimeSpan.FromSeconds(60));
        victim.Kill();
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(90));

        Assert.Equal((JobState.Completed, 48, 0), (job.State, job.TasksDone, job.TasksFailed));
        var rows = ClusterHarness.ReadResults(job);
        Assert.Equal(Enumerable.Range(0, plan.TaskCount), rows.Select(r => r.GetProperty("index").GetInt32()).Order());
        var settings = PortfolioReferenceSettings(expected);
        foreach (var row in rows.Where((_, i) => i % 7 == 0))
        {
            int index = row.GetProperty("index").GetInt32();
            var local = PortfolioSimulator.Run(settings with { Strategy = StrategyParser.Parse($"rsi(period={5 + (index % 16)})").Parameters[0], MaxPositions = 1 + (index / 16) });
            Assert.Equal(local.Metrics.Backtest.Sharpe, row.GetProperty("metrics").GetProperty("sharpe").GetDouble());
        }
    }

    [Fact]
    public async Task APlainJob_AskedForItsPortfolio_SaysWhatItIsInstead()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi", "TCS");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        var refused = await Assert.ThrowsAsync<PortfolioReportException>(() => cluster.Service<PortfolioJobReports>().RunAsync(job, null, null, CancellationToken.None));

        Assert.Equal($"Job {id} is not a portfolio job; its results are a ranked table ('results of job {id}').", refused.Message);
    }

    /// <summary>The reference case as a portfolio job: its symbols, period, execution and size, the grid and positions given.</summary>
    private static JobRequest Request(JsonElement json, string grid, int[] positions)
    {
        var execution = json.GetProperty("execution");
        string? Text(string name) => execution.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new JobRequest(grid, [.. json.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!)], ReferenceAssert.Date(json, "from"), ReferenceAssert.Date(json, "to"), "tests")
        {
            Execution = new ExecutionChoice(
                Text("costs"),
                execution.TryGetProperty("slippage_bps", out var slippage) ? slippage.GetDouble() : 0,
                Size: null,
                execution.TryGetProperty("whole_shares", out var whole) ? whole.GetBoolean() : null)
            {
                Exits = ReferenceExecution.Exits(execution),
            },
            Portfolio = new PortfolioJobSettings(positions)
            {
                Size = Text("size") ?? "slots",
                Rank = json.TryGetProperty("rank", out var rank) && rank.ValueKind == JsonValueKind.String ? rank.GetString()! : "strength",
                PerSymbol = json.TryGetProperty("per_symbol", out var own) ? own.EnumerateObject().ToDictionary(p => p.Name, p => StrategyText(p.Value)) : null,
            },
        };
    }

    // {"name":"rsi","period":7} as the text a trader types: rsi(period=7).
    private static string StrategyText(JsonElement spec)
    {
        var values = spec.EnumerateObject().Where(p => p.Name != "name").Select(p => $"{p.Name}={p.Value.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToArray();
        return values.Length == 0 ? spec.GetProperty("name").GetString()! : $"{spec.GetProperty("name").GetString()}({string.Join(", ", values)})";
    }

    private static PortfolioSettings PortfolioReferenceSettings(JsonElement json)
    {
        var execution = json.GetProperty("execution");
        var symbols = json.GetProperty("symbols").EnumerateArray().Select(s => TestBars.Load(s.GetString()!)).ToArray();
        return new PortfolioSettings(symbols, ReferenceAssert.Date(json, "from"), ReferenceAssert.Date(json, "to"), StrategyParser.Parse("rsi").Parameters[0], json.GetProperty("max_positions").GetInt32())
        {
            PerSymbol = json.TryGetProperty("per_symbol", out var own) ? own.EnumerateObject().ToDictionary(p => p.Name, p => StrategyParser.Parse(StrategyText(p.Value)).Parameters[0]) : new Dictionary<string, Engine.Strategies.StrategyParameters>(),
            Rank = PortfolioRanking.Parse(json.TryGetProperty("rank", out var rank) && rank.ValueKind == JsonValueKind.String ? rank.GetString()! : "strength"),
            Size = PortfolioSizing.Parse(execution.TryGetProperty("size", out var size) ? size.GetString()! : "slots"),
            Execution = ReferenceExecution.Execution(execution) with { InitialCapital = json.GetProperty("initial_capital").GetDouble() },
            Exits = ReferenceExecution.Exits(execution),
        };
    }

    private static void AssertFigures(JsonElement expected, JsonElement actual)
    {
        foreach (var figure in actual.EnumerateObject())
        {
            if (!expected.TryGetProperty(figure.Name, out var want))
            {
                continue;
            }

            if (want.ValueKind == JsonValueKind.Null || figure.Value.ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(want.ValueKind, figure.Value.ValueKind);
            }
            else
            {
                Assert.Equal(want.GetDouble(), figure.Value.GetDouble(), Tolerance);
            }
        }
    }
}
