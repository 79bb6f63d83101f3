using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>The node's folder on a full filesystem (a 16 MB tmpfs filled to the last byte): refusals in one line, nothing lost, resumes by itself.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class DiskFullTests : IDisposable
{
    private readonly RedisServerFixture _redis;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-diskfull-");
    private readonly FullDisk _disk;

    public DiskFullTests(RedisServerFixture redis)
    {
        _redis = redis;
        _disk = FullDisk.Mount(Path.Combine(_scratch.FullName, "disk"), 16);
    }

    public void Dispose()
    {
        _disk.Dispose();
        _scratch.Delete(recursive: true);
    }

    [Fact]
    public async Task Submit_OnAFullDisk_IsRefusedInOneLine_StatusSaysSo_AndTakesJobsOnceSpaceReturns()
    {
        await using var cluster = Cluster();
        string[] submit = ["submit", "rsi", "TCS", "2022-01-01", "2023-12-31", "--by", "disk-" + Guid.NewGuid().ToString("N")[..8]];
        // The commands' own output only, not their information lines.
        var settings = new Dictionary<string, string>(cluster.Settings) { ["Logging:LogLevel:Default"] = "Warning" };
        _disk.Fill();

        var (refused, refusal) = await NodeProcess.RunAsync(settings, TimeSpan.FromSeconds(60), submit);
        var (_, status) = await NodeProcess.RunAsync(settings, TimeSpan.FromSeconds(60), "status", "--json");

        Assert.Equal(1, refused);
        string line = Assert.Single(refusal.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Error: The disk holding {Path.Combine(_disk.MountPoint, "results")} is full: 0 MB free, below the node's floor of 4 MB (Cluster:MinFreeDiskMb); nothing was queued.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(await cluster.Client.ListAsync(0, 1000, CancellationToken.None), j => j.Spec.SubmittedBy == submit[^1]);
        var disk = JsonDocument.Parse(status).RootElement.EnumerateObject().Single(p => p.Name.Equals("disk", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Equal(JsonValueKind.True, disk.EnumerateObject().Single(p => p.Name.Equals("low", StringComparison.OrdinalIgnoreCase)).Value.ValueKind);

        _disk.Free();
        var (accepted, queued) = await NodeProcess.RunAsync(settings, TimeSpan.FromSeconds(60), submit);

        Assert.True(accepted == 0, queued);
        Assert.Contains("queued: 1 backtests in 1 chunks", queued, StringComparison.Ordinal);
        Assert.Single(await cluster.Client.ListAsync(0, 1000, CancellationToken.None), j => j.Spec.SubmittedBy == submit[^1]);
    }

    [Fact]
    public async Task JobDoneOnAFullDisk_KeepsItsResultsInTheQueue_AndCompletesWholeOnceSpaceReturns()
    {
        await using var cluster = Cluster();
        var (id, _) = await cluster.SubmitAsync("rsi(period=5..9),macd", "TCS,INFY");
        _disk.Fill();
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");

        await cluster.WaitForProgressAsync(id, 1.0, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var waiting = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((JobState.Running, 12), (waiting.State, waiting.TasksDone));
        Assert.Equal(["filler.bin"], Directory.GetFiles(_disk.MountPoint, "*", SearchOption.AllDirectories).Select(Path.GetFileName));

        _disk.Free();
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal((JobState.Completed, 12, 0), (job.State, job.TasksDone, job.TasksFailed));
        Assert.Equal(12, ClusterHarness.ReadResults(job).Length);
        // This job's own leftovers only: the queue server is shared with the collection's other tests, and this driver also
        // finishes any job an earlier test left done but unfinished, whose file may be mid-write in the same folder.
        Assert.Empty(Directory.GetFiles(Path.Combine(_disk.MountPoint, "results"), $"job_{id}.*tmp"));
    }

    // Results on the full disk; logs beside it, so the nodes' output can still explain a failure.
    private ClusterHarness Cluster() => new(_redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
    {
        ["Cluster:ResultsDirectory"] = Path.Combine(_disk.MountPoint, "results"),
        ["Cluster:MinFreeDiskMb"] = "4",
    });
}
