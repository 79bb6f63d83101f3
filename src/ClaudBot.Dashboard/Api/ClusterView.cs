namespace ClaudBot.Dashboard.Api;

/// <summary><c>GET /api/cluster</c>: workers, queue, jobs, and the box's CPU and memory use (percent).</summary>
public sealed record ClusterView(IReadOnlyList<WorkerView> Workers, int SlotsTotal, int SlotsBusy, QueueView Queue, JobCounts Jobs, double CpuPercent, double MemoryPercent);
