using System.Diagnostics;
using System.Globalization;
using ClaudBot.Bot.Notifications;
using ClaudBot.Bot.Targets.Local;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Testing;

namespace ClaudBot.Bot.Tests.Notifications;

/// <summary>
/// The watch over a real local node (embedded queue server, driver, worker), its alerts on a fake clock: the queue
/// server lost and back, told once each, then held within the window and counted into the next.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ClusterWatchTests
{
    [Fact]
    public async Task QueueServerLostAndBack_IsToldToSubscribedChatsOnly_RateLimitedPerKindOnTheFakeClock()
    {
        await using var bot = await BotHarness.StartAsync(fakeClock: true);
        var clock = bot.Clock!;
        var watch = bot.Get<ClusterWatch>();
        Assert.Contains("Cluster started", BotHarness.Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        Assert.StartsWith("Subscribed:", BotHarness.Text(await bot.SayAsync("tell me when jobs finish")), StringComparison.Ordinal);
        Assert.StartsWith("Already subscribed:", BotHarness.Text(await bot.SayAsync("subscribe")), StringComparison.Ordinal);
        Assert.StartsWith("Subscribed:", BotHarness.Text(await bot.SayAsync("notify me when jobs end", chat: "chat-2")), StringComparison.Ordinal);
        Assert.StartsWith("Unsubscribed:", BotHarness.Text(await bot.SayAsync("stop telling me when jobs finish", chat: "chat-2")), StringComparison.Ordinal);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        await bot.Target.StopAsync(CancellationToken.None);
        var lost = Assert.Single(await watch.PollAsync("test", CancellationToken.None));
        Assert.Equal(("chat-1", AlertKind.QueueServerLost), (lost.Chat, lost.Alert));
        Assert.StartsWith("The cluster's queue server cannot be reached", lost.Text, StringComparison.Ordinal);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(2));
        await bot.Target.StartAsync(CancellationToken.None);
        var back = Assert.Single(await watch.PollAsync("test", CancellationToken.None));
        Assert.Equal(AlertKind.QueueServerBack, back.Alert);
        Assert.Equal("The cluster's queue server answers again (it was away 2 min 0 s).", back.Text);

        // Lost and back again within ten minutes of the first: both held, and counted.
        await bot.Target.StopAsync(CancellationToken.None);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));
        await bot.Target.StartAsync(CancellationToken.None);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(10));
        await bot.Target.StopAsync(CancellationToken.None);
        var later = Assert.Single(await watch.PollAsync("test", CancellationToken.None));
        Assert.EndsWith("(and 1 more like it since 09:00 UTC)", later.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerKilled_IsToldAsLost_OnceItsHeartbeatExpires()
    {
        // A heartbeat lasts twice the visibility timeout: two seconds here, a minute by default.
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Cluster:VisibilityTimeout"] = "00:00:01" });
        var watch = bot.Get<ClusterWatch>();
        Assert.Contains("Cluster started", BotHarness.Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        Assert.StartsWith("Subscribed:", BotHarness.Text(await bot.SayAsync("subscribe")), StringComparison.Ordinal);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        var worker = (await bot.Target.StatusAsync(CancellationToken.None)).Processes.Single(p => p.Name.StartsWith("worker", StringComparison.Ordinal));
        using (var process = Process.GetProcessById(worker.Pid))
        {
            process.Kill();
        }

        IReadOnlyList<ChatNotice> notices = [];
        var waited = Stopwatch.StartNew();
        while (notices.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            notices = await watch.PollAsync("test", CancellationToken.None);
        }

        var lost = Assert.Single(notices);
        Assert.Equal(("chat-1", AlertKind.WorkerLost), (lost.Chat, lost.Alert));
        Assert.Matches(@"^Worker \S+ on \S+ stopped sending heartbeats", lost.Text);
    }
    [Fact]
    public async Task BoxWhoseDataDiffer_IsToldAsRefusedOnce_NamingBoxAndFile()
    {
        using var boxData = new TempDirectory("claudbot-box-data-");
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.csv"))
        {
            File.Copy(file, boxData.Combine(Path.GetFileName(file)));
        }

        ChangeOneClose(Path.Combine(AppContext.BaseDirectory, "data", "TCS.csv"), boxData.Path);
        await using var bot = await BotHarness.StartAsync();
        var watch = bot.Get<ClusterWatch>();
        Assert.Contains("Cluster started", BotHarness.Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        Assert.StartsWith("Subscribed:", BotHarness.Text(await bot.SayAsync("subscribe")), StringComparison.Ordinal);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        // A second box's worker on the same queue server: a real node process that calls itself w2, with its own data.
        var start = bot.Get<NodeProgram>().StartInfo("run", "--role", "worker");
        start.Environment["CLAUDBOT_Cluster__BoxName"] = "w2";
        start.Environment["CLAUDBOT_MarketData__Directory"] = boxData.Path;
        start.Environment["CLAUDBOT_MarketData__CacheDirectory"] = boxData.Combine("cache");
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var box = Process.Start(start)!;
        box.BeginOutputReadLine();
        box.BeginErrorReadLine();
        try
        {
            var refused = await FirstNoticesAsync(watch, TimeSpan.FromSeconds(30));
            var alert = Assert.Single(refused);
            Assert.Equal(("chat-1", AlertKind.BoxRefused), (alert.Chat, alert.Alert));
            Assert.Equal("Box w2: data file TCS.csv differs from the server's: it takes no work until it matches the server again (see 'monitor cluster').", alert.Text);
            Assert.Empty(await watch.PollAsync("test", CancellationToken.None));
        }
        finally
        {
            box.Kill(entireProcessTree: true);
            await box.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task JobWithFailedBacktests_IsToldOnceAsAnAlert_BesideItsEndLine()
    {
        // INFY's bars change (a user file layered over the bundled one) after the job is planned and before the only slot,
        // held three seconds by TCS's tasks, reaches INFY's chunk: the worker refuses bars that differ from the planner's,
        // so INFY's backtests fail and the job ends completed with errors, as a job on a box with stale data would.
        string userData = Directory.CreateTempSubdirectory("claudbot-user-data-").FullName;
        try
        {
            await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
            {
                ["MarketData:UserDirectory"] = userData,
                ["Cluster:ChunkSize"] = "1",
                ["Cluster:WorkerSlots"] = "1",
                ["Cluster:ThrottlePerTask"] = "00:00:01",
                ["Cluster:RefuseMismatchedBoxes"] = "false",
            });
            var watch = bot.Get<ClusterWatch>();
            Assert.Contains("Cluster started", BotHarness.Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
            Assert.StartsWith("Subscribed:", BotHarness.Text(await bot.SayAsync("subscribe")), StringComparison.Ordinal);
            Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

            var client = await bot.Target.ClientAsync(CancellationToken.None);
            var request = new JobRequest("rsi(period=7|14|21)", ["TCS", "INFY"], new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), "tests");
            var (id, _) = await client.SubmitAsync(request, CancellationToken.None);
            ChangeOneClose(Path.Combine(AppContext.BaseDirectory, "data", "INFY.csv"), userData);
            using var waitForEnd = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var job = await client.WaitAsync(id, null, waitForEnd.Token);
            Assert.Equal((JobState.CompletedWithErrors, 3, 3), (job.State, job.TasksDone, job.TasksFailed));

            var notices = await watch.PollAsync("test", CancellationToken.None);
            Assert.Equal(2, notices.Count);
            Assert.All(notices, n => Assert.Equal("chat-1", n.Chat));
            Assert.Null(notices[0].Alert);
            Assert.Contains(id, notices[0].Text, StringComparison.Ordinal);
            Assert.Equal(AlertKind.JobFailed, notices[1].Alert);
            Assert.Equal($"Job {id} ended with 3 of 6 backtests failed; type 'results of job {id}' for the errors.", notices[1].Text);

            // Told once: the next look says nothing more of it.
            Assert.Empty(await watch.PollAsync("test", CancellationToken.None));
        }
        finally
        {
            Directory.Delete(userData, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<ChatNotice>> FirstNoticesAsync(ClusterWatch watch, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        IReadOnlyList<ChatNotice> notices = [];
        while (notices.Count == 0 && waited.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            notices = await watch.PollAsync("test", CancellationToken.None);
        }

        return notices;
    }

    /// <summary>Writes <paramref name="csv"/> into <paramref name="directory"/> with one rupee added to a close of March 2023.</summary>
    private static void ChangeOneClose(string csv, string directory)
    {
        var rows = File.ReadAllLines(csv);
        int row = Array.FindIndex(rows, r => r.StartsWith("2023-03", StringComparison.Ordinal));
        var cells = rows[row].Split(',');
        cells[4] = (double.Parse(cells[4], CultureInfo.InvariantCulture) + 1).ToString("R", CultureInfo.InvariantCulture);
        rows[row] = string.Join(',', cells);
        File.WriteAllLines(Path.Combine(directory, Path.GetFileName(csv)), rows);
    }
}
