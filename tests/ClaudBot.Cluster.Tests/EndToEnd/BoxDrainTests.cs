using System.Text.RegularExpressions;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// <c>claudbot-node drain HOST --wait</c> on a box working mid-job: its workers finish (and store) the chunks they hold,
/// take no new ones, and the command returns once they are idle; the job completes on the other box, every task once.
/// </summary>
[Trait("Category", "RealServer")]
public sealed partial class BoxDrainTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-drain-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task DrainWait_OnABoxMidJob_ReturnsOnceItsHeldChunksAreDone_AndTheJobCompletesExactlyOnceElsewhere()
    {
        var (cluster, dashboard) = await BoxCluster.StartAsync(_scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "2",
            ["Cluster:WorkerSlots"] = "2",
            ["Cluster:ThrottlePerTask"] = "00:00:00.250",
        });
        await using var _ = cluster;
        await using var w1 = await cluster.StartBoxAsync("w1");
        await using var w2 = await cluster.StartBoxAsync("w2");
        var (id, plan) = await cluster.SubmitAsync("rsi(period=2..9)", "TCS,INFY,WIPRO");
        Assert.Equal(24, plan.TaskCount);
        await cluster.WaitForWorkerAsync("w2-1", w => w.Busy > 0, TimeSpan.FromSeconds(20));

        var (exit, said) = await NodeProcess.RunAsync(cluster.Settings, TimeSpan.FromSeconds(60), "drain", "w2", "--wait", "--timeout", "30");
        int takenWhenDrained = Taken(w2.Output);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Matches(@"(?m)^Box w2 is drained: none of its workers holds a chunk \(\d+\.\d s\)\.\r?$", said);
        var beat = await cluster.WaitForWorkerAsync("w2-1", _ => true, TimeSpan.FromSeconds(5));
        Assert.Equal((DrainState.Drained, 0), (beat.Drain, beat.Busy));
        Assert.True(takenWhenDrained > 0, "w2 took no chunk before the drain");

        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal((24, 0), (job.TasksDone, job.TasksFailed));
        Assert.Equal(Enumerable.Range(0, 24), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).Order());

        // Every chunk w2 took it finished and stored (none abandoned), and it took none after it said it was drained. A slot
        // whose blocking take was under way when the flag came may get one more chunk: it hands that back unrun, never runs it.
        Assert.Equal(takenWhenDrained, Taken(w2.Output));
        Assert.Equal(takenWhenDrained, DoneRegex().Count(w2.Output));
        Assert.DoesNotContain("back to the queue on stop", w2.Output, StringComparison.Ordinal);
        Assert.All(HandedBackRegex().Matches(w2.Output), m => Assert.Equal("draining", m.Groups["why"].Value));

        // The API's drain of a box drained already changes nothing; a bad name is a 400 naming the field.
        using (var http = new HttpClient { BaseAddress = dashboard })
        {
            using var redrain = await http.PostAsync(new Uri("/api/boxes/w2/drain", UriKind.Relative), null);
            string body = await redrain.Content.ReadAsStringAsync();
            Assert.True(redrain.IsSuccessStatusCode, $"{redrain.StatusCode}: {body}");
            Assert.Equal("""{"host":"w2","draining":true,"changed":false}""", body);
            using var bad = await http.PostAsync(new Uri("/api/boxes/w2;x/drain", UriKind.Relative), null);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("\"field\":\"host\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Undrained, it takes work again without a restart.
        var (undrained, _) = await NodeProcess.RunAsync(cluster.Settings, TimeSpan.FromSeconds(60), "undrain", "w2");
        Assert.Equal(ExitCodes.Success, undrained);
        await cluster.WaitForWorkerAsync("w2-1", w => w.Drain is null, TimeSpan.FromSeconds(20));
        w1.Kill();
        var (again, _) = await cluster.SubmitAsync("rsi", "TCS");
        Assert.Equal(JobState.Completed, (await cluster.WaitForEndAsync(again, TimeSpan.FromSeconds(60))).State);
        Assert.Contains($"for job {again}", w2.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainWait_ThatTimesOut_SaysWhichWorkersStillHoldChunks_AndFails()
    {
        var (cluster, _) = await BoxCluster.StartAsync(_scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "20",
            ["Cluster:WorkerSlots"] = "1",
            ["Cluster:ThrottlePerTask"] = "00:00:00.500",
        });
        await using var _ = cluster;
        await using var w2 = await cluster.StartBoxAsync("w2");
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..21)", "TCS");
        await cluster.WaitForWorkerAsync("w2-1", w => w.Busy > 0, TimeSpan.FromSeconds(20));

        var (exit, said) = await NodeProcess.RunAsync(cluster.Settings, TimeSpan.FromSeconds(60), "drain", "w2", "--wait", "--timeout", "1");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Matches(@"(?m)^Error: box w2 did not drain within 1 s; still going: w2-1 \((1 busy|not yet seen the flag)\)\. It stays flagged; run 'claudbot-node drain w2 --wait' again, or 'undrain w2'\.\r?$", said);
        Assert.Equal(JobState.Completed, (await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60))).State);
    }

    private static int Taken(string output) => TakenRegex().Count(output);

    [GeneratedRegex("Took chunk ")]
    private static partial Regex TakenRegex();

    [GeneratedRegex(@"Chunk \S+ done in ")]
    private static partial Regex DoneRegex();

    [GeneratedRegex(@"Handed chunk \S+ back unrun: this box takes no work now \((?<why>[^)]*)\)")]
    private static partial Regex HandedBackRegex();
}
