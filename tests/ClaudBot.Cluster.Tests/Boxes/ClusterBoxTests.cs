using ClaudBot.Cluster.Boxes;
using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Tests.Boxes;

/// <summary>Workers grouped into boxes, and when a drained box is done.</summary>
public sealed class ClusterBoxTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Workers_AreGroupedByHostIgnoringCase_WithSums_TheOldestBeat_AndTheFreshestBoxLoad()
    {
        var boxes = ClusterBox.From(
            [
                Beat("a-1", "a", busy: 2, age: 3, cpu: 20, rss: 100, boxCpu: 50, boxMemory: 40),
                Beat("a-2", "A", busy: 1, age: 1, cpu: 30, rss: 200, boxCpu: 60, boxMemory: 45),
                Beat("b-1", "b", busy: 0, age: 2) with { Refused = "box b: data file TCS.csv differs from the server's" },
            ],
            [],
            Now);

        Assert.Equal(2, boxes.Count);
        Assert.Equal(new ClusterBox("a", 2, 8, 3, 3, 60, 45, 50, 300, BoxState.Working, null), boxes[0]);
        Assert.Equal((BoxState.Refused, "box b: data file TCS.csv differs from the server's"), (boxes[1].State, boxes[1].Reason));
    }

    [Fact]
    public void DrainedBox_IsDrainingUntilEveryWorkerSaysDrained_AndAFlaggedBoxWithNoWorkersIsListedDrained()
    {
        var draining = ClusterBox.From([Beat("a-1", "a") with { Drain = DrainState.Drained }, Beat("a-2", "a") with { Drain = DrainState.Draining }], ["a", "gone"], Now);
        Assert.Equal([("a", BoxState.Draining), ("gone", BoxState.Drained)], draining.Select(b => (b.Host, b.State)));

        var drained = ClusterBox.From([Beat("a-1", "a") with { Drain = DrainState.Drained }, Beat("a-2", "a") with { Drain = DrainState.Drained }], ["A"], Now);
        Assert.Equal(BoxState.Drained, Assert.Single(drained).State);
    }

    [Fact]
    public void DrainProgress_WaitsForWorkersNotYetDrained_AndForgetsSilentOnesAndOtherBoxes()
    {
        WorkerHeartbeat[] workers =
        [
            Beat("w2-1", "w2", busy: 2) with { Drain = DrainState.Draining },
            Beat("w2-2", "w2"),
            Beat("w2-3", "w2", age: 31),
            Beat("w2-4", "W2") with { Drain = DrainState.Drained },
            Beat("w1-1", "w1", busy: 4),
        ];
        Assert.Equal("w2-1 (2 busy), w2-2 (not yet seen the flag)", DrainProgress.Pending(workers, "w2", Now));
        Assert.Null(DrainProgress.Pending(workers.Where(w => w.Id is "w2-3" or "w2-4" or "w1-1"), "w2", Now));
    }

    private static WorkerHeartbeat Beat(string id, string host, int busy = 0, double age = 1, double? cpu = null, long? rss = null, double? boxCpu = null, double? boxMemory = null) =>
        new(id, host, 1, 4, busy, Now.AddHours(-1), Now.AddSeconds(-age), 4, Now, CpuPercent: cpu, RssBytes: rss, BoxCpuPercent: boxCpu, BoxMemoryPercent: boxMemory);
}
