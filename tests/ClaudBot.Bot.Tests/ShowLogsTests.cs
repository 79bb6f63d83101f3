using System.Diagnostics;
using System.Text.RegularExpressions;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>'show logs' on the local target shows what the node did with a job, and a restarted node keeps one worker log.</summary>
[Trait("Category", "RealServer")]
public sealed class ShowLogsTests
{
    [Fact]
    public async Task AfterABacktest_DriverAndWorkerLogsShowTheJob_OnceEach_AndARestartWritesOnInTheSameWorkerLog()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        string job = (await bot.SayAsync("backtest rsi,macd on TCS,INFY from 2022-01-01 to 2023-12-31")).FollowJob!;
        await bot.Engine.FollowAsync(job, null, CancellationToken.None);

        string driver = await LogUntilAsync(bot, "last 100 lines of driver log", $"Job {job} finished");
        string worker = Text(await bot.SayAsync("show worker logs"));
        Assert.NotNull((await bot.SayAsync("restart cluster")).Confirm);
        Assert.Contains("Cluster started", Text(await bot.SayAsync("yes")), StringComparison.Ordinal);
        string restarted = Text(await bot.SayAsync("last 200 lines of worker log"));

        Assert.Equal(1, Count(driver, $@"Job {job} queued: 4 backtests in 2 chunks; rsi,macd on TCS,INFY from 2022-01-01 to 2023-12-31, cost 10 bps, by "));
        Assert.Equal(1, Count(driver, $@"Job {job} started: "));
        Assert.Equal(1, Count(driver, $@"Job {job} finished completed in .*: 4 done, 0 failed of 4; results "));
        Assert.Equal(2, Count(worker, $@"Took chunk {job}:\d: 2 backtests on (TCS|INFY) for job {job}"));
        Assert.Equal(2, Count(worker, $@"Chunk {job}:\d done in .* s: 2 backtests, 0 failed"));
        string worker1 = Assert.Single(Directory.GetFiles(bot.LogDirectory, "worker_*.log"));
        string name = Regex.Match(Path.GetFileName(worker1), "^worker_(.+)\\.log$").Groups[1].Value;
        Assert.Equal(2, Count(restarted, $"Worker {Regex.Escape(name)} started with 4 slots"));
        Assert.Equal(1, Count(restarted, $"Worker {Regex.Escape(name)} stopped"));
    }

    private static int Count(string text, string pattern) => text.Split('\n').Count(l => Regex.IsMatch(l, pattern));

    /// <summary>The log as the bot shows it once it has <paramref name="marker"/>: a job is marked done a moment before the driver logs it.</summary>
    private static async Task<string> LogUntilAsync(BotHarness bot, string request, string marker)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            string text = Text(await bot.SayAsync(request));
            if (text.Contains(marker, StringComparison.Ordinal) || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return text;
            }

            await Task.Delay(100);
        }
    }
}
