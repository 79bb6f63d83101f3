using System.Diagnostics;
using System.Text.RegularExpressions;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// The node's log files say what happened, each thing once: the driver's a job's queued, started, failed tasks
/// and finished lines; the worker's the chunks it took, finished and handed back, in one file per worker name.
/// </summary>
[Collection(RedisServerGroup.Name)]
[Trait("Category", "RealServer")]
public sealed class NodeLogTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-logs-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private string Logs => Path.Combine(_scratch.FullName, "logs");

    [Fact]
    public async Task JobWithAFailingSymbol_DriverLogsQueuedStartedEachFailureAndFinished_WorkerLogsEachChunk_AllOnce()
    {
        // The worker's copy of INFY is corrupt, so INFY's two tasks fail with the reason the CSV reader gives.
        string workerData = CorruptCopyOfInfy();
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string> { ["Cluster:RetryBackoff"] = "00:00:00.010" });
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker", new Dictionary<string, string> { ["MarketData:Directory"] = workerData, ["MarketData:CacheDirectory"] = Path.Combine(_scratch.FullName, "worker-cache"), ["Cluster:RefuseMismatchedBoxes"] = "false" });

        var (id, _) = await cluster.SubmitAsync("rsi,macd", "TCS,INFY");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        var driver = await LinesOnceAsync(Path.Combine(Logs, "cluster_driver.log"), $"Job {id} finished");
        var worker = Lines(Assert.Single(Directory.GetFiles(Logs, "worker_*.log")));

        Assert.Equal(JobState.CompletedWithErrors, job.State);
        AssertOnce(driver, $@"\[INF\] Job {id} queued: 4 backtests in 2 chunks; rsi,macd on TCS,INFY from 2022-01-01 to 2023-12-31, cost 10 bps, by tests$");
        AssertOnce(driver, $@"\[INF\] Job {id} started: a worker took its first chunk \d+\.\d{{3}} s after it was queued$");
        AssertOnce(driver, $@"\[WRN\] Job {id} task \d \(rsi\(period=14, lower=30, upper=70\) on INFY\) failed: INFY: .*INFY\.csv line 1240: 'High' is not a number: ""abc""$");
        AssertOnce(driver, $@"\[WRN\] Job {id} task \d \(macd\(fast=12, slow=26, signal=9\) on INFY\) failed: INFY: .*INFY\.csv line 1240: 'High' is not a number: ""abc""$");
        AssertOnce(driver, $@"\[INF\] Job {id} finished completed_with_errors in \d+\.\d{{3}} s \(\d+\.\d{{3}} s since queued\): 2 done, 2 failed of 4; results {Regex.Escape(job.ResultsFile!)}$");
        Assert.Equal(5, driver.Count(l => l.Contains($"Job {id}", StringComparison.Ordinal)));
        Assert.True(Index(driver, $"Job {id} queued") < Index(driver, $"Job {id} started") && Index(driver, $"Job {id} started") < Index(driver, $"Job {id} finished"), string.Join("\n", driver));
        var chunks = worker.Where(l => l.Contains($"for job {id}", StringComparison.Ordinal)).Select(l => Regex.Match(l, @"Took chunk (\S+):").Groups[1].Value).ToArray();
        Assert.Equal(2, chunks.Length);
        foreach (string chunk in chunks)
        {
            AssertOnce(worker, $@"\[INF\] Took chunk {chunk}: 2 backtests on (TCS|INFY) for job {id}$");
        }

        AssertOnce(worker, $@"\[INF\] Chunk {id}:\d done in \d+\.\d{{3}} s: 2 backtests, 0 failed$");
        AssertOnce(worker, $@"\[INF\] Chunk {id}:\d done in \d+\.\d{{3}} s: 2 backtests, 2 failed$");
        Assert.DoesNotContain(driver, l => l.Contains("Took chunk", StringComparison.Ordinal));
        Assert.DoesNotContain(worker, l => l.Contains($"Job {id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkerStoppedMidChunk_LogsTheHandBack_AndItsRestartWritesOnInTheSameFile()
    {
        // One chunk of ten tasks at 0.5 s each outlasts the 3 s a stopping worker waits: it is handed back.
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "10",
            ["Cluster:ThrottlePerTask"] = "00:00:00.500",
            ["Cluster:WorkerName"] = "box",
        });
        await cluster.StartNodeAsync("driver");
        var first = await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..11)", "TCS");
        await first.WaitForOutputAsync("Took chunk", TimeSpan.FromSeconds(30));
        await first.TerminateAsync(TimeSpan.FromSeconds(10));
        await cluster.StartNodeAsync("worker");
        await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        var worker = await LinesOnceAsync(Path.Combine(Logs, "worker_box-1.log"), $"Chunk {id}:0 done");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(["worker_box-1.log"], Directory.GetFiles(Logs, "worker_*.log").Select(Path.GetFileName));
        Assert.Equal(2, worker.Count(l => l.EndsWith("Worker box-1 started with 4 slots", StringComparison.Ordinal)));
        AssertOnce(worker, @"\[INF\] Worker box-1 stopped$");
        Assert.Equal(2, worker.Count(l => l.EndsWith($"Took chunk {id}:0: 10 backtests on TCS for job {id}", StringComparison.Ordinal)));
        AssertOnce(worker, $@"\[WRN\] Handed chunk {id}:0 back to the queue on stop$");
        AssertOnce(worker, $@"\[INF\] Chunk {id}:0 done in \d+\.\d{{3}} s: 10 backtests, 0 failed$");
        Assert.True(Index(worker, "Handed chunk") < Index(worker, "done in"), string.Join("\n", worker));
    }

    private string CorruptCopyOfInfy()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "worker-data")).FullName;
        foreach (string file in Directory.GetFiles(TestServices.DataDirectory, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(folder, "INFY.csv"), "2026-01-26 00:00:00+05:30,1,abc,1,1,1,0.0,0.0\n");
        return folder;
    }

    private static string[] Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The file's lines once <paramref name="marker"/> is in it: a job is marked done a moment before the line saying so is written.</summary>
    private static async Task<string[]> LinesOnceAsync(string path, string marker)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            string[] lines = File.Exists(path) ? Lines(path) : [];
            if (lines.Any(l => l.Contains(marker, StringComparison.Ordinal)) || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return lines;
            }

            await Task.Delay(50);
        }
    }

    private static void AssertOnce(string[] lines, string pattern)
    {
        int count = lines.Count(l => Regex.IsMatch(l.TrimEnd('\r'), pattern));
        Assert.True(count == 1, $"{count} lines match {pattern}:\n{string.Join("\n", lines)}");
    }

    private static int Index(string[] lines, string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
}
