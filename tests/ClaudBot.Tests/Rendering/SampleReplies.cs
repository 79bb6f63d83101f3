using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Status;
using ClaudBot.Cluster.Worker;

namespace ClaudBot.Tests.Rendering;

/// <summary>
/// Fixed inputs for the rendering tests (a fixed clock, fixed workers and results), so their expected files
/// never change unless the rendering does. Linked into the Telegram tests too: one set of samples, two renderers.
/// </summary>
internal static class SampleReplies
{
    public static readonly DateTimeOffset At = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);

    /// <summary>A node that is up: three processes, two workers (one a bit late), one job running and two queued.</summary>
    public static NodeStatus UpStatus { get; } = new(
        "node-a",
        [new("queue", 4100, true), new("driver", 4101, true), new("worker", 4102, true)],
        new ClusterSnapshot(
            [
                new WorkerHeartbeat("node-a:4102", "node-a", 4102, 4, 3, At.AddHours(-2), At.AddSeconds(-2)),
                new WorkerHeartbeat("node-b:7001", "node-b", 7001, 8, 8, At.AddHours(-1), At.AddSeconds(-12.4)),
            ],
            JobsRunning: 1,
            JobsQueued: 2,
            ChunksQueued: 37,
            TasksPending: 12_345,
            UnreadableWorkers: []),
        QueueError: null,
        CpuPercent: 23.44,
        MemoryPercent: 61.25,
        At);

    /// <summary>A node whose worker died and whose queue does not answer.</summary>
    public static NodeStatus DownStatus { get; } = new(
        "node-a",
        [new("queue", 4100, false), new("driver", 4101, true), new("worker", 4102, false)],
        null,
        "It was not possible to connect to the redis server(s). UnableToConnect on 127.0.0.1:6380",
        CpuPercent: 3.0,
        MemoryPercent: 40.5,
        At);

    private static readonly DateOnly From = new(2022, 1, 3);
    private static readonly DateOnly To = new(2022, 12, 30);

    /// <summary>
    /// Ranked rows: a grid's parameters, a symbol with an ampersand, and a strategy that never traded, read from a results
    /// file written before the benchmark and fees (no excess return, no fees: "-").
    /// </summary>
    public static IReadOnlyList<ResultRow> Rows { get; } =
    [
        new(3, "rsi", "rsi(period=10)", "INFY", From, To, 0.0541, 0.0549, 0.35, -0.204, 3, 2.0 / 3, 1.8, 1_054_100) { ExcessReturn = -0.0312, Fees = 2_412.7 },
        new(0, "macd", "macd(fast=8)", "M&M", From, To, 0.1237, 0.1252, 0.91, -0.1433, 7, 0.5714, 2.2, 1_123_700) { ExcessReturn = 0.0815, Fees = 13_364.43 },
        new(5, "sma_cross", "sma_cross(fast=20,slow=100)", "TCS", From, To, 0.0, 0.0, 0.0, 0.0, 0, 0.0, null, 1_000_000),
    ];

    /// <summary>What "results of job k7m2qz" shows: the ranked table and the best per symbol.</summary>
    public static Reply Results { get; } = new(
    [
        new TextPart("Job k7m2qz completed: 3 backtests, 0 failed.", ReplyTone.Success),
        ResultTables.Ranked("Top 3 by Sharpe", [.. Rows.OrderByDescending(r => r.Sharpe)]),
        ResultTables.BestBySymbol([.. Rows.OrderBy(r => r.Symbol, StringComparer.Ordinal)]),
    ]);

    /// <summary>What "monitor" shows for <paramref name="status"/>, with the chat's start hint.</summary>
    public static Reply Monitor(NodeStatus status) => new([new BlockPart(NodeStatusText.Describe(status, "type 'start cluster'"))]);
}
