namespace ClaudBot.Cluster.Jobs;

/// <summary>A validated job, split into chunks, ready to queue; notes tell the user about aliases, clipping and dropped combinations.</summary>
public sealed record JobPlan(JobSpec Spec, IReadOnlyList<ChunkPayload> Chunks, int TaskCount, IReadOnlyList<string> Notes);
