using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster.Metrics;

/// <summary>
/// The cluster as the queue server showed it at one scrape: jobs by state, chunks waiting, live workers with their
/// slots, and the age of the stalest heartbeat of each worker host (a box whose workers stopped beating ages).
/// </summary>
public sealed record QueueSample(
    IReadOnlyDictionary<JobState, int> JobsByState,
    int ChunksQueued,
    int Workers,
    int Slots,
    int BusySlots,
    IReadOnlyDictionary<string, double> HeartbeatAgeSecondsByHost);
