using System.Net.WebSockets;

namespace ClaudBot.Dashboard.Tests;

/// <summary>/ws: a snapshot first, then the job's events in order.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class LiveSocketTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task Socket_SendsSnapshot_ThenProgressEvents_ThenJobDone()
    {
        using var socket = await Node.ConnectSocketAsync();
        var snapshot = await SocketReader.ReadAsync(socket);
        Assert.Equal("snapshot", snapshot!.Value.GetProperty("type").GetString());
        Assert.Equal(4, snapshot.Value.GetProperty("cluster").GetProperty("slots_total").GetInt32());
        Assert.Equal(JsonValueKindArray, snapshot.Value.GetProperty("jobs").ValueKind);

        string id = (await Node.SubmitAsync("rsi,macd", ["TCS", "INFY", "WIPRO", "ITC"])).GetProperty("id").GetString()!;
        var events = await SocketReader.UntilDoneAsync(socket, id);

        var types = events.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("job_queued", types[0]);
        Assert.Equal("job_done", types[^1]);
        Assert.Contains("progress", types);
        Assert.Equal(types.Count - 1, types.IndexOf("job_done"));
        var done = events.Where(e => e.GetProperty("type").GetString() == "progress").Select(e => e.GetProperty("tasks_done").GetInt32()).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Equal(8, events[^1].GetProperty("tasks_done").GetInt32());
        Assert.Equal("completed", events[^1].GetProperty("state").GetString());
        Assert.Equal(1.0, events[^1].GetProperty("progress").GetDouble());
    }

    [Fact]
    public async Task Reconnecting_GetsASnapshotWithTheJobsCurrentProgress()
    {
        string[] symbols = ["TCS", "INFY", "WIPRO", "ITC", "LT", "SBIN", "NTPC", "ONGC", "TITAN", "CIPLA", "BPCL", "HCLTECH", "TECHM", "MARUTI", "GRASIM", "HINDALCO"];
        int seen;
        string id;
        using (var first = await Node.ConnectSocketAsync())
        {
            await SocketReader.ReadAsync(first);
            id = (await Node.SubmitAsync("rsi,macd,momentum", symbols)).GetProperty("id").GetString()!;
            while (true)
            {
                var message = await SocketReader.ReadAsync(first);
                if (message!.Value.GetProperty("type").GetString() == "progress" && message.Value.GetProperty("job_id").GetString() == id)
                {
                    seen = message.Value.GetProperty("tasks_done").GetInt32();
                    break;
                }
            }

            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", CancellationToken.None);
        }

        using var second = await Node.ConnectSocketAsync();
        var snapshot = await SocketReader.ReadAsync(second);
        Assert.Equal("snapshot", snapshot!.Value.GetProperty("type").GetString());
        var job = snapshot.Value.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("id").GetString() == id);
        Assert.True(job.GetProperty("tasks_done").GetInt32() >= seen, $"snapshot {job} behind the progress event ({seen})");
        Assert.Equal(48, job.GetProperty("tasks_total").GetInt32());
        Assert.InRange(job.GetProperty("progress").GetDouble(), seen / 48.0, 1.0);

        // And the reconnected client follows the job to its end.
        var events = await SocketReader.UntilDoneAsync(second, id);
        Assert.Equal(48, events[^1].GetProperty("tasks_done").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;
}
