using ClaudBot.Cluster.Notifications;

namespace ClaudBot.Bot.NodeApi;

/// <summary>A schedule as the node's <c>/api/schedules</c> shows it: what it runs, when, when next, and what its last run did.</summary>
public sealed record NodeSchedule(
    string Id,
    string Every,
    string At,
    string TimeZone,
    string Strategies,
    IReadOnlyList<string> Symbols,
    string Period,
    string CreatedBy,
    DateTimeOffset NextRun,
    DateTimeOffset? LastRun,
    string? LastJobId,
    string? LastError)
{
    /// <summary>The chats told of each run's end; empty when none.</summary>
    public IReadOnlyList<JobFollower> Notify { get; init; } = [];
}

/// <summary>The body of <c>POST /api/schedules</c> as the bot sends it.</summary>
internal sealed record ScheduleBody(
    string Strategies, IReadOnlyList<string> Symbols, string Period, string Every, string At, string? TimeZone, string SubmittedBy,
    string? Costs, double? SlippageBps, string? Size, bool? WholeShares, IReadOnlyList<JobFollower>? Notify);
