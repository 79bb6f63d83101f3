using ClaudBot.Cluster.Boxes;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// <c>GET /api/cluster</c>: workers, queue, jobs, and the box's CPU and memory use (percent); <see cref="Boxes"/> groups the
/// workers by host with each box's load and whether it takes work (refused with its reason, draining, drained).
/// </summary>
public sealed record ClusterView(IReadOnlyList<WorkerView> Workers, int SlotsTotal, int SlotsBusy, QueueView Queue, JobCounts Jobs, double CpuPercent, double MemoryPercent, IReadOnlyList<ClusterBox> Boxes);
