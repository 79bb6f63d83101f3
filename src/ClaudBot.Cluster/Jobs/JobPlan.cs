namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A validated job, split into chunks, ready to queue; notes tell the user about aliases, clipping and dropped combinations.
/// <paramref name="ParameterBlocks"/> are the job's parameter sets in task order, cut as the chunks of one symbol cut them:
/// every symbol's chunk <c>b</c> runs block <c>b</c>.
/// </summary>
public sealed record JobPlan(JobSpec Spec, IReadOnlyList<ChunkPayload> Chunks, int TaskCount, IReadOnlyList<string> Notes, IReadOnlyList<IReadOnlyList<string>> ParameterBlocks);
