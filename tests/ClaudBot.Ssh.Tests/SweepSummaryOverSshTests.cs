using System.Diagnostics;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.MarketData;
using ClaudBot.Ssh.Tests.Server;
using ClaudBot.Targets;
using Xunit.Abstractions;

namespace ClaudBot.Ssh.Tests;

/// <summary>
/// A sweep's summary reaches a client over SSH from the node's stored summary, not by moving the results file:
/// measured side by side with the old way (the file over SFTP, ranked here). Figures go to the test output;
/// speed targets belong to benchmarks, so the test asserts what was received, not how fast.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SweepSummaryOverSshTests(ITestOutputHelper output)
{
    // claudbot-node bench's sweep: 600 parameter sets per symbol, 29,400 backtests over the 49 symbols.
    private const string Sweep =
        "rsi(period=5..28, lower=20|25|30|35|40)," +
        "macd(fast=5..16, slow=20..29)," +
        "momentum(lookback=5..124)," +
        "sma_cross(fast=10..21, slow=50..140 step 10)," +
        "bollinger(period=10..33, k=1..3 step 0.5)";

    [Fact]
    public async Task SummaryOfA29400BacktestSweep_ComesFromTheNodesStoredSummary_ThroughTheApiTunnel()
    {
        await using var server = await ServerHost.StartAsync();
        await NodeInstall.InstallAsync(server);
        using var keys = new Testing.TempDirectory("claudbot-sshkey-");
        var (identity, publicLine) = await ClientKeys.CreateAsync(keys.Path);
        server.AuthorizeKey(publicLine);

        // The node's API listens on 3000 on the server's own loopback, as installed by setup.
        await using var bot = await SshBotHarness.StartAsync(server, identity, dashboardPort: 3000);
        Assert.True((await bot.SayAsync("start cluster")).Succeeded);
        var target = bot.Get<IClusterTarget>();
        var client = await target.ClientAsync(CancellationToken.None);
        string[] symbols = [.. bot.Get<IMarketData>().Symbols];
        var clock = Stopwatch.StartNew();
        var (id, plan) = await client.SubmitAsync(new JobRequest(Sweep, symbols, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "test"), CancellationToken.None);
        var job = await client.WaitAsync(id, null, CancellationToken.None);
        output.WriteLine($"sweep of {plan.TaskCount:N0} backtests on the namespace host: {clock.Elapsed.TotalSeconds:0.00} s, state {job.State.ToName()}");
        Assert.Equal(29_400, job.TasksTotal);

        var api = bot.Get<NodeApiClient>();
        var timings = new List<double>();
        ResultsSummary? summary = null;
        for (int i = 0; i < 6; i++)
        {
            clock.Restart();
            summary = await api.SummaryAsync(id, 10, CancellationToken.None);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        clock.Restart();
        ResultsSummary fromFile;
        long bytes;
        await using (var stream = await target.OpenResultsAsync(job, CancellationToken.None))
        {
            var counting = new MemoryStream();
            await stream.CopyToAsync(counting);
            bytes = counting.Length;
            counting.Position = 0;
            fromFile = await ResultsFileReader.ReadSummaryAsync(counting, 10, CancellationToken.None);
        }

        double fileMs = clock.Elapsed.TotalMilliseconds;
        output.WriteLine($"summary through the node API over SSH: first {timings[0]:0} ms (tunnel opened), then median {timings.Skip(1).Order().ElementAt(2):0} ms of 5");
        output.WriteLine($"the old way, results file ({bytes / 1048576.0:0.0} MB) over SFTP and ranked here: {fileMs:0} ms");

        Assert.Equal(29_400, summary!.TasksTotal);
        Assert.Equal(10, summary.Top.Count);
        Assert.Equal(fromFile.Top.Select(r => (r.Index, r.Sharpe)), summary.Top.Select(r => (r.Index, r.Sharpe)));
        Assert.Equal(fromFile.BestBySymbol.Count, summary.BestBySymbol.Count);
        Assert.True((await bot.SayConfirmedAsync("stop cluster")).Succeeded);
    }
}
