using System.Net.Http.Json;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// A second box whose data differ from the server's is refused as a whole: it says why in its heartbeat, in status and the
/// API, and in the notes of the jobs it leaves to others; once its data match (pushed) it takes work without a restart.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class WorkerBoxRefusalTests : IDisposable
{
    private const string Reason = "box w2: data file TCS.csv differs from the server's";
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-boxes-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task BoxWithAChangedDataFile_IsRefusedNamingBoxAndFile_TakesNoChunk_AndWorksOnceItsDataMatch()
    {
        string w2Data = BoxCluster.CopyOfData(Path.Combine(_scratch.FullName, "w2-data"));
        EditedData.ChangeClose(w2Data, "TCS", new DateOnly(2023, 3, 1));
        var (cluster, dashboard) = await BoxCluster.StartAsync(_scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "1",
            ["Cluster:WorkerSlots"] = "1",
            ["Cluster:ThrottlePerTask"] = "00:00:00.300",
        });
        await using var _ = cluster;
        var w1 = await cluster.StartBoxAsync("w1");
        var w2 = await cluster.StartBoxAsync("w2", new Dictionary<string, string>
        {
            ["MarketData:Directory"] = w2Data,
            ["MarketData:CacheDirectory"] = Path.Combine(_scratch.FullName, "w2-cache"),
        });

        var refused = await cluster.WaitForWorkerAsync("w2-1", w => w.Refused is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(Reason, refused.Refused);
        var (id, plan) = await cluster.SubmitAsync("rsi(period=7|14),macd", "TCS,INFY");
        Assert.Equal(6, plan.TaskCount);

        // While it runs: the job carries the reason, and status and the API list both boxes with their load.
        await WaitForNoteAsync(cluster, id, TimeSpan.FromSeconds(10));
        var (_, status) = await NodeProcess.RunAsync(cluster.Settings, TimeSpan.FromSeconds(60), "status");
        Assert.Matches(@"(?m)^Boxes: 2\r?$", status);
        Assert.Matches(@"(?m)^  w1 +1 worker   slots 1  busy [01]  heartbeat \d+s ago  CPU \d+\.\d%  memory \d+\.\d%  \(workers \d+\.\d% CPU, [1-9]\d* MB\)\r?$", status);
        Assert.Matches(@"(?m)^  w2 +1 worker   slots 1  busy 0  heartbeat \d+s ago  CPU \d+\.\d%  memory \d+\.\d%  \(workers \d+\.\d% CPU, [1-9]\d* MB\)  REFUSED: " + Reason.Replace(".", @"\.", StringComparison.Ordinal) + @"\r?$", status);
        var boxes = await BoxesAsync(dashboard);
        Assert.Equal(["w1", "w2"], boxes.Select(b => b.GetProperty("host").GetString()));
        Assert.Equal(("working", "refused"), (boxes[0].GetProperty("state").GetString(), boxes[1].GetProperty("state").GetString()));
        Assert.Equal(Reason, boxes[1].GetProperty("reason").GetString());
        Assert.All(boxes, b => Assert.InRange(b.GetProperty("memory_percent").GetDouble(), 0.1, 100));
        Assert.All(boxes, b => Assert.True(b.GetProperty("workers_rss_bytes").GetInt64() > 10_000_000));
        Assert.All(boxes, b => Assert.InRange(b.GetProperty("cpu_percent").GetDouble(), 0, 100));

        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal((6, 0), (job.TasksDone, job.TasksFailed));
        Assert.Equal(Enumerable.Range(0, 6), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).Order());
        Assert.Equal([Reason], job.Notes.Where(n => n.StartsWith("box ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Took chunk", w2.Output, StringComparison.Ordinal);
        Assert.Contains("Refused, taking no chunks: " + Reason, w2.Output, StringComparison.Ordinal);

        // The server's file pushed to the box: it matches at its next heartbeat and, alone, runs the next job.
        File.Copy(Path.Combine(TestServices.DataDirectory, "TCS.csv"), Path.Combine(w2Data, "TCS.csv"), overwrite: true);
        await cluster.WaitForWorkerAsync("w2-1", w => w.Refused is null, TimeSpan.FromSeconds(20));
        w1.Kill();
        var (again, _) = await cluster.SubmitAsync("rsi", "TCS,INFY");
        var second = await cluster.WaitForEndAsync(again, TimeSpan.FromSeconds(60));
        Assert.Equal((JobState.Completed, 2, 0), (second.State, second.TasksDone, second.TasksFailed));
        Assert.DoesNotContain(second.Notes, n => n.StartsWith("box ", StringComparison.Ordinal));
        Assert.Contains("Box w2 matches the server's engine and data; taking work", w2.Output, StringComparison.Ordinal);
        Assert.Contains($"for job {again}", w2.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForNoteAsync(ClusterHarness cluster, string id, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!(await cluster.Client.GetAsync(id, cancel.Token))!.Notes.Contains(Reason))
        {
            await Task.Delay(50, cancel.Token);
        }
    }

    private static async Task<JsonElement[]> BoxesAsync(Uri dashboard)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        var cluster = await http.GetFromJsonAsync<JsonElement>("/api/cluster");
        return [.. cluster.GetProperty("boxes").EnumerateArray()];
    }
}
