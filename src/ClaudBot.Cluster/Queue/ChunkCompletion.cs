namespace ClaudBot.Cluster.Queue;

/// <summary>What storing a chunk's result did: whether it was the first result, and the job's counts after it.</summary>
internal readonly record struct ChunkCompletion(bool Stored, int ChunksDone, int ChunksTotal, int TasksDone, int TasksFailed, int TasksTotal)
{
    public bool JobComplete => ChunksDone >= ChunksTotal;
}
