using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster.Queue;

/// <summary>A chunk a worker holds the lease of, with its job's state at the time it was claimed.</summary>
internal sealed record ClaimedChunk(string ChunkId, JobState JobState, ChunkPayload? Payload);
